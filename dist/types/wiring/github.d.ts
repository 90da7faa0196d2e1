import type { CommandContext } from '../commands/context.js';
import type { ProxySettings } from '../domain/proxy.js';
import type { Source } from '../domain/types.js';
import { type GitHubLogger } from '../github/client.js';
import type { ArtifactStore } from '../stores/artifact-store.js';
export interface GitHubTarget {
    owner: string;
    repo: string;
    token: string;
    /** e.g. https://api.github.com, or http://127.0.0.1:PORT for the emulator */
    apiUrl: string;
    /** e.g. https://github.com: the git remote is `${serverUrl}/${owner}/${repo}.git` */
    serverUrl: string;
    branch: string;
    /** Where the registry branch is cached between commands of one job. */
    cacheDir: string;
    actor: string;
    source?: Source;
    log?: GitHubLogger;
    notice?: (message: string) => void;
    now?: () => Date;
    /** Client timings; unset fields keep the production defaults. */
    tuning?: GitHubTuning;
    /** HTTPS_PROXY / HTTP_PROXY / NO_PROXY (proxyFromEnv): the API and git both honour them. */
    proxy?: ProxySettings;
    /** An injected artifact store (tests); default: release assets of the repository. */
    store?: ArtifactStore;
}
/**
 * Timings of the GitHub client; unset fields keep the production defaults (src/github/client.ts).
 * No front reads them from the environment: tests against the emulator inject them through the
 * factory (src/wiring/open-registry.ts), the CLI's CliIO or the Action's runAction.
 */
export interface GitHubTuning {
    writeSpacingMs?: number;
    retryBaseMs?: number;
    retries?: number;
}
/**
 * Whether the registry branch moved since the last call (true at the first): a conditional
 * request for its ref, so an unchanged branch costs a 304 and no git fetch (src/github/branch-tip.ts).
 */
export declare function githubTipProbe(target: GitHubTarget): () => Promise<boolean>;
export declare function githubContext(target: GitHubTarget): CommandContext;
/** `owner/repo`, as GITHUB_REPOSITORY and --github give it. */
export declare function parseRepository(text: string): {
    owner: string;
    repo: string;
} | null;
