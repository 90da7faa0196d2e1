import type { RegistryPolicy } from './types.js';
export declare const NAME_PATTERN: RegExp;
export declare const TAG_PATTERN: RegExp;
export declare const METRIC_NAME_PATTERN: RegExp;
/** A model name (or any other slug, per `what`): one safe path segment. */
export declare function parseName(input: string, what?: string): string;
export declare function parseModelType(input: string): string;
export declare function parseTag(input: string): string;
export declare function parseMetricName(input: string): string;
export declare function parseStage(policy: RegistryPolicy, input: string): string;
