import { type RepoRef } from './call.js';
import type { GitHubClient } from './client.js';
export interface ApiTreeEntry {
    path: string;
    mode: string;
    type: string;
    sha: string;
}
export interface ApiCommit {
    sha: string;
    tree: string;
    parents: string[];
    message: string;
    author: ApiPerson;
    committer: ApiPerson;
}
export interface ApiPerson {
    name: string;
    email: string;
    /** ISO 8601 with the signature's UTC offset, e.g. `2014-08-09T08:02:04+12:00`. */
    date: string;
}
/** One file of a new tree: its content, or null to delete it (it must exist: GitHub refuses otherwise). */
export interface TreeWrite {
    path: string;
    content: string | null;
}
export type RefUpdate = 'updated' | 'moved';
/**
 * An entry of a contents-API directory listing, as a tree entry: the listing gives no file mode,
 * so a file is 100644 (the registry branch holds no executables or symlinks; its readers never
 * re-encode a listed directory, only trees read by id).
 */
export interface ApiDirectoryEntry {
    sha: string;
    mode: string;
    type: 'blob' | 'tree' | 'commit';
}
export declare class GitDatabase {
    private readonly client;
    private readonly ref;
    private readonly slug;
    constructor(client: GitHubClient, ref: RepoRef);
    private get git();
    private fail;
    /** The commit a branch points at; null when the branch (or every branch: an empty repository) is absent. */
    branchTip(branch: string): Promise<string | null>;
    /** The commit a ref (`heads/x`, `pull/3/head`, `tags/v1`, peeled) points at; null when absent. */
    refTarget(ref: string): Promise<string | null>;
    /** Null when the repository has no such commit. */
    commit(sha: string): Promise<ApiCommit | null>;
    /** One tree's own entries (not recursive), and the id GitHub answered for (a commit's tree for a commit id). */
    tree(sha: string): Promise<{
        sha: string;
        entries: ApiTreeEntry[];
    } | null>;
    /** A blob's bytes (the raw media type: no base64 on the wire); null when absent. */
    blob(sha: string): Promise<Buffer | null>;
    /**
     * The file at `path` in `commit`, raw; null when absent. A directory there answers with its
     * listing (JSON, whatever the media type asked): 'directory'.
     */
    file(commit: string, path: string): Promise<Buffer | 'directory' | null>;
    /**
     * The entries of the directory at `path` in `commit` (contents API, one request whatever the
     * depth); null when nothing is there, 'file' when a file is. GitHub lists at most 1,000
     * entries of a directory ("This API has an upper limit of 1,000 files for a directory. If you
     * need to retrieve more files, use the Git Trees API."): a listing that long is 'too-long',
     * since what it leaves out cannot be told from what is absent.
     */
    directory(commit: string, path: string): Promise<Map<string, ApiDirectoryEntry> | 'file' | 'too-long' | null>;
    /** A tree: `base` with `files` written or deleted (nested paths); returns the new root tree's id. */
    createTree(base: string | null, files: TreeWrite[]): Promise<string>;
    createCommit(commit: {
        message: string;
        tree: string;
        parents: string[];
        author: ApiPerson;
        committer: ApiPerson;
    }): Promise<string>;
    /**
     * Moves `branch` to `sha` only as a fast-forward (`force: false`): 'moved' when the branch no
     * longer holds an ancestor of `sha` (someone else's update landed first). A ruleset's refusal
     * ("Repository rule violations found") is an error, not a lost race.
     */
    fastForward(branch: string, sha: string): Promise<RefUpdate>;
    /** Creates `branch` at `sha`; 'moved' when it exists already. */
    createBranch(branch: string, sha: string): Promise<RefUpdate>;
    /** Points `branch` at `sha` whatever it held (a proposal branch), creating it when absent. */
    setBranch(branch: string, sha: string): Promise<void>;
    private refused;
}
