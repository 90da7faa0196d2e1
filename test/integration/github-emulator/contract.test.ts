/**
 * The emulator's own contract: validation is real (a malformed request or response is caught and
 * fails loudly), auth and rate limits answer as GitHub documents, and Octokit's throttling plugin
 * can wait the limits out.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals'
import { Octokit } from '@octokit/rest'
import { throttling } from '@octokit/plugin-throttling'
import { startGitHubEmulator, type GitHubEmulator } from '../../support/github-emulator/index.js'
import { loadSpec } from '../../support/github-emulator/openapi/spec.js'
import { OpenApiValidator } from '../../support/github-emulator/openapi/validator.js'
import { HANDLERS } from '../../support/github-emulator/handlers/index.js'
import { client, failure } from './helpers.js'

const owner = 'acme'
const repo = 'models'

describe('OpenAPI validation', () => {
  let gh: GitHubEmulator
  let octokit: Octokit

  beforeAll(async () => {
    gh = await startGitHubEmulator()
    octokit = client(gh)
  })
  afterAll(() => gh.close())

  test('a malformed request is recorded and answered 500 with the mismatch', async () => {
    // A plain string route: Octokit's types would refuse these bodies at compile time.
    const createRelease: string = 'POST /repos/{owner}/{repo}/releases'
    const bad = await failure(
      octokit.request(createRelease, { owner, repo, tag_name: 'x@v1.0.0', draft: 'yes' })
    )
    expect(bad.status).toBe(500)
    expect(bad.message).toContain('request body/draft must be boolean')
    expect(gh.validationErrors).toEqual([
      expect.stringContaining(
        'POST /repos/acme/models/releases (repos/create-release) request: request body/draft must be boolean'
      )
    ])
    expect(gh.state.releases).toEqual([])

    const missing = await failure(octokit.request(createRelease, { owner, repo, name: 'no tag' }))
    expect(missing.message).toContain("must have required property 'tag_name'")
    const notEmulated = await failure(octokit.rest.repos.listBranches({ owner, repo }))
    expect(notEmulated.message).toContain('operation is not emulated')
    const noSuchPath = await failure(
      octokit.request('GET /repos/{owner}/{repo}/no-such-thing', { owner, repo })
    )
    expect(noSuchPath.message).toContain('no operation in the OpenAPI description')
    const wrongOrigin = await failure(
      octokit.request('POST /repos/{owner}/{repo}/releases/{release_id}/assets{?name}', {
        owner,
        repo,
        release_id: 1,
        name: 'a.bin',
        data: 'x',
        headers: { 'content-type': 'application/octet-stream' }
      })
    )
    expect(wrongOrigin.message).toContain('upload_url origin')
    expect(gh.validationErrors).toHaveLength(5)
    gh.validationErrors.length = 0
  })

  test('responses are checked against the operation: wrong types, missing fields, undocumented statuses', () => {
    const validator = new OpenApiValidator(loadSpec(Object.keys(HANDLERS)))
    const op = validator.operation('repos/get-release-asset')
    const asset = {
      url: 'https://api.github.com/repos/o/r/releases/assets/1',
      browser_download_url: 'https://github.com/o/r/releases/download/v1/a.bin',
      id: 1,
      node_id: 'x',
      name: 'a.bin',
      label: null,
      state: 'uploaded',
      content_type: 'application/octet-stream',
      size: 3,
      digest: 'sha256:abc',
      download_count: 0,
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
      uploader: null
    }
    expect(validator.validateResponse(op, { status: 200, body: asset })).toEqual([])
    expect(validator.validateResponse(op, { status: 200, body: { ...asset, size: '3' } })).toEqual([
      'response 200 body/size must be integer'
    ])
    const { digest: _digest, ...withoutDigest } = asset
    expect(validator.validateResponse(op, { status: 200, body: withoutDigest })).toEqual([
      "response 200 body must have required property 'digest'"
    ])
    expect(
      validator.validateResponse(op, { status: 200, body: { ...asset, created_at: 'yesterday' } })
    ).toEqual(['response 200 body/created_at must match format "date-time"'])
    // `starter` is allowed by the starter-asset amendment; other states are not.
    expect(validator.validateResponse(op, { status: 200, body: { ...asset, state: 'starter' } })).toEqual([])
    expect(validator.validateResponse(op, { status: 200, body: { ...asset, state: 'gone' } })[0]).toContain(
      'must be equal to one of'
    )
    expect(validator.validateResponse(op, { status: 201, body: asset })[0]).toContain(
      'status 201 is not a documented response'
    )
    expect(
      validator.validateResponse(op, { status: 404, body: { message: 'Not Found', documentation_url: 'x' } })
    ).toEqual([])
  })

  test('every response carries the rate-limit headers; bad credentials answer 401', async () => {
    const ok = await octokit.rest.repos.get({ owner, repo })
    for (const header of [
      'x-ratelimit-limit',
      'x-ratelimit-remaining',
      'x-ratelimit-used',
      'x-ratelimit-reset',
      'x-ratelimit-resource'
    ]) {
      expect(ok.headers[header]).toBeDefined()
    }
    const anonymous = await failure(
      new Octokit({ baseUrl: gh.apiUrl, log: client(gh).log }).rest.repos.get({ owner, repo })
    )
    expect(anonymous.status).toBe(401)
    expect(anonymous.response?.data).toMatchObject({ message: 'Bad credentials' })
    const wrong = await failure(client(gh, { auth: 'not-the-token' }).rest.repos.get({ owner, repo }))
    expect(wrong.status).toBe(401)
    expect(gh.validationErrors).toEqual([])
  })
})

describe('rate limits', () => {
  let gh: GitHubEmulator
  beforeAll(async () => {
    gh = await startGitHubEmulator({ rateLimit: { primaryLimit: 3 } })
  })
  afterAll(() => gh.close())
  afterEach(() => expect(gh.validationErrors).toEqual([]))

  test('primary limit exhausted: 403, x-ratelimit-remaining 0 and a reset time', async () => {
    const octokit = client(gh)
    for (let i = 0; i < 3; i++) await octokit.rest.repos.get({ owner, repo })
    const refused = await failure(octokit.rest.repos.get({ owner, repo }))
    expect(refused.status).toBe(403)
    expect(refused.response?.headers['x-ratelimit-remaining']).toBe('0')
    expect(Number(refused.response?.headers['x-ratelimit-reset'])).toBeGreaterThan(Date.now() / 1000)
    expect(gh.requests.at(-1)?.rule).toBe('primary-rate-limit')
  })

  test('secondaryEveryN refuses every Nth request with 429 and retry-after', async () => {
    const every = await startGitHubEmulator({
      rateLimit: { secondaryEveryN: 2, secondaryRetryAfterSeconds: 7 }
    })
    try {
      const octokit = client(every)
      await octokit.rest.repos.get({ owner, repo })
      const refused = await failure(octokit.rest.repos.get({ owner, repo }))
      expect(refused.status).toBe(429)
      expect(refused.response?.headers['retry-after']).toBe('7')
      await octokit.rest.repos.get({ owner, repo })
      expect(every.requests.map(r => r.rule ?? r.status)).toEqual([200, 'secondary-rate-limit', 200])
    } finally {
      await every.close()
    }
  })

  test('secondary limit: 429 with retry-after and a message naming it; throttling waits both out', async () => {
    const fresh = await startGitHubEmulator()
    try {
      gh.validationErrors.length = 0
      fresh.faults.rateLimitNext('secondary', 1)
      const refused = await failure(client(fresh).rest.repos.get({ owner, repo }))
      expect(refused.status).toBe(429)
      expect(refused.response?.headers['retry-after']).toBe('1')
      expect(refused.message).toMatch(/secondary rate limit/)

      const Throttled = Octokit.plugin(throttling)
      const waits: string[] = []
      const throttled = new Throttled({
        auth: fresh.token,
        baseUrl: fresh.apiUrl,
        log: client(fresh).log,
        throttle: {
          onRateLimit: (after: number) => (waits.push(`primary ${after}`), true),
          onSecondaryRateLimit: (after: number) => (waits.push(`secondary ${after}`), true)
        }
      })
      fresh.faults.rateLimitNext('secondary', 1)
      fresh.faults.rateLimitNext('primary', 1, { method: 'GET', path: /^\/repos\/acme\/models$/ })
      const started = Date.now()
      const { data } = await throttled.rest.repos.get({ owner, repo })
      expect(data.full_name).toBe('acme/models')
      expect(waits).toEqual(['secondary 1', expect.stringMatching(/^primary [1-3]$/)])
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000)
      expect(fresh.validationErrors).toEqual([])
    } finally {
      await fresh.close()
    }
  })
})
