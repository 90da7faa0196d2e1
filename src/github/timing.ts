/** Waiting between retries, and noticing a transfer that stopped moving. */

/**
 * Exponential backoff with "equal jitter": half the step is fixed, half random, so concurrent
 * registrations that failed together do not retry together. `attempt` counts from 1.
 */
export function backoffDelayMs(
  attempt: number,
  baseMs: number,
  capMs = 30_000,
  random = Math.random
): number {
  const step = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1))
  return Math.round(step / 2 + random() * (step / 2))
}

export function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms))
}

/**
 * Aborts when nothing happened for `idleMs`. Streamed transfers call `touch()` per chunk: a
 * whole-request timeout would cut a healthy multi-gigabyte transfer short, no timeout at all
 * would hang a CI job on a stalled socket.
 */
export class IdleWatchdog {
  private readonly controller = new AbortController()
  private timer: NodeJS.Timeout | undefined

  constructor(private readonly idleMs: number) {
    this.touch()
  }

  get signal(): AbortSignal {
    return this.controller.signal
  }

  touch(): void {
    if (this.controller.signal.aborted) return
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      const reason = Object.assign(new Error(`no progress for ${this.idleMs} ms`), {
        name: 'TimeoutError',
        code: 'ETIMEDOUT'
      })
      this.controller.abort(reason)
    }, this.idleMs)
    // A pending idle timer must not keep the process alive after the work is done.
    this.timer.unref()
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
  }
}
