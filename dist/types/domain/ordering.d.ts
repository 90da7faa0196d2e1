import type { ModelVersion } from './types.js';
export declare const ARCHIVED_STAGE = "archived";
/** What ordering and selection read of a version: a ModelVersion, or a layout 2 row seen as one. */
export type Selectable = Pick<ModelVersion, 'name' | 'model_type' | 'version' | 'registered_at' | 'deployment_stage' | 'tags' | 'performance_metrics'> & {
    artifact: {
        deleted?: boolean;
    };
};
export declare function registeredAtMs(v: Pick<ModelVersion, 'registered_at'>): number;
/**
 * A registration time as an instant (an unreadable one counts as the epoch), not kept: for
 * callers that parse each time once (the k-way merge of a listing, the row layout), where the
 * cache above would only hold every time of the registry (100,000 keys and numbers were half of
 * a full listing's live heap, and V8 sizes the heap to a multiple of what is live).
 */
export declare function parseRegisteredAt(text: string): number;
/** Oldest registration first; same instant → lower version first. */
export declare function byRegistration(a: Selectable, b: Selectable): number;
/** Newest registration first; same instant → higher version first. */
export declare function newestFirst(a: Selectable, b: Selectable): number;
/** A tombstone: retention removed its artifact, or it was moved to the archived stage. */
export declare function isArchived(v: Pick<Selectable, 'deployment_stage' | 'artifact'>): boolean;
/**
 * Entries by key, in UTF-16 code-unit order: the same on every machine and locale (the derived
 * files are byte-for-byte deterministic), and no ICU collator to build — `localeCompare`'s
 * first call costs a command's start-up ~20 ms.
 */
export declare function byKey(a: readonly [string, unknown], b: readonly [string, unknown]): number;
