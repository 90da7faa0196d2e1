/**
 * Turns whatever Octokit or fetch threw into a one-line RegistryError. Users see these lines in a
 * CI log: they must say what failed and what to check, and must never carry the token or a stack.
 */
import { RegistryError } from '../domain/errors.js';
/** What a failed call is about, for the message. */
export interface ErrorContext {
    /** The base URL that was called (API or download origin). */
    apiUrl: string;
    /** e.g. `creating release theft-detector@v1.0.0` */
    action: string;
    /** `owner/repo`, when the call is about one repository. */
    repo?: string;
    /** Replaces secrets in any text that ends up in a message. */
    redact?: (text: string) => string;
    /** The per-request time limit, for the message of a request that got no answer. */
    timeoutMs?: number;
}
/** The HTTP status of a response GitHub actually sent, or undefined for a network failure. */
export declare function httpStatus(error: unknown): number | undefined;
/** The socket error code somewhere in the cause chain (fetch wraps it twice), if any. */
export declare function networkErrorCode(error: unknown): string | undefined;
/** True for failures where nothing (or a 5xx) came back: the same request may succeed later. */
export declare function isTransient(error: unknown): boolean;
/** GitHub's own explanation from an error body, reduced to one short line. */
export declare function gitHubMessage(error: unknown): string | undefined;
/** One entry of a 422 body's `errors` (GitHub also sends bare strings there). */
export interface ValidationErrorItem {
    resource?: string;
    field?: string;
    code?: string;
    message?: string;
}
/**
 * The `errors` of GitHub's 422 body: where GitHub says what was wrong ("size must be greater than
 * or equal to 1", "tag_name was used by an immutable release"); codes lower-cased.
 * https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api#validation-failed
 */
export declare function validationErrors(error: unknown): ValidationErrorItem[];
/** The `code` of GitHub's validation errors (`already_exists`, `custom`…), lower-cased. */
export declare function validationCodes(error: unknown): string[];
/**
 * The permission sets GitHub names in `x-accepted-github-permissions` (`contents=write;
 * pull_requests=write`: sets separated by ";", any one of them suffices; permissions within a
 * set by ","), written as a workflow's `permissions:` block spells them (`pull-requests: write`).
 * https://github.blog/changelog/2023-08-10-x-accepted-github-permissions-header-for-fine-grained-permission-actors
 */
export declare function acceptedPermissions(error: unknown): string[];
export declare function isRateLimited(error: unknown): boolean;
/** Seconds to wait before retrying a rate-limited request, from retry-after or x-ratelimit-reset. */
export declare function retryAfterSeconds(error: unknown, now?: number): number | undefined;
export declare function oneLine(text: string, max?: number): string;
/**
 * The one RegistryError for a failed GitHub call. RegistryErrors pass through unchanged (they
 * are already ours); anything unrecognised becomes 'unavailable' with the error's first line.
 */
export declare function toRegistryError(error: unknown, context: ErrorContext): RegistryError;
