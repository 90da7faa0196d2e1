import type { CommandContext } from './context.js';
/** Where the time of the last cleanup on this machine is kept (auto cleanup reads it). */
export declare const LAST_CLEANUP_KEY = "last-cleanup";
export interface CleanupInput {
    keepLast?: number;
    minAgeDays?: number;
    dryRun?: boolean;
}
export interface CleanupDecision {
    reference: string;
    model_id: string;
    stage: string;
    registered_at: string;
    action: 'keep' | 'delete';
    reason: string;
    bytes: number;
}
export interface CleanupOutcome {
    dry_run: boolean;
    mode: 'archive' | 'remove';
    keep_last: number;
    decisions: CleanupDecision[];
    deleted_count: number;
    freed_bytes: number;
    commit: string | null;
    /** Stored items no live version uses, removed (or, in a dry run, that would be). */
    swept: {
        id: string;
        label: string;
        size: number;
    }[];
    /** Live versions whose stored bytes are missing: reported, never deleted (see doctor). */
    missing: string[];
    /** Live versions whose interrupted registration this run finished (published), or would finish. */
    finished: string[];
}
export declare function cleanup(ctx: CommandContext, input?: CleanupInput): Promise<CleanupOutcome>;
