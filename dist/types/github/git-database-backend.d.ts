import type { RegistryPolicy } from '../domain/types.js';
import { type ChangeBuilder, type CommitOutcome, type LogEntry, type LogOptions, type ProposeOutcome, type RegistryBackend, type RegistrySnapshot } from '../registry/backend.js';
import type { Identity } from '../registry/commit-writer.js';
import type { RemoteRegistryBackend } from '../registry/remote-backend.js';
import type { RepoRef } from './call.js';
import type { GitHubClient } from './client.js';
export interface GitDatabaseBackendOptions extends RepoRef {
    client: GitHubClient;
    /** Default `model-registry`. */
    branch?: string;
    /** Author and committer of every commit (GitHub mode always knows who acts). */
    author: Identity;
    /** How many times a change is built before giving up with a 'conflict' error. Default 50. */
    maxAttempts?: number;
    now?: () => Date;
    /** Answers the history questions (a git fetch of the same branch). */
    history: RemoteRegistryBackend;
    /** Named in messages, e.g. `https://github.com/acme/models`. */
    displayUrl: string;
}
export declare class GitDatabaseBackend implements RegistryBackend {
    readonly description: string;
    readonly branch: string;
    private readonly api;
    private readonly reader;
    private readonly writer;
    private readonly history;
    private readonly displayUrl;
    /** A snapshot being opened: callers asking at the same moment share its requests. */
    private opening;
    constructor(options: GitDatabaseBackendOptions);
    init(policy: RegistryPolicy): Promise<{
        created: boolean;
        commit: string;
    }>;
    /**
     * Callers that ask while a snapshot is still being opened get that one (register asks for the
     * tip and, opening the release store, for the policy at once): the tip read then is as fresh as
     * one of its own would be, and costs one request, not two.
     */
    snapshot(): Promise<RegistrySnapshot>;
    update<T>(build: ChangeBuilder<T>): Promise<CommitOutcome<T>>;
    propose<T>(build: ChangeBuilder<T>, branch: string): Promise<ProposeOutcome<T>>;
    /** A full commit id is read through the API; an abbreviated one needs the fetched history to expand it. */
    snapshotAt(commit: string): Promise<RegistrySnapshot>;
    /** The audit log walks history: one request per commit would not do, so it reads a git fetch. */
    log(options?: LogOptions): Promise<LogEntry[]>;
    readJsonAt(commit: string, path: string): Promise<unknown | null>;
    /**
     * A full id is looked up through the API (every commit of the repository is there, a pull
     * request's head too); a branch or ref name is read as a ref; an abbreviated id is expanded
     * in the fetched history.
     */
    fetchCommit(ref: string, from?: string[]): Promise<string>;
    parents(commit: string): Promise<string[]>;
    /** One tree on the parent's (files inline, nested paths), then the commit; null for an unchanged tree. */
    private writeCommit;
    /**
     * An update that fails in transit may have been applied before the answer was lost; reporting
     * failure would make register delete an artifact whose metadata landed. So the tip is read:
     * our commit there means it landed; otherwise it is tried again, a few times, like a lost race.
     */
    private swapTip;
}
