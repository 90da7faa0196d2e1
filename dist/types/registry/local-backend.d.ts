import type { RegistryPolicy } from '../domain/types.js';
import type { ChangeBuilder, CommitOutcome, LogEntry, LogOptions, ProposeOutcome, RegistryBackend, RegistrySnapshot } from './backend.js';
import { type CommitIdentity, type Identity } from './commit-writer.js';
import type { ObjectReaderChoice } from './object-source.js';
export interface LocalBackendOptions {
    /** The working tree, or the repository itself when bare. */
    dir: string;
    gitdir: string;
    /** Default `model-registry`. */
    branch?: string;
    /** Default: git's resolution (src/registry/git-identity.ts), else `mreg <mreg@localhost>`. */
    author?: Identity;
    /** Asked at the first commit when `author` is not given (OptimisticWriterSettings.identity). */
    identity?: () => Promise<CommitIdentity>;
    /** How many times a change is built before giving up with a 'conflict' error. Default 50. */
    maxAttempts?: number;
    now?: () => Date;
    /** How Git objects are read: `auto` (default) is `git cat-file --batch` when git runs, else isomorphic-git. */
    objects?: ObjectReaderChoice;
}
export declare class LocalRegistryBackend implements RegistryBackend {
    readonly description: string;
    readonly dir: string;
    readonly gitdir: string;
    readonly branch: string;
    private readonly ref;
    private readonly reader;
    private readonly writer;
    constructor(options: LocalBackendOptions);
    /** The branch tip, or null when the registry has not been initialised. */
    tip(): Promise<string | null>;
    /**
     * The branch must name a commit whose tree is there: a ref pointed at a blob, or at objects a
     * careless prune or copy lost, is a damaged registry (exit 3) with what to do, never a bug.
     */
    private checkTip;
    init(policy: RegistryPolicy): Promise<{
        created: boolean;
        commit: string;
    }>;
    snapshot(): Promise<RegistrySnapshot>;
    snapshotAt(commit: string): Promise<RegistrySnapshot>;
    update<T>(build: ChangeBuilder<T>): Promise<CommitOutcome<T>>;
    log(options?: LogOptions): Promise<LogEntry[]>;
    /**
     * The proposal is built once on the current tip; the proposal branch is then moved under the
     * same lock protocol as the registry branch. Whatever it held (an earlier proposal) is replaced:
     * a proposal is rebuilt from the registry, never merged with an older one.
     */
    propose<T>(build: ChangeBuilder<T>, branch: string): Promise<ProposeOutcome<T>>;
    fetchCommit(ref: string): Promise<string>;
    parents(commit: string): Promise<string[]>;
    readJsonAt(commit: string, path: string): Promise<unknown | null>;
    /**
     * A lock held by someone else is a lost race to retry, unless it has been there so long that
     * its owner has probably died: retrying cannot help then, only a person can.
     */
    private swap;
    private requireRepository;
}
