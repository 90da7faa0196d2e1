/**
 * `mreg serve`'s streams and guards on a real registry: artifact downloads (ETag, Repr-Digest,
 * Range, a tampered copy cut and counted), live events with Last-Event-ID resume, Prometheus
 * metrics read back with a real parser of the format, the token, CORS and the webhook signature.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { createHash, createHmac } from 'node:crypto'
import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import parsePrometheus from 'parse-prometheus-text-format'
import { gitOutput, makeProjectRepo, modelFile, mreg, removeDir, tempDir } from '../../support/cli-harness.js'
import { waitFor } from '../../support/wait-for.js'
import { parseChange, serveRegistry, ServeClient, SseClient, type TestServer } from '../../support/serve.js'
import { openRegistry } from '../../../src/lib/index.js'
import type { ModelVersion } from '../../../src/domain/types.js'

let repo: string
let cache: string
let t: TestServer
let file0: string

async function ok(args: string[]): Promise<string> {
  const result = await mreg(repo, args)
  if (result.code !== 0) throw new Error(`mreg ${args.join(' ')}: ${result.stderr}`)
  return result.stdout
}

beforeAll(async () => {
  repo = await makeProjectRepo()
  cache = await tempDir('mreg-serve-cache-')
  await ok(['init'])
  file0 = await modelFile(repo, 'm0.bin', 1, 300_000)
  await ok(['register', file0, '--type', 'iforest', '--name', 'fraud', '--metric', 'f1_score=0.8'])
  await ok([
    'register',
    await modelFile(repo, 'm1.bin', 2),
    '--type',
    'iforest',
    '--name',
    'fraud',
    '--metric',
    'f1_score=0.9'
  ])
  t = await serveRegistry({ registry: repo, actor: 'tester' }, { artifactCacheDir: cache })
}, 120_000)

afterAll(async () => {
  await t?.close()
  await removeDir(repo)
  await removeDir(cache)
})

describe('artifact downloads', () => {
  test('the bytes, with ETag and Repr-Digest from the recorded SHA-256; 304 on a matching If-None-Match', async () => {
    const expected = await readFile(file0)
    const sha = createHash('sha256').update(expected).digest()
    const res = await fetch(`${t.server.url}/api/v1/versions/fraud%401.0.0/artifact`)
    expect(res.status).toBe(200)
    expect(Buffer.from(await res.arrayBuffer()).equals(expected)).toBe(true)
    expect(res.headers.get('repr-digest')).toBe(`sha-256=:${sha.toString('base64')}:`)
    const etag = res.headers.get('etag') as string
    expect(etag).toContain(sha.toString('hex'))
    const again = await t.client.get(`/api/v1/versions/fraud%401.0.0/artifact`, { 'if-none-match': etag })
    expect(again.status).toBe(304)
  })

  test('Range: one range, a suffix, an unsatisfiable one', async () => {
    const expected = await readFile(file0)
    const part = await fetch(`${t.server.url}/api/v1/versions/fraud%401.0.0/artifact`, {
      headers: { range: 'bytes=1000-1999' }
    })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe(`bytes 1000-1999/${expected.length}`)
    expect(Buffer.from(await part.arrayBuffer()).equals(expected.subarray(1000, 2000))).toBe(true)
    const tail = await fetch(`${t.server.url}/api/v1/versions/fraud%401.0.0/artifact`, {
      headers: { range: 'bytes=-10' }
    })
    expect(Buffer.from(await tail.arrayBuffer()).equals(expected.subarray(expected.length - 10))).toBe(true)
    const bad = await t.client.get(`/api/v1/versions/fraud%401.0.0/artifact`, {
      range: `bytes=${expected.length + 5}-`
    })
    expect(bad.status).toBe(416)
  })

  test('a copy that no longer matches its SHA-256 is cut before its end, logged and counted, never served whole', async () => {
    await fetch(`${t.server.url}/api/v1/versions/fraud%401.0.1/artifact`).then(r => r.arrayBuffer())
    const v = JSON.parse(await ok(['--json', 'show', 'fraud@1.0.1'])) as ModelVersion
    const path = join(cache, v.artifact.sha256)
    expect((await readdir(cache)).includes(v.artifact.sha256)).toBe(true)
    const bytes = await readFile(path)
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] as number) ^ 0xff
    await writeFile(path, bytes)
    // Headers may or may not have reached the client before the cut; the body never completes.
    await expect(
      fetch(`${t.server.url}/api/v1/versions/fraud%401.0.1/artifact`).then(r => r.arrayBuffer())
    ).rejects.toThrow()
    expect(t.logs.some(line => line.includes('integrity: fraud@1.0.1'))).toBe(true)
    const metrics = parsePrometheus(await (await fetch(`${t.server.url}/metrics`)).text())
    const failures = metrics.find(m => m.name === 'mreg_artifact_verification_failures_total')
    expect(Number(failures?.metrics[0]?.value)).toBe(1)
    // The bad copy was dropped: the next download fetches from the store again, verified.
    const good = await fetch(`${t.server.url}/api/v1/versions/fraud%401.0.1/artifact`)
    expect(
      createHash('sha256')
        .update(Buffer.from(await good.arrayBuffer()))
        .digest('hex')
    ).toBe(v.artifact.sha256)
  })
})

describe('live events', () => {
  test('registered and stage changes arrive with their commit; Last-Event-ID resumes, even on a new server', async () => {
    const sse = await SseClient.open(`${t.server.url}/api/v1/events`)
    expect(sse.status).toBe(200)
    await ok(['register', await modelFile(repo, 'm2.bin', 3), '--type', 'iforest', '--name', 'fraud'])
    const registered = parseChange(await sse.next(2000))
    expect(registered).toMatchObject({ kind: 'registered', name: 'fraud', version: '1.0.2' })
    await ok(['promote', 'fraud@1.0.1', '--to', 'staging'])
    const staged = parseChange(await sse.next(2000))
    expect(staged).toMatchObject({
      kind: 'stage-changed',
      version: '1.0.1',
      from: 'development',
      to: 'staging'
    })
    expect(staged.commit).toBe((await t.client.get<{ tip: string }>('/healthz')).body.tip)
    sse.close()

    // While nobody listens: a promotion that demotes the production holder (two changes, one commit).
    await ok(['promote', 'fraud@1.0.0', '--to', 'staging'])
    await ok(['promote', 'fraud@1.0.0', '--to', 'production'])
    await ok(['promote', 'fraud@1.0.1', '--to', 'production'])
    const fresh = await serveRegistry({ registry: repo, actor: 'tester' })
    try {
      const resumed = await SseClient.open(`${fresh.server.url}/api/v1/events`, {
        'last-event-id': staged.id as string
      })
      const kinds: string[] = []
      for (let i = 0; i < 4; i++) {
        const change = parseChange(await resumed.next(2000))
        kinds.push(`${change.version}:${change.from}→${change.to}`)
      }
      // Commit by commit, and within the last commit in version order: the demotion, then the new holder.
      expect(kinds).toEqual([
        '1.0.0:development→staging',
        '1.0.0:staging→production',
        '1.0.0:production→deprecated',
        '1.0.1:staging→production'
      ])
      resumed.close()
    } finally {
      await fresh.close()
    }
  })

  test('the library: watch() yields what lands, register/show/list/resolve answer', async () => {
    const registry = await openRegistry({ registry: repo, actor: 'library' })
    const abort = new AbortController()
    const changes = registry.watch({ signal: abort.signal })
    const first = changes.next()
    await new Promise(resolve => setTimeout(resolve, 100))
    const added = await registry.register({
      file: await modelFile(repo, 'lib.bin', 7),
      modelType: 'iforest',
      name: 'fraud',
      metrics: { f1_score: 0.95 }
    })
    const change = await first
    expect(change.value).toMatchObject({
      kind: 'registered',
      version: added.version,
      model_id: added.model_id
    })
    abort.abort()
    expect((await changes.next()).done).toBe(true)
    expect((await registry.show(`fraud@${added.version}`)).checksum).toBe(added.checksum)
    expect((await registry.resolve({ name: 'fraud', min_metrics: { f1_score: 0.94 } })).version).toBe(
      added.version
    )
    expect((await registry.list({ criteria: { name: 'fraud' }, limit: 1 }))[0]?.version).toBe(added.version)
    await expect(registry.show('fraud@7.7.7')).rejects.toMatchObject({ kind: 'not-found' })
  })
})

describe('metrics', () => {
  test('versions per model and stage, tip age, requests and latencies per route, bytes served', async () => {
    await t.client.get('/api/v1/models')
    const res = await fetch(`${t.server.url}/metrics`)
    expect(res.headers.get('content-type')).toContain('text/plain')
    const text = await res.text()
    const families = new Map(parsePrometheus(text).map(f => [f.name, f]))
    const versions = families.get('mreg_versions')
    expect(versions?.type).toBe('GAUGE')
    const sample = (stage: string) =>
      versions?.metrics.find(m => m.labels?.model === 'fraud' && m.labels?.stage === stage)
    const listed = JSON.parse(
      await ok(['--json', 'list', '--name', 'fraud', '--stage', 'development'])
    ) as unknown[]
    expect(Number(sample('development')?.value)).toBe(listed.length)
    expect(Number(families.get('mreg_registry_tip_age_seconds')?.metrics[0]?.value)).toBeGreaterThanOrEqual(0)
    const requests = families.get('mreg_http_requests_total')
    expect(
      requests?.metrics.some(m => m.labels?.route === '/api/v1/models' && m.labels?.status === '200')
    ).toBe(true)
    const latency = families.get('mreg_http_request_duration_seconds')
    expect(latency?.type).toBe('HISTOGRAM')
    // This parser folds a labelled histogram's samples into one (it keeps the buckets, not the
    // labels), so the per-route count is read from its exposition line as well.
    expect(Object.keys(latency?.metrics[0]?.buckets ?? {})).toEqual(expect.arrayContaining(['0.005', '+Inf']))
    const count =
      /^mreg_http_request_duration_seconds_count\{route="\/api\/v1\/models",method="GET"\} (\d+)$/m.exec(text)
    expect(Number(count?.[1])).toBeGreaterThanOrEqual(1)
    expect(Number(families.get('mreg_artifact_bytes_served_total')?.metrics[0]?.value)).toBeGreaterThan(
      300_000
    )
  })
})

describe('security', () => {
  test('beyond loopback it needs a token or --public', async () => {
    await expect(serveRegistry({ registry: repo }, { host: '0.0.0.0' })).rejects.toMatchObject({
      kind: 'invalid-input',
      field: 'host'
    })
    const open = await serveRegistry({ registry: repo }, { host: '0.0.0.0', public: true })
    await open.close()
  })

  test('with a token: 401 without it, healthz open; CORS only for the given origin; secrets never logged', async () => {
    const token = 'tok-3f9c2a7d51'
    const secret = 'hook-8b1e44c0'
    const guarded = await serveRegistry(
      { registry: repo },
      { token, webhookSecret: secret, cors: 'https://dash.example' }
    )
    try {
      const anonymous = new ServeClient(guarded.server.url)
      expect((await anonymous.get('/api/v1/models')).status).toBe(401)
      expect((await anonymous.get('/metrics')).status).toBe(401)
      expect((await anonymous.get('/api/v1/models', { authorization: `Bearer ${token}x` })).status).toBe(401)
      expect((await anonymous.get('/healthz')).status).toBe(200)
      const ok200 = await guarded.client.get('/api/v1/models', { origin: 'https://dash.example' })
      expect(ok200.status).toBe(200)
      expect(ok200.headers.get('access-control-allow-origin')).toBe('https://dash.example')

      const body = JSON.stringify({ ref: 'refs/heads/model-registry' })
      const sign = (key: string) => 'sha256=' + createHmac('sha256', key).update(body).digest('hex')
      const post = (signature: string) =>
        fetch(`${guarded.server.url}/hooks/github`, {
          method: 'POST',
          body,
          headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }
        })
      expect((await post(sign('wrong'))).status).toBe(401)
      expect((await post('sha256=short')).status).toBe(401)
      expect((await post(sign(secret))).status).toBe(202)
      const huge = await fetch(`${guarded.server.url}/hooks/github`, {
        method: 'POST',
        body: 'x'.repeat(2 * 1024 * 1024),
        headers: { 'x-hub-signature-256': sign(secret) }
      }).catch(() => ({ status: 413 }))
      expect(huge.status).toBe(413)
    } finally {
      await guarded.close()
    }
    const all = guarded.logs.join('\n')
    expect(all).toContain('/api/v1/models 401')
    expect(all).not.toContain(token)
    expect(all).not.toContain(secret)
    const plain = await t.client.get('/api/v1/models', { origin: 'https://evil.example' })
    expect(plain.headers.get('access-control-allow-origin')).toBeNull()
  })
})

describe('a registry created after the server started', () => {
  test('healthz says no tip, then the first registration is told as an event', async () => {
    const empty = await makeProjectRepo()
    const late = await serveRegistry({ registry: empty, actor: 'tester' })
    try {
      expect((await late.client.get<{ tip: string | null }>('/healthz')).body.tip).toBeNull()
      expect((await late.client.get('/api/v1/models')).status).toBe(404)
      const sse = await SseClient.open(`${late.server.url}/api/v1/events`)
      // Two ref changes while the branch is still absent (packed-refs is watched): the hub looks
      // twice, finds no branch twice, and says so once.
      const trouble = () => late.logs.filter(line => line.includes('could not read the registry'))
      for (let i = 0; i < 2; i++) {
        gitOutput(empty, 'pack-refs', '--all')
        await waitFor(() => trouble().length > 0, 3000)
        await new Promise(resolve => setTimeout(resolve, 200))
      }
      expect(trouble()).toHaveLength(1)
      expect(trouble()[0]).toContain('no registry branch')
      expect((await mreg(empty, ['init'])).code).toBe(0)
      await new Promise(resolve => setTimeout(resolve, 500))
      const file = await modelFile(empty, 'late.bin', 9)
      expect((await mreg(empty, ['register', file, '--type', 'iforest'])).code).toBe(0)
      expect(parseChange(await sse.next(3000))).toMatchObject({ kind: 'registered', name: 'iforest' })
      sse.close()
      console.log('LOGS', JSON.stringify(late.logs))
      expect(late.logs.filter(line => line.includes('could not read the registry'))).toHaveLength(1)
    } finally {
      await late.close()
      await removeDir(empty)
    }
  })
})
