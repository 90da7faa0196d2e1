import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { RegistryError } from '../../../src/domain/errors.js'
import { createGitHubClient } from '../../../src/github/client.js'
import { GitHubReleaseStore } from '../../../src/stores/github-release/github-release-store.js'
import { modelFile, setup, target, type Fixture } from './setup.js'

let f: Fixture
const errors: unknown[] = []

/** Runs a call expected to fail and keeps the error for the token check. */
async function failure(promise: Promise<unknown>): Promise<RegistryError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a failure')
    },
    (e: unknown) => e
  )
  errors.push(error)
  expect(error).toBeInstanceOf(RegistryError)
  return error as RegistryError
}

const uploads = (): { status: number; rule?: string }[] => f.gh.requests.filter(r => r.origin === 'uploads')

beforeEach(async () => {
  errors.length = 0
  f = await setup()
})

afterEach(async () => {
  expect(f.gh.validationErrors).toEqual([])
  const said = [
    ...f.log,
    ...errors.map(e => `${(e as Error).message} ${JSON.stringify((e as RegistryError).details)}`)
  ]
  expect(said.join('\n')).not.toContain(f.gh.token)
  for (const e of errors) expect((e as Error).message).not.toMatch(/\n/)
  await f.close()
})

describe('upload faults', () => {
  test('GitHub storing other bytes than sent (digest mismatch) → integrity error naming both, no release left', async () => {
    const file = await modelFile(f.dir, 4096)
    f.gh.faults.corruptUpload()
    const error = await failure(f.store.put(file.path, target(), file.digest))
    expect(error.kind).toBe('integrity')
    expect(error.message).toMatch(
      /^checksum mismatch for asset .*\.pkl: expected [0-9a-f]{64}, got [0-9a-f]{64}$/
    )
    expect(error.details).toMatchObject({ expected: file.digest.sha256, source: 'github-digest' })
    expect(error.details?.actual).not.toBe(file.digest.sha256)
    expect(f.gh.state.releases).toEqual([])
    expect((await f.gh.state.refs()).some(r => r.ref.startsWith('refs/tags/'))).toBe(false)
  })

  test('a 500 on upload is retried with the file reopened', async () => {
    const file = await modelFile(f.dir, 3000)
    f.gh.faults.failNext({ origin: 'uploads', status: 500 })
    const put = await f.store.put(file.path, target(), file.digest)
    expect(uploads().map(r => r.status)).toEqual([500, 201])
    expect(f.gh.state.releases[0]?.assets[0]).toMatchObject({ sha256: file.digest.sha256, state: 'uploaded' })
    expect(put.artifact.assets?.[0]?.sha256).toBe(file.digest.sha256)
  })

  test('a connection reset mid-upload: the starter asset it left is deleted and the upload retried', async () => {
    const file = await modelFile(f.dir, 200_000)
    f.gh.faults.resetConnectionMidUpload()
    const put = await f.store.put(file.path, target(), file.digest)
    const release = f.gh.state.releases[0]!
    expect(release.assets).toHaveLength(1)
    expect(release.assets[0]).toMatchObject({ state: 'uploaded', sha256: file.digest.sha256 })
    expect(put.artifact.sha256).toBe(file.digest.sha256)
    expect(uploads().map(r => r.status)).toEqual([0, 422, 201])
    expect(f.gh.requests.some(r => r.method === 'DELETE' && /\/releases\/assets\/\d+$/.test(r.path))).toBe(
      true
    )
  })

  test('a left-over starter asset with the same name is deleted and the upload retried', async () => {
    const file = await modelFile(f.dir, 2000)
    const t = target()
    f.gh.faults.leaveStarterAsset(t.file_name)
    await f.store.put(file.path, t, file.digest)
    expect(f.gh.state.releases[0]?.assets.map(a => [a.name, a.state])).toEqual([[t.file_name, 'uploaded']])
    expect(uploads().map(r => r.status)).toEqual([422, 201])
    expect(f.log.some(line => /deleting left-over asset .* \(state starter\)/.test(line))).toBe(true)
  })

  test('a persistent upload failure removes the draft release and reports unavailable', async () => {
    const file = await modelFile(f.dir, 3000)
    f.gh.faults.failNext({ origin: 'uploads', status: 502, times: 10 })
    const error = await failure(f.store.put(file.path, target(), file.digest))
    expect(error.kind).toBe('unavailable')
    expect(error.message).toMatch(/GitHub failed while uploading asset .* \(502\)/)
    expect(uploads()).toHaveLength(3) // retries: 2
    expect(f.gh.state.releases).toEqual([])
  })

  test('a failed publish leaves the draft for the next finish (the metadata already points at it)', async () => {
    const file = await modelFile(f.dir, 3000)
    const put = await f.store.put(file.path, target(), file.digest)
    f.gh.faults.failNext({ method: 'PATCH', path: /\/releases\/\d+$/, status: 502, times: 3 })
    const error = await failure(f.store.finish(put.artifact))
    expect(error.message).toMatch(/publishing release theft-detector@v1\.0\.0/)
    expect(f.gh.state.releases.map(r => r.draft)).toEqual([true])
    await f.store.finish(put.artifact)
    expect(f.gh.state.releases.map(r => r.draft)).toEqual([false])
  })
})

describe('removal faults', () => {
  test('a tag GitHub refuses to delete (422) is reported in the log; the release is gone', async () => {
    const file = await modelFile(f.dir, 100)
    const put = await f.store.put(file.path, target({ commit: f.commit }), file.digest)
    f.gh.faults.failNext({
      method: 'DELETE',
      path: /\/git\/refs\/tags\//,
      status: 422,
      body: {
        message: 'Cannot change refs/tags/theft-detector@v1.0.0: it is the tag of an immutable release'
      }
    })
    await f.store.remove(put.artifact)
    expect(f.gh.state.releases).toEqual([])
    expect(f.log.some(line => /tag theft-detector@v1\.0\.0 stays: .*\(422\)/.test(line))).toBe(true)
  })

  test('a 500 while removing is an error (remove can be run again)', async () => {
    const file = await modelFile(f.dir, 100)
    const put = await f.store.put(file.path, target(), file.digest)
    f.gh.faults.failNext({ method: 'DELETE', path: /\/releases\/\d+$/, status: 500, times: 5 })
    const error = await failure(f.store.remove(put.artifact))
    expect(error.kind).toBe('unavailable')
    await f.store.remove(put.artifact)
    expect(f.gh.state.releases).toEqual([])
  })
})

describe('download faults', () => {
  test('bytes changed on GitHub after upload → integrity error on fetch, nothing at the path', async () => {
    const file = await modelFile(f.dir, 10_000)
    const put = await f.store.put(file.path, target(), file.digest)
    const stored = f.gh.state.releases[0]!.assets[0]!
    stored.bytes![100] = stored.bytes![100]! ^ 0x01
    const out = join(f.dir, 'fetched.pkl')
    const error = await failure(f.store.fetch(put.artifact, out))
    expect(error.kind).toBe('integrity')
    expect(error.message).toMatch(
      new RegExp(
        `^checksum mismatch for ${put.artifact.file_name}: expected ${file.digest.sha256}, got [0-9a-f]{64} \\(release asset ${put.artifact.file_name} of release ${put.artifact.release?.tag}\\)$`
      )
    )
    expect(error.details).toMatchObject({ expected: file.digest.sha256 })
    expect(await readdir(f.dir)).toEqual(['model.pkl'])
  })

  test('a tampered part fails the fetch naming the part; no temp files stay behind', async () => {
    await f.close()
    f = await setup({ maxPartBytes: 1000 })
    const file = await modelFile(f.dir, 2500)
    const put = await f.store.put(file.path, target(), file.digest)
    const part = f.gh.state.releases[0]!.assets[1]!
    part.bytes![0] = part.bytes![0]! ^ 0xff
    const error = await failure(f.store.fetch(put.artifact, join(f.dir, 'out.pkl')))
    expect(error.kind).toBe('integrity')
    expect(error.message).toMatch(/^checksum mismatch for .*\.part001: expected/)
    expect(await readdir(f.dir)).toEqual(['model.pkl'])
  })

  test('a 503 from the download origin is retried', async () => {
    const file = await modelFile(f.dir, 5000)
    const put = await f.store.put(file.path, target(), file.digest)
    f.gh.faults.failNext({ origin: 'download', status: 503 })
    await expect(f.store.fetch(put.artifact, join(f.dir, 'out.pkl'))).resolves.toMatchObject({
      sha256: file.digest.sha256
    })
    expect(f.gh.requests.filter(r => r.origin === 'download').map(r => r.status)).toEqual([503, 200])
  })
})

describe('rate limits and credentials', () => {
  test.each(['secondary', 'primary'] as const)(
    'a %s rate limit with a 1 s wait is waited out',
    async kind => {
      const file = await modelFile(f.dir, 1000)
      f.gh.faults.rateLimitNext(kind, 1, { method: 'POST', path: /\/releases$/ })
      const started = Date.now()
      await f.store.put(file.path, target(), file.digest)
      expect(Date.now() - started).toBeGreaterThanOrEqual(900)
      const creates = f.gh.requests.filter(r => r.method === 'POST' && /\/releases$/.test(r.path))
      expect(creates.map(r => r.status)).toEqual([kind === 'primary' ? 403 : 429, 201])
      expect(f.log.some(line => line.includes(`GitHub ${kind} rate limit`) && line.includes('waiting'))).toBe(
        true
      )
      expect(f.gh.state.releases[0]?.assets.map(a => a.state)).toEqual(['uploaded'])
    }
  )

  test('a rate-limited upload waits and sends the file again', async () => {
    const file = await modelFile(f.dir, 1000)
    f.gh.faults.rateLimitNext('secondary', 1, { origin: 'uploads' })
    await f.store.put(file.path, target(), file.digest)
    expect(uploads().map(r => r.status)).toEqual([429, 201])
  })

  test('a wrong token → the fixed 401 line, without the token', async () => {
    const wrong = `ghp_wrong${'x'.repeat(30)}`
    const client = createGitHubClient({ token: wrong, apiUrl: f.gh.apiUrl, retries: 0, writeSpacingMs: 0 })
    const store = new GitHubReleaseStore({
      client,
      owner: f.gh.owner,
      repo: f.gh.repo,
      serverUrl: f.gh.serverUrl
    })
    const file = await modelFile(f.dir, 10)
    const error = await failure(store.put(file.path, target(), file.digest))
    expect(error.kind).toBe('unavailable')
    expect(error.message).toBe(
      'GitHub rejected the token (401): check the token and its permissions (contents: write)'
    )
    expect(error.message).not.toContain(wrong)
  })

  test('a repository the token cannot see → not-found naming it', async () => {
    const store = new GitHubReleaseStore({
      client: f.client,
      owner: f.gh.owner,
      repo: 'nope',
      serverUrl: f.gh.serverUrl
    })
    const file = await modelFile(f.dir, 10)
    const error = await failure(store.put(file.path, target(), file.digest))
    expect(error.kind).toBe('not-found')
    expect(error.message).toMatch(/creating release theft-detector@v1\.0\.0: not found on acme\/nope \(404\)/)
  })
})
