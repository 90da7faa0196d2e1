import type { Comparison, MetricRow } from './shapes.js';
import type { ModelVersion, RegistryPolicy } from './types.js';
export type { Comparison, ComparedVersion, MetricRow } from './shapes.js';
/** `policy` says per metric whether lower is better (registry.json `metrics`); without it, higher is. */
export declare function compareModels(versions: ModelVersion[], policy?: RegistryPolicy): Comparison;
/** The BEST cell of a comparison row, the same words in every front: a ref, a tie, or a dash. */
export declare function describeBest(row: MetricRow, refs: string[]): string;
/** The metric's name as a comparison shows it, with the direction when lower is better. */
export declare function describeMetric(row: MetricRow): string;
