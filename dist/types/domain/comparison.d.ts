import type { ModelVersion, RegistryPolicy } from './types.js';
export interface ComparedVersion {
    ref: string;
    model_id: string;
    stage: string;
    registered_at: string;
}
export interface MetricRow {
    metric: string;
    values: (number | null)[];
    /** value − first version's value; null when either is missing. */
    deltas: (number | null)[];
    /** delta / |first value|; null when the first value is 0 or missing. */
    relative: (number | null)[];
    /** From registry.json's `metrics`: which way is better for this metric. */
    better: 'higher' | 'lower';
    /** Index of the one best value; null when no version has the metric or when the best is a tie. */
    best: number | null;
    /** Indexes sharing the best value when two or more do (a tie); empty otherwise. */
    tied: number[];
}
export interface Comparison {
    versions: ComparedVersion[];
    metrics: MetricRow[];
}
/** `policy` says per metric whether lower is better (registry.json `metrics`); without it, higher is. */
export declare function compareModels(versions: ModelVersion[], policy?: RegistryPolicy): Comparison;
/** The BEST cell of a comparison row, the same words in every front: a ref, a tie, or a dash. */
export declare function describeBest(row: MetricRow, refs: string[]): string;
/** The metric's name as a comparison shows it, with the direction when lower is better. */
export declare function describeMetric(row: MetricRow): string;
