/** Bounded parallelism for many small independent I/O steps (reading, hashing, storing files). */
/**
 * Runs `task` on every item with at most `limit` in flight; the first failure stops new tasks
 * from starting and is rethrown once the running ones have settled.
 */
export declare function forEachLimited<T>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<void>): Promise<void>;
/**
 * How many registry reads a command keeps in flight: locally they go to git in one batch; over
 * GitHub's API each is a request, and GitHub asks for no more than 100 concurrent requests
 * (docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api, secondary rate limits).
 */
export declare const READS_IN_FLIGHT = 32;
/** `task` of every item with at most `limit` in flight; the results in the items' order. */
export declare function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]>;
