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
 * version — a file whose SHA-256 is the recorded one, or for a directory version a directory
 * holding exactly the manifest's files (nothing more, each the recorded size and SHA-256).
 * Otherwise it is replaced by the verified download: a file atomically by the store, a directory
 * by fetchDirectory's replace mode (the new tree verified beside it before the old one goes).
 *
 * For a directory version, `out` without a trailing `/` names the directory kept in place even
 * when it exists (it is what an earlier run put there); `out/` still receives `<model_id>`.
 * A directory version never replaces a file, or anything that is not a directory, nor a
 * non-empty directory no earlier run put there (managedMarker), nor the current directory (exit 2).
 */
export declare function fetchIfChanged(ctx: CommandContext, input: FetchInput): Promise<FetchIfChangedOutcome>;
/**
 * The file beside a directory that fetch --if-changed/--watch keeps at a version, saying it did so
 * (and which version it last put there), or found there exactly. Replacing a directory removes
 * everything in it, so only such a directory — or an empty one — is ever replaced: `--out` naming a directory that holds
 * other things (a parent meant to receive `<model_id>`, say) must not lose them.
 */
export declare function managedMarker(out: string): string;
