/**
 * Conditional requests (rule conditional-request). GitHub documents that most REST responses
 * carry an `ETag`, that a GET sent back with it in `If-None-Match` answers `304 Not Modified`
 * with no body while the resource is unchanged, and that such a 304 to an authorised request
 * does not count against the primary rate limit
 * (https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api#use-conditional-requests-if-appropriate).
 * The 304 repeats the ETag, `Cache-Control` and `Vary` and the rate-limit headers, as in GitHub's
 * own example (https://github.com/github/developer.github.com/commit/b2116cb2ddfc8796c905d066fbfafb81f9d15207).
 * The ETag depends on the token as well as the representation: an ETag obtained with another
 * token does not match (https://github.com/github/docs/issues/34689). The OpenAPI description
 * lists 304 for some operations only; the 200 representation is validated before it is reduced
 * to a 304, so the description still checks what the client would have been sent.
 */
import { createHash } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { ApiAnswer } from './context.js'

const CACHE_HEADERS = {
  'cache-control': 'private, max-age=60, s-maxage=60',
  vary: 'Accept, Authorization, Cookie, X-GitHub-OTP'
}

/** The strong ETag of a representation as `token` sees it. */
export function etagOf(body: unknown, token: string): string {
  const digest = createHash('sha256').update(token).update('\0').update(JSON.stringify(body)).digest('hex')
  return `"${digest.slice(0, 32)}"`
}

/** Whether an If-None-Match header names this ETag (`*`, a list, weak or strong forms). */
export function matches(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false
  const opaque = etag.replace(/^W\//, '')
  return header
    .split(',')
    .map(tag => tag.trim())
    .some(tag => tag === '*' || tag.replace(/^W\//, '') === opaque)
}

/**
 * A successful GET answer with its ETag, or the 304 that replaces it when the client already has
 * it; `notCounted` says the request must be given back to the primary rate limit.
 */
export function conditionalAnswer(
  req: IncomingMessage,
  answer: ApiAnswer,
  token: string
): { answer: ApiAnswer; notCounted: boolean } {
  if (req.method !== 'GET' || answer.status !== 200 || answer.body === undefined)
    return { answer, notCounted: false }
  const etag = etagOf(answer.body, token)
  const headers = { ...answer.headers, ...CACHE_HEADERS, etag }
  const ifNoneMatch = req.headers['if-none-match']
  if (!matches(Array.isArray(ifNoneMatch) ? ifNoneMatch.join(',') : ifNoneMatch, etag))
    return { answer: { ...answer, headers }, notCounted: false }
  return {
    answer: { status: 304, headers, rule: 'conditional-request' },
    notCounted: true
  }
}
