/**
 * The one Octokit client per (token, API URL), with GitHub's retry and throttling plugins. Every
 * other module in src/github goes through `GitHubClient`; nothing outside src/github sees Octokit.
 */
import { Octokit } from '@octokit/rest';
import type { RegistryError } from '../domain/errors.js';
import { type ProxySettings } from '../domain/proxy.js';
export declare const DEFAULT_API_URL = "https://api.github.com";
/** Where the client reports waits and retries. Messages never contain the token. */
export interface GitHubLogger {
    info(message: string): void;
    warn(message: string): void;
    debug?(message: string): void;
}
export interface GitHubClientOptions {
    token: string;
    apiUrl?: string;
    userAgent?: string;
    log?: GitHubLogger;
    /**
     * Per API request (not the streamed body of an upload or download, which uses it as an idle
     * limit). Default 20 s: with the retries, a server that never answers fails a command in
     * about a minute and a half, not four.
     */
    timeoutMs?: number;
    /** Retries of 5xx and network failures, by the retry plugin and by the upload/download loops. */
    retries?: number;
    /** First backoff step; later steps grow quadratically (plugin) or exponentially with jitter (loops). */
    retryBaseMs?: number;
    /** How often a rate-limited request is retried after waiting. */
    rateLimitRetries?: number;
    /** A rate limit that resets later than this is reported instead of waited out. */
    maxRateLimitWaitSeconds?: number;
    /**
     * Spacing of write requests. Unset: bursts of WRITE_BURST writes, then one a second (WriteBucket,
     * src/github/timing.ts), and the throttling plugin's 3 s between writes that notify (pull
     * requests, reviews), as GitHub asks to avoid secondary limits. Tests set 0.
     */
    writeSpacingMs?: number;
    /** HTTPS_PROXY / HTTP_PROXY / NO_PROXY as the front read them; unset: direct connections. */
    proxy?: ProxySettings;
}
export interface GitHubClient {
    /** Only for modules in src/github. */
    readonly octokit: Octokit;
    readonly apiUrl: string;
    readonly userAgent: string;
    readonly log: GitHubLogger;
    readonly timeoutMs: number;
    readonly retries: number;
    readonly retryBaseMs: number;
    readonly maxRateLimitWaitSeconds: number;
    /** fetch through the configured proxy: for requests that leave Octokit (signed download URLs). */
    readonly fetch: typeof fetch;
    /** Replaces the token in any text (error messages, logged URLs). */
    redact(text: string): string;
    /** The RegistryError for a failed call, redacted, naming the API URL. */
    fail(error: unknown, action: string, repo?: string): RegistryError;
}
/**
 * The shared client for this token and API URL. Tuning options are part of the key, so a test
 * that asks for different timings gets its own client; the logger of the first call is kept.
 */
export declare function createGitHubClient(options: GitHubClientOptions): GitHubClient;
/** Forgets the shared clients (tests that start a fresh emulator per test). */
export declare function resetGitHubClients(): void;
/**
 * Requests whose URL a proxy setting covers go through undici's ProxyAgent (a CONNECT tunnel),
 * with undici's own fetch: a dispatcher must come from the same undici as the fetch using it, and
 * Node's built-in fetch bundles another version (Node 20: 6.x, Node 24: 7.x). Others use the
 * global fetch, as without a proxy.
 */
export declare function proxyAwareFetch(settings: ProxySettings | undefined): typeof fetch;
/**
 * A deadline for plain API calls. Requests that stream a body, or bring their own signal, manage
 * their own (idle) deadline: a whole-request timeout would cut a large upload or download short.
 */
export declare function fetchWithTimeout(timeoutMs: number, base?: typeof fetch): typeof fetch;
