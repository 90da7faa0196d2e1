/** compare: the Python registry's compare_models(): metrics side by side, deltas against the first. */
import { type Comparison } from '../domain/comparison.js';
import type { ModelVersion } from '../domain/types.js';
import type { CommandContext } from './context.js';
export interface CompareOutcome {
    versions: ModelVersion[];
    comparison: Comparison;
}
export declare function compare(ctx: CommandContext, references: string[]): Promise<CompareOutcome>;
