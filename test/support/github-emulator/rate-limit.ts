/**
 * Primary and secondary rate limits as GitHub documents them
 * (https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api):
 * every response carries x-ratelimit-limit/-remaining/-used/-reset/-resource; an exhausted primary
 * limit answers 403 (or 429) with x-ratelimit-remaining: 0 and a reset time in epoch seconds; a
 * secondary limit answers 403 or 429 with a message naming it and a retry-after header.
 */
import type { EmulatorOptions } from './types.js'
import type { RuleName } from './rules.js'

const DOCS = 'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api'
/** The Actions bot's user id, as GITHUB_TOKEN requests report it. */
const BOT_ID = 41898282

export interface Refusal {
  status: number
  body: { message: string; documentation_url: string; status: string }
  headers: Record<string, string>
  rule: RuleName
}

export class RateLimiter {
  private readonly limit: number
  private readonly windowSeconds: number
  private readonly secondaryEveryN: number
  private readonly secondaryRetryAfter: number
  private used = 0
  private windowStart = Date.now()
  private counted = 0

  constructor(options: EmulatorOptions['rateLimit'] = {}) {
    this.limit = options.primaryLimit ?? 5000
    this.windowSeconds = options.windowSeconds ?? 3600
    this.secondaryEveryN = options.secondaryEveryN ?? 0
    this.secondaryRetryAfter = options.secondaryRetryAfterSeconds ?? 1
  }

  private resetEpoch(): number {
    return Math.ceil(this.windowStart / 1000 + this.windowSeconds)
  }

  private roll(): void {
    if (Date.now() >= this.resetEpoch() * 1000) {
      this.windowStart = Date.now()
      this.used = 0
    }
  }

  /** Headers for a response, reflecting the current window. */
  headers(): Record<string, string> {
    this.roll()
    return {
      'x-ratelimit-limit': String(this.limit),
      'x-ratelimit-remaining': String(Math.max(0, this.limit - this.used)),
      'x-ratelimit-used': String(this.used),
      'x-ratelimit-reset': String(this.resetEpoch()),
      'x-ratelimit-resource': 'core'
    }
  }

  /** Count one API request; returns the refusal when a limit applies. */
  admit(): Refusal | undefined {
    this.roll()
    this.counted += 1
    if (this.secondaryEveryN > 0 && this.counted % this.secondaryEveryN === 0) {
      return this.secondary(this.secondaryRetryAfter, 429)
    }
    if (this.used >= this.limit) return this.primary(this.resetEpoch(), 403)
    this.used += 1
    return undefined
  }

  /**
   * Gives back a request admitted in this window: a 304 to a conditional request does not count
   * against the primary limit (rule conditional-request).
   */
  refund(): void {
    this.used = Math.max(0, this.used - 1)
  }

  primary(resetEpoch: number, status: number): Refusal {
    return {
      status,
      rule: 'primary-rate-limit',
      body: {
        message: `API rate limit exceeded for user ID ${BOT_ID}.`,
        documentation_url: DOCS,
        status: String(status)
      },
      headers: {
        'x-ratelimit-limit': String(this.limit),
        'x-ratelimit-remaining': '0',
        'x-ratelimit-used': String(this.limit),
        'x-ratelimit-reset': String(resetEpoch),
        'x-ratelimit-resource': 'core'
      }
    }
  }

  secondary(retryAfterSeconds: number, status: number): Refusal {
    return {
      status,
      rule: 'secondary-rate-limit',
      body: {
        message:
          'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. ' +
          'If you reach out to GitHub Support for help, please include the request ID.',
        documentation_url: `${DOCS}#about-secondary-rate-limits`,
        status: String(status)
      },
      headers: { ...this.headers(), 'retry-after': String(retryAfterSeconds) }
    }
  }

  /** A refusal forced by the fault injector. */
  forced(kind: 'primary' | 'secondary', retryAfterSeconds: number, status?: number): Refusal {
    return kind === 'primary'
      ? this.primary(Math.ceil(Date.now() / 1000 + retryAfterSeconds), status ?? 403)
      : this.secondary(retryAfterSeconds, status ?? 429)
  }
}
