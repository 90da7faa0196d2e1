/**
 * The optimistic update both backends run: read the tip, build the change on a snapshot of it,
 * write the commit, and move the branch only if it still holds that tip; a lost race backs off
 * and builds again on the new tip. How a tip is read and how a branch is moved is the backend's
 * (a ref-lock compare-and-swap in a local repository, a push without force to a remote), so it
 * comes in through a BranchEndpoint and the loop itself exists once.
 */
import type { RegistryError } from '../domain/errors.js';
import type { RegistryPolicy } from '../domain/types.js';
import type { ChangeBuilder, ChangeSet, CommitOutcome, ProposeOutcome } from './backend.js';
import { type CommitIdentity, type Identity, type WrittenCommit } from './commit-writer.js';
import type { GitReader } from './git-reader.js';
/** What differs between backends: where the registry branch's tip is read and how branches move. */
export interface BranchEndpoint {
    /** The registry branch's tip as it is now; null when the branch does not exist. */
    readTip(): Promise<string | null>;
    /**
     * Writes the change's blobs, trees and commit on `parent` where the branch lives (the local
     * object store: commit-writer.ts; GitHub's Git Database API: src/github/git-database-backend.ts).
     * Null when the files leave the parent's tree as it was.
     */
    writeCommit(parent: {
        commit: string;
        tree: string;
    } | null, change: ChangeSet, identity: CommitIdentity, when: Date): Promise<WrittenCommit | null>;
    /**
     * Moves the registry branch to `written.commit` only if it still holds `expected` (null: must
     * not exist). False when someone else moved it first; `attempt` counts from 1.
     */
    swapTip(expected: string | null, written: WrittenCommit, attempt: number): Promise<boolean>;
    /** Points the proposal branch at `written.commit`, replacing what it held; false on a lost race. */
    swapProposal(written: WrittenCommit, branch: string): Promise<boolean>;
    /**
     * After a proposal lost its race: true to read the tip and build the proposal again, false to
     * retry the commit already built (its base is the tip read for it, which stays a valid parent).
     */
    readonly rebuildLostProposals: boolean;
    /** The error for a registry branch that does not exist yet. */
    notInitialised(): RegistryError;
    /** The error once `attempts` attempts in a row lost their race on `branch`. */
    keptChanging(branch: string, attempts: number): RegistryError;
}
/** What the writer reads from a backend's options (both backends' options carry these fields). */
export interface OptimisticWriterSettings {
    /** Author and committer of every commit; without it, `identity`, else resolveIdentity's order. */
    author?: Identity;
    /**
     * Asked once, at the first commit (so a read-only command never resolves or reports it):
     * the front's resolution, e.g. from its own environment, with its notice for a fallback.
     */
    identity?: () => Promise<CommitIdentity>;
    /** How many times a change is built before giving up with a 'conflict' error. Default 50. */
    maxAttempts?: number;
    now?: () => Date;
}
export declare class OptimisticWriter {
    private readonly endpoint;
    private readonly reader;
    /** The registry branch, which a proposal must not name. */
    private readonly branch;
    private readonly maxAttempts;
    private readonly now;
    private readonly explicitAuthor?;
    private readonly identityProvider?;
    private identity?;
    constructor(endpoint: BranchEndpoint, reader: GitReader, 
    /** The registry branch, which a proposal must not name. */
    branch: string, options: OptimisticWriterSettings);
    requireTip(): Promise<string>;
    /** Creates the registry branch holding `policy` unless it exists; the caller has validated the policy. */
    init(policy: RegistryPolicy): Promise<{
        created: boolean;
        commit: string;
    }>;
    update<T>(build: ChangeBuilder<T>): Promise<CommitOutcome<T>>;
    /** Builds the change on the registry tip and points the proposal branch at it; the registry branch never moves. */
    propose<T>(build: ChangeBuilder<T>, branch: string): Promise<ProposeOutcome<T>>;
    private buildOnTip;
    private author;
    private afterLostRace;
}
