import type { ProxySettings } from '../domain/proxy.js';
import type { RegistryPolicy } from '../domain/types.js';
import type { ChangeBuilder, CommitOutcome, LogEntry, LogOptions, ProposeOutcome, RegistryBackend, RegistrySnapshot } from './backend.js';
import { type CommitIdentity, type Identity } from './commit-writer.js';
export interface RemoteBackendOptions {
    /** e.g. `https://github.com/acme/models.git`; credentials in the URL are used, never printed. */
    url: string;
    /** A directory for the bare cache repository; created when missing. One writer process at a time. */
    cacheDir: string;
    /** Default `model-registry`. */
    branch?: string;
    /** Sent as Basic auth `x-access-token:<token>` (GitHub's form); kept in memory only. */
    token?: string;
    /** Default: GIT_AUTHOR_NAME/EMAIL, else `mreg <mreg@localhost>`. */
    author?: Identity;
    /** Asked at the first commit when `author` is not given (OptimisticWriterSettings.identity). */
    identity?: () => Promise<CommitIdentity>;
    /** How many times a change is built before giving up with a 'conflict' error. Default 50. */
    maxAttempts?: number;
    now?: () => Date;
    /** A request whose connection stays silent this long fails ('unavailable'). Default 60 s. */
    idleTimeoutMs?: number;
    /** HTTPS_PROXY / HTTP_PROXY / NO_PROXY as the front read them. */
    proxy?: ProxySettings;
}
export declare class RemoteRegistryBackend implements RegistryBackend {
    readonly description: string;
    readonly branch: string;
    readonly cacheDir: string;
    private readonly transport;
    private readonly reader;
    private readonly writer;
    private prepared?;
    constructor(options: RemoteBackendOptions);
    init(policy: RegistryPolicy): Promise<{
        created: boolean;
        commit: string;
    }>;
    snapshot(): Promise<RegistrySnapshot>;
    snapshotAt(commit: string): Promise<RegistrySnapshot>;
    update<T>(build: ChangeBuilder<T>): Promise<CommitOutcome<T>>;
    /**
     * Only an update has something to lose to a push whose answer was lost (register would delete
     * an artifact whose metadata landed); init reports the failure, and running it again finds the
     * branch if it landed.
     */
    private pushTip;
    /**
     * A push that fails in transit (5xx, reset) may still have been applied by the server before
     * the answer was lost. Reporting failure then would make register delete an artifact whose
     * metadata landed, so ask the server: our commit at the tip means it landed; otherwise the
     * push is tried again, a few times, like a lost race.
     */
    private pushOrLearn;
    log(options?: LogOptions): Promise<LogEntry[]>;
    readJsonAt(commit: string, path: string): Promise<unknown | null>;
    /**
     * The proposal is built on the freshly fetched tip and force-pushed to its own branch only
     * (`+<commit>:refs/heads/<branch>`); the registry branch is never pushed here.
     */
    propose<T>(build: ChangeBuilder<T>, branch: string): Promise<ProposeOutcome<T>>;
    fetchCommit(ref: string, from?: string[]): Promise<string>;
    parents(commit: string): Promise<string[]>;
    /** The remote tip after fetching it; null when the remote has no registry branch. */
    private fetchTip;
    /**
     * A commit this cache lacks may be newer than the last fetch or older than the shallow
     * boundary: fetch the tip, then the history, reading again after each.
     */
    private withHistory;
    /** After our own push, so the next fetch tells the server we already have this commit. */
    private remember;
    private isShallow;
    private prepare;
}
