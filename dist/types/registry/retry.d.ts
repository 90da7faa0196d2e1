/** Waiting between optimistic attempts: exponential, capped, and jittered so contenders spread out. */
export declare const DEFAULT_MAX_ATTEMPTS = 50;
/** The delay before attempt `attempt + 1` (attempt counts from 1): 10·2^(n-1) ms ± 50 %, at most ~500 ms. */
export declare function backoffDelay(attempt: number, random?: () => number): number;
export declare const sleep: (ms: number) => Promise<void>;
