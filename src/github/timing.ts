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

/**
 * Content-creating requests (POST, PATCH, PUT, DELETE), paced as GitHub documents: "no more than
 * 80 content-generating requests per minute" (secondary rate limits, docs.github.com/en/rest/
 * using-the-rest-api/rate-limits-for-the-rest-api), and "wait at least one second between each
 * request" when making a large number of them (docs.github.com/en/rest/using-the-rest-api/
 * best-practices-for-using-the-rest-api). A token bucket: `burst` requests at once, then one per
 * `spacingMs` — with 10 and 1 s, at most 70 in any minute, while a registration (six writes) does
 * not wait five seconds for spacing it does not need. Jobs run in order, one at a time.
 */
export class WriteBucket {
  private tokens: number
  private refilledAt: number
  private chain: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly burst: number,
    private readonly spacingMs: number,
    private readonly now: () => number = Date.now,
    private readonly wait: (ms: number) => Promise<void> = sleep
  ) {
    this.tokens = burst
    this.refilledAt = now()
  }

  schedule<T>(job: () => Promise<T> | T): Promise<T> {
    const run = this.chain.then(async () => {
      this.refill()
      if (this.tokens < 1) {
        await this.wait(Math.ceil((1 - this.tokens) * this.spacingMs))
        this.refill()
      }
      this.tokens = Math.max(0, this.tokens - 1)
      return job()
    })
    this.chain = run.catch(() => undefined)
    return run
  }

  private refill(): void {
    const at = this.now()
    if (this.spacingMs > 0)
      this.tokens = Math.min(this.burst, this.tokens + (at - this.refilledAt) / this.spacingMs)
    else this.tokens = this.burst
    this.refilledAt = at
  }
}
