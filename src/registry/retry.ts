/** Waiting between optimistic attempts: exponential, capped, and jittered so contenders spread out. */

export const DEFAULT_MAX_ATTEMPTS = 50
const BASE_MS = 10
const CAP_MS = 500

/** The delay before attempt `attempt + 1` (attempt counts from 1): 10·2^(n-1) ms ± 50 %, at most ~500 ms. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(CAP_MS, BASE_MS * 2 ** Math.min(attempt - 1, 16))
  return Math.round(base * (0.5 + random()))
}

export const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))
