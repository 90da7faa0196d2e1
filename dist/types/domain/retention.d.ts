import type { ModelIndex, ModelVersion, RetentionPolicy } from './types.js';
export interface RetentionDecision {
    version: ModelVersion;
    action: 'keep' | 'delete';
    reason: string;
}
export interface RetentionOptions {
    retention: RetentionPolicy;
    now: Date;
    /** Overrides retention.keep_last (e.g. `cleanup --keep-last`). */
    keepLast?: number;
    /** Overrides retention.min_age_days. */
    minAgeDays?: number;
    /**
     * Versions of other models whose parent_model_id may point into this one (a fine-tune of
     * another model); planRegistryRetention passes the whole registry.
     */
    related?: ModelVersion[];
}
export interface RetentionInput extends RetentionOptions {
    /** The versions of one model. */
    versions: ModelVersion[];
}
export declare function planRetention(input: RetentionInput): RetentionDecision[];
/** Every model's plan, flattened; parent links across models are honoured. */
export declare function planRegistryRetention(indexes: ModelIndex[], options: RetentionOptions): RetentionDecision[];
