import type { ModelSummary } from '../domain/shapes.js';
import type { ModelIndex } from '../domain/types.js';
import type { CommandContext } from './context.js';
export type { ModelSummary };
export declare function listModels(ctx: CommandContext): Promise<ModelSummary[]>;
/** A model's summary from every one of its version documents (layout 1's index, or one built from the files). */
export declare function summaryOfIndex(name: string, index: ModelIndex): ModelSummary;
