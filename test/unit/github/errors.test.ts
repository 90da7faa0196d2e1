import { describe, expect, test } from '@jest/globals'
import { RequestError } from '@octokit/request-error'
import { RegistryError } from '../../../src/domain/errors.js'
import {
  isRateLimited,
  isTransient,
  networkErrorCode,
  retryAfterSeconds,
  toRegistryError
} from '../../../src/github/errors.js'

const TOKEN = 'ghp_SECRETSECRETSECRET0123456789abcdef'
const API = 'https://api.github.com'
const redact = (text: string): string => text.split(TOKEN).join('***')
const context = { apiUrl: API, action: 'creating release m@v1.0.0', repo: 'acme/meters', redact }

function httpError(status: number, data: unknown, headers: Record<string, string> = {}): RequestError {
  return new RequestError('GitHub said no', status, {
    request: {
      method: 'POST',
      url: `${API}/repos/acme/meters/releases`,
      headers: { authorization: `token ${TOKEN}` }
    },
    response: { status, url: `${API}/repos/acme/meters/releases`, headers, data }
  })
}

/** The shape Node's fetch and Octokit produce for a refused connection. */
function networkError(code: string): RequestError {
  const socket = Object.assign(new Error(`connect ${code} 127.0.0.1:1`), { code })
  const fetchFailed = new TypeError('fetch failed', { cause: socket })
  return new RequestError(socket.message, 500, {
    request: { method: 'GET', url: `${API}/x`, headers: {} },
    cause: fetchFailed
  })
}

function expectOneCleanLine(error: RegistryError): void {
  expect(error).toBeInstanceOf(RegistryError)
  expect(error.message).not.toMatch(/\n/)
  expect(error.message).not.toContain(TOKEN)
  expect(error.stack).not.toMatch(/\n\s+at /)
}

describe('toRegistryError', () => {
  test('401 → unavailable, with the fixed hint about the token', () => {
    const error = toRegistryError(httpError(401, { message: 'Bad credentials' }), context)
    expect(error.kind).toBe('unavailable')
    expect(error.message).toBe(
      'GitHub rejected the token (401): check the token and its permissions (contents: write)'
    )
    expectOneCleanLine(error)
  })

  test('403 names the permission GitHub says is missing (x-accepted-github-permissions), never a guess', () => {
    const refused = (header?: string) =>
      toRegistryError(
        httpError(
          403,
          { message: 'Resource not accessible by integration' },
          header ? { 'x-accepted-github-permissions': header } : {}
        ),
        context
      )
    const pulls = refused('pull_requests=write')
    expect(pulls.kind).toBe('refused')
    expect(pulls.message).toBe(
      'GitHub refused creating release m@v1.0.0 on acme/meters (403): Resource not accessible by integration; the token needs pull-requests: write'
    )
    expect(pulls.details).toMatchObject({ reason: 'missing-permission', permission: 'pull-requests: write' })
    expect(refused('issues=write; pull_requests=write').message).toMatch(
      /the token needs one of: issues: write or pull-requests: write$/
    )
    expect(refused('contents=read,statuses=write').message).toMatch(/needs contents: read, statuses: write$/)
    const unexplained = refused()
    expect(unexplained.message).not.toMatch(/contents: write/)
    expect(unexplained.message).toMatch(/check the token's permissions on the repository$/)
    expectOneCleanLine(pulls)
  })

  test("403 from the repository setting for Actions and pull requests is recognised by GitHub's words", () => {
    const error = toRegistryError(
      httpError(403, { message: 'GitHub Actions is not permitted to create or approve pull requests.' }),
      { ...context, action: 'opening a pull request from a into b' }
    )
    expect(error.kind).toBe('refused')
    expect(error.message).toMatch(/Allow GitHub Actions to create and approve pull requests/)
    expect(error.details).toMatchObject({ reason: 'actions-cannot-create-pull-requests' })
    expectOneCleanLine(error)
  })

  test('404 → not-found naming the repo', () => {
    const error = toRegistryError(httpError(404, { message: 'Not Found' }), context)
    expect(error.kind).toBe('not-found')
    expect(error.message).toMatch(/not found on acme\/meters \(404\); check that the repository exists/)
  })

  test('403 with x-ratelimit-remaining 0 and 429 → rate limit message with the wait', () => {
    const now = Date.UTC(2026, 0, 1)
    const primary = httpError(
      403,
      { message: 'API rate limit exceeded' },
      {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(now / 1000 + 59)
      }
    )
    expect(isRateLimited(primary)).toBe(true)
    expect(retryAfterSeconds(primary, now)).toBe(60)
    const secondary = httpError(
      429,
      { message: 'You have exceeded a secondary rate limit' },
      { 'retry-after': '7' }
    )
    const error = toRegistryError(secondary, context)
    expect(error.kind).toBe('unavailable')
    expect(error.message).toMatch(
      /rate limit exceeded while creating release m@v1\.0\.0 on acme\/meters \(429\); retry in 7 s/
    )
  })

  test('422 already_exists → conflict; other 422 → invalid-input', () => {
    const exists = httpError(422, {
      message: 'Validation Failed',
      errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }]
    })
    expect(toRegistryError(exists, context).kind).toBe('conflict')
    const other = httpError(422, { message: 'Validation Failed', errors: [{ code: 'invalid', field: 'x' }] })
    expect(toRegistryError(other, context).kind).toBe('invalid-input')
  })

  test("422 keeps GitHub's details: each error's message, or its field and code", () => {
    const reserved = toRegistryError(
      httpError(422, {
        message: 'Validation Failed',
        errors: [
          {
            resource: 'Release',
            code: 'custom',
            field: 'tag_name',
            message: 'tag_name was used by an immutable release'
          }
        ]
      }),
      context
    )
    expect(reserved).toMatchObject({
      kind: 'conflict',
      message:
        'GitHub refused creating release m@v1.0.0 on acme/meters (422): Validation Failed (tag_name was used by an immutable release)',
      details: { status: 422, codes: ['custom'], reason: 'tag-reserved' }
    })
    const bare = toRegistryError(
      httpError(422, {
        message: 'Validation Failed',
        errors: [{ resource: 'Release', code: 'already_exists', field: 'tag_name' }, 'a bare string']
      }),
      context
    )
    expect(bare.message).toMatch(/\(422\): Validation Failed \(tag_name already_exists; a bare string\)$/)
    expect(bare.details).toMatchObject({
      reason: 'exists',
      errors: [
        { resource: 'Release', code: 'already_exists', field: 'tag_name' },
        { message: 'a bare string' }
      ]
    })
  })

  test('5xx → unavailable and transient', () => {
    const error = httpError(502, { message: 'Server Error' })
    expect(isTransient(error)).toBe(true)
    expect(toRegistryError(error, context).message).toMatch(/GitHub failed while creating release .* \(502\)/)
    expect(isTransient(httpError(404, {}))).toBe(false)
  })

  test.each(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT'])('network error %s → cannot reach <apiUrl>', code => {
    const error = toRegistryError(networkError(code), context)
    expect(error.kind).toBe('unavailable')
    expect(error.message).toBe(
      `creating release m@v1.0.0 failed: cannot reach GitHub at ${API} (${code}); check the network and the GitHub API URL`
    )
    expect(isTransient(networkError(code))).toBe(true)
    expectOneCleanLine(error)
  })

  test("undici's socket codes and timeouts read as errno names", () => {
    const socket = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' })
    expect(networkErrorCode(new TypeError('fetch failed', { cause: socket }))).toBe('ECONNRESET')
    expect(networkErrorCode(new TypeError('terminated'))).toBe('ECONNRESET')
    expect(networkErrorCode(new DOMException('The operation timed out', 'TimeoutError'))).toBe('ETIMEDOUT')
    expect(networkErrorCode(new Error('boom'))).toBeUndefined()
  })

  test('the token is redacted even when GitHub echoes it back', () => {
    const echo = httpError(400, { message: `bad header token ${TOKEN}\nsecond line` })
    const error = toRegistryError(echo, context)
    expectOneCleanLine(error)
    expect(error.message).toContain('***')
  })

  test('RegistryErrors pass through unchanged', () => {
    const ours = new RegistryError('integrity', 'checksum mismatch')
    expect(toRegistryError(ours, context)).toBe(ours)
  })
})
