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
