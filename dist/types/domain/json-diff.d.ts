/** Structural comparison of JSON values, reporting where they first differ (for consistency reports). */
/**
 * The JSON path (`$.performance_metrics.f1`) of the first difference, or null when equal.
 * Object key order is ignored, as JSON does; `undefined` members count as absent.
 */
export declare function firstDifference(a: unknown, b: unknown, path?: string): string | null;
export declare function jsonEqual(a: unknown, b: unknown): boolean;
