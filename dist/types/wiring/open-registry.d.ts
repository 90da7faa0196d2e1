import type { CommandContext } from '../commands/context.js';
import type { Source } from '../domain/types.js';
import type { GitHubLogger } from '../github/client.js';
import type { ProxySettings } from '../domain/proxy.js';
import { type CommitIdentity, type Identity } from '../registry/commit-writer.js';
import type { ArtifactStore, LocalState } from '../stores/artifact-store.js';
import type { GitHubTuning } from './github.js';
import { type TipSignal } from './tip-signal.js';
type Progress = CommandContext['progress'];
export interface LocalTarget {
    /** The working tree (or the bare repository). */
    dir: string;
    gitdir: string;
    /** Default `model-registry`. */
    branch?: string;
    /** Default `<gitdir>/mreg/objects`. */
    storeRoot?: string;
    actor: string;
    /** Commit identity for both roles; default: `identity`, else git's own resolution. */
    author?: Identity;
    /** Asked at the first commit when `author` is not given. */
    identity?: () => Promise<CommitIdentity>;
    now?: () => Date;
    notice?: (message: string) => void;
    progress?: Progress;
    /** Default: files under `<gitdir>/mreg/state`; `null` for none. */
    state?: LocalState | null;
    /** Injected store (tests); default: the local content-addressed store at storeRoot. */
    store?: ArtifactStore;
}
/** The embedded registry's context, for a repository already located. */
export declare function localContext(target: LocalTarget): CommandContext;
export interface GitHubOptions {
    /** `owner/repo` */
    owner: string;
    repo: string;
    /** Never logged; contents: write to register. */
    token: string;
    /** Default https://api.github.com */
    apiUrl?: string;
    /** Default https://github.com */
    serverUrl?: string;
    /** Where the registry branch is cached between commands. */
    cacheDir: string;
    /** Client timings; unset fields keep the production defaults. */
    tuning?: GitHubTuning;
    /** HTTPS_PROXY / HTTP_PROXY / NO_PROXY settings (proxyFromEnv). */
    proxy?: ProxySettings;
}
export interface OpenOptions {
    /** Local mode: a directory inside the Git repository (default: the current directory). */
    registry?: string;
    /** Local mode: the artifact store directory (default `<gitdir>/mreg/objects`). */
    store?: string;
    /** Local mode: create the repository when absent (`mreg init`). */
    create?: boolean;
    /** GitHub mode instead of local. */
    github?: GitHubOptions;
    /** Default `model-registry`. */
    branch?: string;
    /** Who acts (stage_history `by`); default: the repository's git identity, or `unknown`. */
    actor?: string;
    /** Commit identity (local mode). */
    author?: Identity;
    /** Provenance recorded at registration. */
    source?: Source;
    /** Local mode: record where the command runs (HEAD, remote, working tree) as the source. */
    withProvenance?: boolean;
    /** Where git's identity is read from (GIT_AUTHOR_NAME…); default process.env. */
    gitEnv?: Record<string, string | undefined>;
    now?: () => Date;
    notice?: (message: string) => void;
    log?: GitHubLogger;
    progress?: Progress;
    /** Local mode: null keeps nothing on this machine between commands. */
    state?: LocalState | null;
    /** Injected artifact store (tests, embedding). */
    artifactStore?: ArtifactStore;
    /**
     * How often to look for a new registry tip when nothing announces one (ms). Local default 1000
     * (a backup of watching the ref files); GitHub default 15000, each look one conditional request
     * for the branch's ref (a 304 when unchanged) and a git fetch only when the tip moved.
     */
    pollIntervalMs?: number;
}
/** A composed registry: the commands' context and how to learn that its tip moved. */
export interface OpenedRegistry {
    context: CommandContext;
    /** Local mode: the repository's gitdir (for watching refs); null in GitHub mode. */
    gitdir: string | null;
    tipSignal: () => TipSignal;
}
export declare function openContext(options?: OpenOptions): Promise<OpenedRegistry>;
export {};
