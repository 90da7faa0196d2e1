import type { Metrics } from './types.js';
/** `f1_score=0.91` → ['f1_score', 0.91]. */
export declare function parseMetricAssignment(input: string): [string, number];
/** A JSON object of finite numbers (a metrics file, a gate's thresholds…); `where` names its origin. */
export declare function parseMetricsObject(value: unknown, where: string): Metrics;
/** Later sets win. Object.fromEntries defines own properties, so no key can reach a prototype. */
export declare function mergeMetrics(...sets: Metrics[]): Metrics;
