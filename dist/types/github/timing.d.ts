/** Waiting between retries, and noticing a transfer that stopped moving. */
/**
 * Exponential backoff with "equal jitter": half the step is fixed, half random, so concurrent
 * registrations that failed together do not retry together. `attempt` counts from 1.
 */
export declare function backoffDelayMs(attempt: number, baseMs: number, capMs?: number, random?: () => number): number;
export declare function sleep(ms: number): Promise<void>;
/**
 * Aborts when nothing happened for `idleMs`. Streamed transfers call `touch()` per chunk: a
 * whole-request timeout would cut a healthy multi-gigabyte transfer short, no timeout at all
 * would hang a CI job on a stalled socket.
 */
export declare class IdleWatchdog {
    private readonly idleMs;
    private readonly controller;
    private timer;
    constructor(idleMs: number);
    get signal(): AbortSignal;
    touch(): void;
    stop(): void;
}
/**
 * Content-creating requests (POST, PATCH, PUT, DELETE), paced as GitHub documents: "no more than
 * 80 content-generating requests per minute" (secondary rate limits, docs.github.com/en/rest/
 * using-the-rest-api/rate-limits-for-the-rest-api), and "wait at least one second between each
 * request" when making a large number of them (docs.github.com/en/rest/using-the-rest-api/
 * best-practices-for-using-the-rest-api). A token bucket: `burst` requests at once, then one per
 * `spacingMs` — with 10 and 1 s, at most 70 in any minute, while a registration (six writes) does
 * not wait five seconds for spacing it does not need. Jobs run in order, one at a time.
 */
export declare class WriteBucket {
    private readonly burst;
    private readonly spacingMs;
    private readonly now;
    private readonly wait;
    private tokens;
    private refilledAt;
    private chain;
    constructor(burst: number, spacingMs: number, now?: () => number, wait?: (ms: number) => Promise<void>);
    schedule<T>(job: () => Promise<T> | T): Promise<T>;
    private refill;
}
