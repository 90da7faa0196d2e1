import type { Criteria } from '../domain/selection.js';
import type { ModelVersion } from '../domain/types.js';
import type { CommandContext } from './context.js';
/**
 * A fetch in progress writes its temp file beside the destination continuously; one untouched for
 * this long was left by a killed fetch, and the next fetch to the same place removes it.
 */
export declare const STALE_FETCH_TEMP_MS: number;
export interface FetchInput {
    reference?: string;
    criteria?: Criteria;
    /**
     * A file path, or a directory to put `<model_id><ext>` in (an existing one, or a path ending
     * in `/`). The directory that receives the file must exist unless `mkdir` is set.
     */
    out: string;
    /** Create the receiving directory when it is missing: only that one, never its parents. */
    mkdir?: boolean;
}
export interface FetchOutcome {
    version: ModelVersion;
    path: string;
}
export declare function fetchModel(ctx: CommandContext, input: FetchInput): Promise<FetchOutcome>;
export interface FetchIfChangedOutcome extends FetchOutcome {
    /** False when the destination already held exactly the chosen version's bytes: nothing was downloaded. */
    changed: boolean;
}
/**
 * fetch --if-changed / --watch: the destination is left alone when it already holds the chosen
 * version's bytes (its SHA-256 is the recorded one); otherwise it is replaced atomically by the
 * verified download.
 */
export declare function fetchIfChanged(ctx: CommandContext, input: FetchInput): Promise<FetchIfChangedOutcome>;
