/**
 * Turns whatever Octokit or fetch threw into a one-line RegistryError. Users see these lines in a
 * CI log: they must say what failed and what to check, and must never carry the token or a stack.
 */
import { RegistryError, type ErrorKind } from '../domain/errors.js'

/**
 * Socket-level failures worth a retry: the request may never have reached GitHub. undici's own
 * codes are reported as the familiar errno names users can search for.
 */
const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: 'ECONNREFUSED',
  ECONNRESET: 'ECONNRESET',
  ETIMEDOUT: 'ETIMEDOUT',
  ENOTFOUND: 'ENOTFOUND',
  EAI_AGAIN: 'EAI_AGAIN',
  EPIPE: 'EPIPE',
  EHOSTUNREACH: 'EHOSTUNREACH',
  ENETUNREACH: 'ENETUNREACH',
  UND_ERR_SOCKET: 'ECONNRESET',
  UND_ERR_CLOSED: 'ECONNRESET',
  UND_ERR_CONNECT_TIMEOUT: 'ETIMEDOUT',
  UND_ERR_HEADERS_TIMEOUT: 'ETIMEDOUT',
  UND_ERR_BODY_TIMEOUT: 'ETIMEDOUT'
}

/** What a failed call is about, for the message. */
export interface ErrorContext {
  /** The base URL that was called (API or download origin). */
  apiUrl: string
  /** e.g. `creating release theft-detector@v1.0.0` */
  action: string
  /** `owner/repo`, when the call is about one repository. */
  repo?: string
  /** Replaces secrets in any text that ends up in a message. */
  redact?: (text: string) => string
  /** The per-request time limit, for the message of a request that got no answer. */
  timeoutMs?: number
}

interface HttpLike {
  status?: unknown
  response?: { status?: number; headers?: Record<string, string | undefined>; data?: unknown }
  message?: unknown
  cause?: unknown
  code?: unknown
  name?: unknown
}

/** The HTTP status of a response GitHub actually sent, or undefined for a network failure. */
export function httpStatus(error: unknown): number | undefined {
  const e = error as HttpLike | null
  if (!e || typeof e !== 'object') return undefined
  // Octokit reports network failures as status 500 without a response: only a response proves
  // that GitHub answered.
  if (e.response && typeof e.response.status === 'number') return e.response.status
  return undefined
}

/** The socket error code somewhere in the cause chain (fetch wraps it twice), if any. */
export function networkErrorCode(error: unknown): string | undefined {
  let current: unknown = error
  let messageHint: string | undefined
  for (let depth = 0; depth < 8 && current && typeof current === 'object'; depth++) {
    const e = current as HttpLike
    if (typeof e.code === 'string' && NETWORK_CODES[e.code]) return NETWORK_CODES[e.code]
    if (e.name === 'TimeoutError') return 'ETIMEDOUT'
    if (!messageHint && typeof e.message === 'string') messageHint = codeFromMessage(e.message)
    current = e.cause
  }
  return messageHint
}

function codeFromMessage(message: string): string | undefined {
  const match = /\b(ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EPIPE)\b/.exec(message)
  if (match?.[1]) return match[1]
  // undici's words for a connection that died mid-request.
  if (/other side closed|socket hang up|^terminated$/i.test(message)) return 'ECONNRESET'
  return undefined
}

/** True for failures where nothing (or a 5xx) came back: the same request may succeed later. */
export function isTransient(error: unknown): boolean {
  const status = httpStatus(error)
  if (status === undefined) return networkErrorCode(error) !== undefined
  return status >= 500
}

/** GitHub's own explanation from an error body, reduced to one short line. */
export function gitHubMessage(error: unknown): string | undefined {
  const data = (error as HttpLike | null)?.response?.data
  if (data && typeof data === 'object' && 'message' in data) {
    const message = (data as { message?: unknown }).message
    if (typeof message === 'string' && message.trim()) return oneLine(message)
  }
  return undefined
}

/** One entry of a 422 body's `errors` (GitHub also sends bare strings there). */
export interface ValidationErrorItem {
  resource?: string
  field?: string
  code?: string
  message?: string
}

/**
 * The `errors` of GitHub's 422 body: where GitHub says what was wrong ("size must be greater than
 * or equal to 1", "tag_name was used by an immutable release"); codes lower-cased.
 * https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api#validation-failed
 */
export function validationErrors(error: unknown): ValidationErrorItem[] {
  const data = (error as HttpLike | null)?.response?.data
  if (!data || typeof data !== 'object' || !('errors' in data)) return []
  const errors = (data as { errors?: unknown }).errors
  if (!Array.isArray(errors)) return []
  const text = (value: unknown): string | undefined =>
    typeof value === 'string' && value.trim() ? oneLine(value, 200) : undefined
  return errors.map(entry => {
    if (typeof entry === 'string') return { message: oneLine(entry, 200) }
    const e = (entry ?? {}) as Record<string, unknown>
    const item: ValidationErrorItem = {}
    const resource = text(e.resource)
    const field = text(e.field)
    const code = text(e.code)?.toLowerCase()
    const message = text(e.message)
    if (resource) item.resource = resource
    if (field) item.field = field
    if (code) item.code = code
    if (message) item.message = message
    return item
  })
}

/** The `code` of GitHub's validation errors (`already_exists`, `custom`…), lower-cased. */
export function validationCodes(error: unknown): string[] {
  return validationErrors(error)
    .map(item => item.code)
    .filter((code): code is string => code !== undefined)
}

const IMMUTABLE_TAG = /used by an immutable release/i

/** `tag_name was used by an immutable release`, or `tag_name already_exists` when GitHub gave no message. */
function describeValidationError(item: ValidationErrorItem): string {
  if (item.message) return item.message
  return [item.field ?? item.resource, item.code].filter(Boolean).join(' ')
}

/**
 * The permission sets GitHub names in `x-accepted-github-permissions` (`contents=write;
 * pull_requests=write`: sets separated by ";", any one of them suffices; permissions within a
 * set by ","), written as a workflow's `permissions:` block spells them (`pull-requests: write`).
 * https://github.blog/changelog/2023-08-10-x-accepted-github-permissions-header-for-fine-grained-permission-actors
 */
export function acceptedPermissions(error: unknown): string[] {
  const header = (error as HttpLike | null)?.response?.headers?.['x-accepted-github-permissions']
  if (typeof header !== 'string' || !header.trim()) return []
  return header
    .split(';')
    .map(set =>
      set
        .split(',')
        .map(entry => entry.trim())
        .filter(entry => /^[a-z_]+=[a-z]+$/.test(entry))
        .map(entry => {
          const [name, level] = entry.split('=') as [string, string]
          return `${name.replace(/_/g, '-')}: ${level}`
        })
        .join(', ')
    )
    .filter(set => set !== '')
}

/** GitHub's own words when the repository setting forbids the Actions token to open or approve pull requests. */
const ACTIONS_PR_SETTING = /GitHub Actions is not permitted to create or approve pull requests/i

type Make = (kind: ErrorKind, message: string, details?: Record<string, unknown>) => RegistryError

/**
 * A 403 that is not a rate limit: the repository setting for Actions and pull requests, a
 * permission the token lacks (named by GitHub's header), or a refusal GitHub explains itself.
 */
function forbidden(
  error: unknown,
  context: ErrorContext,
  make: Make,
  where: string,
  because: string
): RegistryError {
  const said = gitHubMessage(error) ?? ''
  if (ACTIONS_PR_SETTING.test(said)) {
    return make(
      'refused',
      `GitHub refused ${context.action}${where} (403): ${said} Turn on "Allow GitHub Actions to create and approve pull requests" (Settings → Actions → General → Workflow permissions)`,
      {
        status: 403,
        reason: 'actions-cannot-create-pull-requests',
        setting: 'Allow GitHub Actions to create and approve pull requests'
      }
    )
  }
  const accepted = acceptedPermissions(error)
  if (accepted.length > 0) {
    const needs = accepted.length === 1 ? accepted[0] : `one of: ${accepted.join(' or ')}`
    return make(
      'refused',
      `GitHub refused ${context.action}${where} (403)${because}; the token needs ${needs}`,
      { status: 403, reason: 'missing-permission', permission: accepted[0], accepted }
    )
  }
  return make(
    'refused',
    `GitHub refused ${context.action}${where} (403)${because}; check the token's permissions on the repository`,
    { status: 403 }
  )
}

export function isRateLimited(error: unknown): boolean {
  const status = httpStatus(error)
  if (status !== 403 && status !== 429) return false
  const headers = (error as HttpLike).response?.headers ?? {}
  if (status === 429 || headers['x-ratelimit-remaining'] === '0' || headers['retry-after'] !== undefined)
    return true
  return /rate limit/i.test(gitHubMessage(error) ?? '')
}

/** Seconds to wait before retrying a rate-limited request, from retry-after or x-ratelimit-reset. */
export function retryAfterSeconds(error: unknown, now: number = Date.now()): number | undefined {
  const headers = (error as HttpLike | null)?.response?.headers ?? {}
  const retryAfter = Number(headers['retry-after'])
  if (headers['retry-after'] !== undefined && Number.isFinite(retryAfter)) return Math.max(0, retryAfter)
  const reset = Number(headers['x-ratelimit-reset'])
  if (headers['x-ratelimit-reset'] !== undefined && Number.isFinite(reset))
    return Math.max(0, Math.ceil(reset - now / 1000) + 1)
  return undefined
}

export function oneLine(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

/**
 * The one RegistryError for a failed GitHub call. RegistryErrors pass through unchanged (they
 * are already ours); anything unrecognised becomes 'unavailable' with the error's first line.
 */
export function toRegistryError(error: unknown, context: ErrorContext): RegistryError {
  const redact = context.redact ?? ((text: string) => text)
  if (error instanceof RegistryError) return error
  const make = (kind: ErrorKind, message: string, details?: Record<string, unknown>): RegistryError => {
    const result = new RegistryError(kind, redact(oneLine(message, 500)), details)
    // A stack would point into Octokit internals and adds nothing to a one-line CLI message.
    result.stack = `${result.name}: ${result.message}`
    return result
  }
  const status = httpStatus(error)
  const where = context.repo ? ` on ${context.repo}` : ''
  const said = gitHubMessage(error)
  const because = said ? `: ${said}` : ''

  if (status === undefined) {
    const code = networkErrorCode(error)
    if (code === 'ETIMEDOUT' && context.timeoutMs !== undefined) {
      const endpoint = requestLine(error)
      const seconds = Math.round(context.timeoutMs / 100) / 10
      return make(
        'unavailable',
        `${context.action} failed: GitHub at ${context.apiUrl} did not answer${endpoint ? ` ${endpoint}` : ''} within ${seconds} s; check the network and the GitHub API URL`,
        { code, action: context.action, ...(endpoint ? { endpoint } : {}), timeout_seconds: seconds }
      )
    }
    if (code) {
      return make(
        'unavailable',
        `${context.action} failed: cannot reach GitHub at ${context.apiUrl} (${code}); check the network and the GitHub API URL`,
        {
          code,
          action: context.action
        }
      )
    }
    const message = error instanceof Error ? error.message : String(error)
    return make('unavailable', `${context.action} failed${where}: ${firstLine(message)}`)
  }
  if (status === 401) {
    return make(
      'unavailable',
      'GitHub rejected the token (401): check the token and its permissions (contents: write)',
      {
        status
      }
    )
  }
  if (isRateLimited(error)) {
    const wait = retryAfterSeconds(error)
    const hint = wait !== undefined ? `; retry in ${wait} s` : ''
    return make(
      'unavailable',
      `GitHub rate limit exceeded while ${context.action}${where} (${status})${hint}`,
      {
        status,
        retry_after: wait
      }
    )
  }
  if (status === 403) return forbidden(error, context, make, where, because)
  if (status === 404) {
    return make(
      'not-found',
      `${context.action}: not found${where} (404); check that the repository exists and the token can see it`,
      { status }
    )
  }
  if (status === 422) {
    const items = validationErrors(error)
    const codes = items.map(item => item.code).filter((code): code is string => code !== undefined)
    const facts = items.map(describeValidationError).filter(Boolean)
    const detail = facts.length > 0 ? ` (${facts.join('; ')})` : ''
    // A tag that a deleted immutable release used stays reserved for good: no retry frees it.
    const reserved = items.some(item => IMMUTABLE_TAG.test(item.message ?? ''))
    const kind: ErrorKind = reserved || codes.includes('already_exists') ? 'conflict' : 'invalid-input'
    return make(kind, `GitHub refused ${context.action}${where} (422)${because}${detail}`, {
      status,
      codes,
      errors: items,
      ...(reserved
        ? { reason: 'tag-reserved' }
        : codes.includes('already_exists')
          ? { reason: 'exists' }
          : {})
    })
  }
  if (status >= 500) {
    return make(
      'unavailable',
      `GitHub failed while ${context.action}${where} (${status})${because}; try again later`,
      {
        status
      }
    )
  }
  return make('unavailable', `GitHub answered ${status} while ${context.action}${where}${because}`, {
    status
  })
}

/** `GET /repos/o/r/releases` of the request that failed, when the error carries it (Octokit's do). */
function requestLine(error: unknown): string | undefined {
  const request = (error as { request?: { method?: unknown; url?: unknown } } | null)?.request
  if (!request || typeof request.url !== 'string') return undefined
  let path = request.url
  try {
    path = new URL(request.url).pathname
  } catch {
    // keep the URL as given
  }
  return `${typeof request.method === 'string' ? request.method : 'GET'} ${path}`
}

function firstLine(text: string): string {
  return oneLine(text.split('\n')[0] ?? '')
}
