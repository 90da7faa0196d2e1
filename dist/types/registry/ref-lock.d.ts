import { type Signature } from './objects.js';
/** A lock older than this is probably left by a crashed process; reported, never deleted. */
export declare const STALE_LOCK_MS: number;
export type RefSwapResult = {
    swapped: true;
    current: string;
} | {
    swapped: false;
    reason: 'mismatch';
    current: string | null;
} | {
    swapped: false;
    reason: 'locked';
    lockPath: string;
    lockAgeMs: number;
    stale: boolean;
};
export interface ReflogEntry {
    who: Signature;
    message: string;
}
/** Reads a ref (e.g. `refs/heads/model-registry`): the loose file first, then packed-refs. */
export declare function readRef(gitdir: string, ref: string): Promise<string | null>;
/**
 * Sets `ref` to `next` only if it currently holds `expected` (null: must not exist).
 * A lock held by someone else is a conflict for the caller to retry, not an error.
 */
export declare function compareAndSwapRef(gitdir: string, ref: string, expected: string | null, next: string, options?: {
    reflog?: ReflogEntry;
    staleAfterMs?: number;
}): Promise<RefSwapResult>;
