/**
 * The one Octokit client per (token, API URL), with GitHub's retry and throttling plugins. Every
 * other module in src/github goes through `GitHubClient`; nothing outside src/github sees Octokit.
 */
import { Octokit } from '@octokit/rest'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import { toRegistryError, type ErrorContext } from './errors.js'
import type { RegistryError } from '../domain/errors.js'
import { hasProxy, proxyFor, type ProxySettings } from '../domain/proxy.js'
import { fetch as undiciFetch, ProxyAgent } from 'undici'
import { WriteBucket } from './timing.js'

/** Writes sent without spacing before one a second (see WriteBucket): a registration makes six. */
const WRITE_BURST = 10

export const DEFAULT_API_URL = 'https://api.github.com'

/** Where the client reports waits and retries. Messages never contain the token. */
export interface GitHubLogger {
  info(message: string): void
  warn(message: string): void
  debug?(message: string): void
}

export interface GitHubClientOptions {
  token: string
  apiUrl?: string
  userAgent?: string
  log?: GitHubLogger
  /**
   * Per API request (not the streamed body of an upload or download, which uses it as an idle
   * limit). Default 20 s: with the retries, a server that never answers fails a command in
   * about a minute and a half, not four.
   */
  timeoutMs?: number
  /** Retries of 5xx and network failures, by the retry plugin and by the upload/download loops. */
  retries?: number
  /** First backoff step; later steps grow quadratically (plugin) or exponentially with jitter (loops). */
  retryBaseMs?: number
  /** How often a rate-limited request is retried after waiting. */
  rateLimitRetries?: number
  /** A rate limit that resets later than this is reported instead of waited out. */
  maxRateLimitWaitSeconds?: number
  /**
   * Spacing of write requests. Unset: bursts of WRITE_BURST writes, then one a second (WriteBucket,
   * src/github/timing.ts), and the throttling plugin's 3 s between writes that notify (pull
   * requests, reviews), as GitHub asks to avoid secondary limits. Tests set 0.
   */
  writeSpacingMs?: number
  /** HTTPS_PROXY / HTTP_PROXY / NO_PROXY as the front read them; unset: direct connections. */
  proxy?: ProxySettings
}

export interface GitHubClient {
  /** Only for modules in src/github. */
  readonly octokit: Octokit
  readonly apiUrl: string
  readonly userAgent: string
  readonly log: GitHubLogger
  readonly timeoutMs: number
  readonly retries: number
  readonly retryBaseMs: number
  readonly maxRateLimitWaitSeconds: number
  /** fetch through the configured proxy: for requests that leave Octokit (signed download URLs). */
  readonly fetch: typeof fetch
  /** Replaces the token in any text (error messages, logged URLs). */
  redact(text: string): string
  /** The RegistryError for a failed call, redacted, naming the API URL. */
  fail(error: unknown, action: string, repo?: string): RegistryError
}

const silentLog: GitHubLogger = { info: () => {}, warn: () => {} }

const clients = new Map<string, GitHubClient>()

/**
 * The shared client for this token and API URL. Tuning options are part of the key, so a test
 * that asks for different timings gets its own client; the logger of the first call is kept.
 */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const apiUrl = (options.apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, '')
  const key = JSON.stringify([
    options.token,
    apiUrl,
    options.userAgent,
    options.timeoutMs,
    options.retries,
    options.retryBaseMs,
    options.rateLimitRetries,
    options.maxRateLimitWaitSeconds,
    options.writeSpacingMs,
    options.proxy
  ])
  let client = clients.get(key)
  if (!client) {
    client = buildClient({ ...options, apiUrl })
    clients.set(key, client)
  }
  return client
}

/** Forgets the shared clients (tests that start a fresh emulator per test). */
export function resetGitHubClients(): void {
  clients.clear()
}

const RetryingOctokit = Octokit.plugin(retry, throttling)

interface RateLimitRequestOptions {
  method?: string
  url?: string
  request?: { mregNoRetry?: boolean }
}

function buildClient(options: GitHubClientOptions & { apiUrl: string }): GitHubClient {
  const { token, apiUrl } = options
  const log = options.log ?? silentLog
  const timeoutMs = options.timeoutMs ?? 20_000
  const retries = options.retries ?? 3
  const retryBaseMs = options.retryBaseMs ?? 1000
  const rateLimitRetries = options.rateLimitRetries ?? 3
  const maxRateLimitWaitSeconds = options.maxRateLimitWaitSeconds ?? 300
  const userAgent = options.userAgent ?? 'git-model-registry'

  const redact = (text: string): string => (token ? text.split(token).join('***') : text)
  const proxiedFetch = proxyAwareFetch(options.proxy)

  // Both plugins call this before retrying a rate-limited request; false means "give up and
  // throw". Streamed uploads opt out: their body cannot be replayed, their own loop reopens the file.
  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      request: RateLimitRequestOptions,
      _octokit: unknown,
      retryCount: number
    ): boolean => {
      const what = `${request.method ?? 'GET'} ${redact(String(request.url ?? ''))}`
      if (request.request?.mregNoRetry) return false
      if (retryCount >= rateLimitRetries || retryAfter > maxRateLimitWaitSeconds) {
        log.warn(`GitHub ${kind} rate limit on ${what}: giving up (retry after ${retryAfter} s)`)
        return false
      }
      log.warn(`GitHub ${kind} rate limit on ${what}: waiting ${retryAfter} s (retry ${retryCount + 1})`)
      return true
    }

  const throttle: Record<string, unknown> = {
    onRateLimit: onLimit('primary'),
    onSecondaryRateLimit: onLimit('secondary')
  }
  if (options.writeSpacingMs !== undefined) {
    const spacing = limiterGroup(new WriteBucket(1, options.writeSpacingMs))
    throttle.write = spacing
    throttle.notifications = spacing
  } else {
    throttle.write = limiterGroup(new WriteBucket(WRITE_BURST, 1000))
  }

  const octokit = new RetryingOctokit({
    auth: token,
    baseUrl: apiUrl,
    userAgent,
    log: {
      debug: () => {},
      info: () => {},
      warn: (message: string) => log.warn(redact(String(message))),
      // Octokit's request log reports every failed request; the retry or the RegistryError that
      // follows says what matters, so the raw line is only for debugging.
      error: (message: string) => log.debug?.(redact(String(message)))
    },
    request: { fetch: fetchWithTimeout(timeoutMs, proxiedFetch) },
    // 429 is the throttling plugin's: the retry plugin would retry it on its own schedule,
    // ignoring retry-after (measured against the emulator: 20 ms instead of the 1 s asked for).
    retry: {
      retries,
      retryAfterBaseValue: retryBaseMs,
      doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451]
    },
    throttle: throttle as never
  })

  const fail = (error: unknown, action: string, repo?: string): RegistryError => {
    const context: ErrorContext = { apiUrl, action, repo, redact, timeoutMs }
    return toRegistryError(error, context)
  }

  return {
    octokit,
    apiUrl,
    userAgent,
    log,
    timeoutMs,
    retries,
    retryBaseMs,
    maxRateLimitWaitSeconds,
    fetch: proxiedFetch,
    redact,
    fail
  }
}

/**
 * Requests whose URL a proxy setting covers go through undici's ProxyAgent (a CONNECT tunnel),
 * with undici's own fetch: a dispatcher must come from the same undici as the fetch using it, and
 * Node's built-in fetch bundles another version (Node 20: 6.x, Node 24: 7.x). Others use the
 * global fetch, as without a proxy.
 */
export function proxyAwareFetch(settings: ProxySettings | undefined): typeof fetch {
  if (!hasProxy(settings)) return globalThis.fetch
  const agents = new Map<string, ProxyAgent>()
  return ((input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const url = typeof input === 'string' || input instanceof URL ? input : input.url
    const proxy = proxyFor(url, settings)
    if (!proxy) return globalThis.fetch(input, init)
    let agent = agents.get(proxy)
    if (!agent) agents.set(proxy, (agent = new ProxyAgent(proxy)))
    return undiciFetch(input as never, { ...(init as object), dispatcher: agent } as never)
  }) as unknown as typeof fetch
}

/**
 * A deadline for plain API calls. Requests that stream a body, or bring their own signal, manage
 * their own (idle) deadline: a whole-request timeout would cut a large upload or download short.
 */
export function fetchWithTimeout(timeoutMs: number, base: typeof fetch = globalThis.fetch): typeof fetch {
  return (input, init) => {
    if (init?.signal || isStreamBody(init?.body)) return base(input, init)
    return base(input, { ...init, signal: AbortSignal.timeout(timeoutMs) })
  }
}

function isStreamBody(body: unknown): boolean {
  if (!body || typeof body !== 'object') return false
  return Symbol.asyncIterator in body || typeof (body as { getReader?: unknown }).getReader === 'function'
}

/**
 * A stand-in for the throttling plugin's Bottleneck groups (`group.key(id).schedule(options, fn)`)
 * over one WriteBucket: one process writes for one token.
 */
function limiterGroup(bucket: WriteBucket): unknown {
  const limiter = {
    schedule<T>(
      _options: unknown,
      fn: (...args: unknown[]) => Promise<T> | T,
      ...args: unknown[]
    ): Promise<T> {
      return bucket.schedule(() => fn(...args))
    }
  }
  return { key: () => limiter }
}
