import type { ModelSummary } from '../domain/shapes.js';
import type { CommandContext } from './context.js';
export type { ModelSummary };
export declare function listModels(ctx: CommandContext): Promise<ModelSummary[]>;
