/**
 * Test hooks that make the emulator misbehave the way GitHub does on a bad day: a forced status,
 * a connection reset halfway through an upload, a `starter` asset left by an earlier attempt,
 * bytes corrupted on the way in (so the digest differs), and rate-limit refusals. Each fault is
 * armed for a number of matching requests and consumed by them.
 */
import type { RecordedRequest } from './types.js'

export interface RequestMatch {
  method?: string
  /** Tested against the recorded path (no /api/v3 or /uploads prefix, no query). */
  path?: RegExp | string
  origin?: RecordedRequest['origin']
}

export interface FailSpec extends RequestMatch {
  status: number
  times?: number
  /** JSON body; default `{ message: 'Injected fault: <status>' }`. */
  body?: unknown
  headers?: Record<string, string>
}

export interface UploadMatch {
  /** Asset name (as requested in ?name=). */
  name?: RegExp | string
  times?: number
}

export interface ResetSpec extends UploadMatch {
  /** Bytes read before the socket is destroyed; default half the Content-Length. */
  afterBytes?: number
}

export interface RateLimitSpec extends RequestMatch {
  times?: number
  /** Default 403 for primary, 429 for secondary (GitHub documents both for each). */
  status?: 403 | 429
}

interface Armed<T> {
  spec: T
  remaining: number
}

function matches(pattern: RegExp | string | undefined, value: string): boolean {
  if (pattern === undefined) return true
  return typeof pattern === 'string' ? pattern === value : pattern.test(value)
}

function requestMatches(spec: RequestMatch, origin: string, method: string, path: string): boolean {
  return (
    (spec.origin === undefined || spec.origin === origin) &&
    (spec.method === undefined || spec.method.toUpperCase() === method.toUpperCase()) &&
    matches(spec.path, path)
  )
}

function take<T>(list: Armed<T>[], predicate: (spec: T) => boolean): T | undefined {
  const index = list.findIndex(entry => predicate(entry.spec))
  if (index < 0) return undefined
  const entry = list[index] as Armed<T>
  entry.remaining -= 1
  if (entry.remaining <= 0) list.splice(index, 1)
  return entry.spec
}

export class FaultInjector {
  private readonly failures: Armed<FailSpec>[] = []
  private readonly resets: Armed<ResetSpec>[] = []
  private readonly starters: Armed<{ name: RegExp | string }>[] = []
  private readonly corruptions: Armed<UploadMatch>[] = []
  private readonly rateLimits: Armed<
    RateLimitSpec & { kind: 'primary' | 'secondary'; retryAfterSeconds: number }
  >[] = []
  private readonly connectionResets: Armed<RequestMatch>[] = []
  private readonly pushRaces: Armed<() => Promise<void>>[] = []
  /** Starter assets to create right away, consumed by the server (see leaveStarterAsset). */
  readonly immediateStarters: { name: string; releaseId: number }[] = []

  /** The next `times` (default 1) matching requests, on any origin, get `status` instead of an answer. */
  failNext(spec: FailSpec): void {
    this.failures.push({ spec, remaining: spec.times ?? 1 })
  }

  /** The next matching upload is cut off after `afterBytes`; the asset is left in state `starter`. */
  resetConnectionMidUpload(spec: ResetSpec = {}): void {
    this.resets.push({ spec, remaining: spec.times ?? 1 })
  }

  /**
   * A `starter` asset named `name` is there, as if an earlier attempt died: created now in
   * `releaseId` when given, else in whichever release the next upload of that name targets
   * (which then gets 422 already_exists).
   */
  leaveStarterAsset(name: RegExp | string, options: { releaseId?: number } = {}): void {
    if (options.releaseId !== undefined) {
      if (typeof name !== 'string') throw new Error('a starter created now needs a name')
      this.immediateStarters.push({ name, releaseId: options.releaseId })
    } else this.starters.push({ spec: { name }, remaining: 1 })
  }

  /**
   * The next `times` (default 1) matching requests, on any origin, lose their connection: a
   * download after half its bytes were sent (mid-transfer), a git request after its body was
   * read, an API request before any answer. (Uploads cut mid-body: resetConnectionMidUpload.)
   */
  resetNext(spec: RequestMatch & { times?: number } = {}): void {
    this.connectionResets.push({ spec, remaining: spec.times ?? 1 })
  }

  /**
   * Another writer wins the race: `writer` (e.g. a commit onto the pushed branch) runs after the
   * next branch update's request arrived and before it is applied, so its compare-and-swap fails.
   * A branch update is a git push (receive-pack, server.ts) or a REST ref update
   * (PATCH git/refs, handlers/refs.ts), whichever comes first.
   */
  beforeNextPush(writer: () => Promise<void>): void {
    this.pushRaces.push({ spec: writer, remaining: 1 })
  }

  /** The next matching upload stores its bytes with the first byte flipped (digest ≠ client's hash). */
  corruptUpload(spec: UploadMatch = {}): void {
    this.corruptions.push({ spec, remaining: spec.times ?? 1 })
  }

  /** The next matching API request(s) are refused by the primary or secondary rate limit. */
  rateLimitNext(kind: 'primary' | 'secondary', retryAfterSeconds = 1, spec: RateLimitSpec = {}): void {
    this.rateLimits.push({ spec: { ...spec, kind, retryAfterSeconds }, remaining: spec.times ?? 1 })
  }

  /** Number of armed faults not yet consumed. */
  pending(): number {
    return (
      this.failures.length +
      this.resets.length +
      this.starters.length +
      this.corruptions.length +
      this.rateLimits.length +
      this.connectionResets.length +
      this.pushRaces.length +
      this.immediateStarters.length
    )
  }

  clear(): void {
    for (const list of [
      this.failures,
      this.resets,
      this.starters,
      this.corruptions,
      this.rateLimits,
      this.connectionResets,
      this.pushRaces
    ])
      list.length = 0
    this.immediateStarters.length = 0
  }

  // --- consumed by the server -------------------------------------------------------------

  takeFailure(origin: string, method: string, path: string): FailSpec | undefined {
    return take(this.failures, spec => requestMatches(spec, origin, method, path))
  }

  takeRateLimit(
    origin: string,
    method: string,
    path: string
  ): (RateLimitSpec & { kind: 'primary' | 'secondary'; retryAfterSeconds: number }) | undefined {
    return take(this.rateLimits, spec => requestMatches(spec, origin, method, path))
  }

  takeConnectionReset(origin: string, method: string, path: string): boolean {
    return take(this.connectionResets, spec => requestMatches(spec, origin, method, path)) !== undefined
  }

  takePushRace(): (() => Promise<void>) | undefined {
    return take(this.pushRaces, () => true)
  }

  takeReset(name: string): ResetSpec | undefined {
    return take(this.resets, spec => matches(spec.name, name))
  }

  takeStarter(name: string): boolean {
    return take(this.starters, spec => matches(spec.name, name)) !== undefined
  }

  takeCorruption(name: string): boolean {
    return take(this.corruptions, spec => matches(spec.name, name)) !== undefined
  }
}
