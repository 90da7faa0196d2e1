import type { CompareOutcome } from '../domain/shapes.js';
import type { CommandContext } from './context.js';
export type { CompareOutcome } from '../domain/shapes.js';
export declare function compare(ctx: CommandContext, references: string[]): Promise<CompareOutcome>;
