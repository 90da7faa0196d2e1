/**
 * `mreg serve` over a real registry: the JSON routes answer what the CLI's --json prints, every
 * response matches the shipped OpenAPI document, and bad requests get {error:{kind,message}}.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { makeProjectRepo, modelFile, mreg, mregJson, removeDir } from '../../support/cli-harness.js'
import { serveRegistry, type TestServer } from '../../support/serve.js'
import type { ModelVersion } from '../../../src/domain/types.js'

let repo: string
let t: TestServer

async function ok(args: string[]): Promise<void> {
  const result = await mreg(repo, args)
  if (result.code !== 0) throw new Error(`mreg ${args.join(' ')}: ${result.stderr}`)
}

beforeAll(async () => {
  repo = await makeProjectRepo()
  await ok(['init'])
  const metrics = [0.8, 0.86, 0.9, 0.88, 0.91]
  for (const [i, f1] of metrics.entries()) {
    const file = await modelFile(repo, `m${i}.bin`, i + 1)
    await ok([
      'register',
      file,
      '--type',
      'isolation_forest',
      '--name',
      'fraud',
      '--metric',
      `f1_score=${f1}`,
      ...(i % 2 ? ['--tag', 'high_recall'] : [])
    ])
  }
  await ok(['register', await modelFile(repo, 'o.bin', 99), '--type', 'xgb', '--name', 'churn'])
  await ok(['promote', 'fraud@1.0.3', '--to', 'staging'])
  await ok(['promote', 'fraud@1.0.3', '--to', 'production'])
  t = await serveRegistry({ registry: repo, actor: 'tester' })
}, 120_000)

afterAll(async () => {
  await t?.close()
  await removeDir(repo)
})

describe('JSON routes', () => {
  test('healthz and the OpenAPI document', async () => {
    const health = await t.client.get<{ status: string; tip: string }>('/healthz')
    expect(health.status).toBe(200)
    expect(health.body.tip).toMatch(/^[0-9a-f]{40}$/)
    const openapi = await t.client.get<{ openapi: string }>('/api/v1/openapi.json')
    expect(openapi.body.openapi).toBe('3.1.0')
  })

  test('models: names, types, counts, stage holders, newest and highest', async () => {
    const { body } = await t.client.get<{ models: Record<string, unknown>[] }>('/api/v1/models')
    expect(body.models.map(m => m.name)).toEqual(['churn', 'fraud'])
    const fraud = body.models[1] as Record<string, unknown>
    expect(fraud).toMatchObject({ types: ['isolation_forest'], count: 5, newest: '1.0.4', highest: '1.0.4' })
    expect((fraud.stages as Record<string, string[]>).production).toEqual(['1.0.3'])
  })

  test('versions: cursor pages walk the same order as mreg list, with filters and sort', async () => {
    const listed = await mregJson<ModelVersion[]>(repo, ['list', '--name', 'fraud'])
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page: { body: { versions: ModelVersion[]; next_cursor: string | null } } = await t.client.get(
        `/api/v1/models/fraud/versions?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`
      )
      expect(page.body.versions.length).toBeLessThanOrEqual(2)
      seen.push(...page.body.versions.map(v => v.version))
      cursor = page.body.next_cursor
    } while (cursor !== null)
    expect(seen).toEqual(listed.map(v => v.version))

    const filtered = await t.client.get<{ versions: ModelVersion[] }>(
      '/api/v1/models/fraud/versions?min=f1_score:0.87&tag=high_recall&sort=metric:f1_score'
    )
    expect(filtered.body.versions.map(v => v.version)).toEqual(['1.0.3'])
    const cli = await mregJson<ModelVersion[]>(repo, [
      'list',
      '--name',
      'fraud',
      '--min',
      'f1_score=0.85',
      '--sort',
      'version'
    ])
    const api = await t.client.get<{ versions: ModelVersion[] }>(
      '/api/v1/models/fraud/versions?min=f1_score=0.85&sort=version'
    )
    expect(api.body.versions).toEqual(cli)
  })

  test('one version, resolve, compare and history answer what the CLI prints', async () => {
    const shown = await t.client.get<ModelVersion>(
      `/api/v1/versions/${encodeURIComponent('fraud@production')}`
    )
    expect(shown.body).toEqual(await mregJson(repo, ['show', 'fraud@production']))
    const byId = await t.client.get<ModelVersion>(`/api/v1/versions/${shown.body.model_id}`)
    expect(byId.body.version).toBe('1.0.3')

    const resolved = await t.client.get<ModelVersion>(
      '/api/v1/resolve?type=isolation_forest&stage=production&min=f1_score:0.85'
    )
    expect(resolved.body.version).toBe('1.0.3')
    const newest = await t.client.get<ModelVersion>('/api/v1/resolve?name=fraud&tag=high_recall')
    expect(newest.body.version).toBe('1.0.3')

    const compared = await t.client.get('/api/v1/compare?ref=fraud%401.0.0&ref=fraud%401.0.4')
    expect(compared.body).toEqual(await mregJson(repo, ['compare', 'fraud@1.0.0', 'fraud@1.0.4']))

    const at = new Date().toISOString()
    const hist = await t.client.get(`/api/v1/history/fraud?at=${encodeURIComponent(at)}`)
    expect(hist.body).toEqual(await mregJson(repo, ['history', 'fraud', '--at', at]))
    const versionHistory = await t.client.get<{ version: string }>(
      `/api/v1/history/${encodeURIComponent('fraud@1.0.3')}`
    )
    expect(versionHistory.body.version).toBe('1.0.3')
  })
})

describe('errors are {error: {kind, message}} with the status that fits', () => {
  test.each([
    ['/api/v1/versions/Not%20A%20Ref', 400, 'invalid-input'],
    ['/api/v1/versions/..%2F..%2Fetc%2Fpasswd', 400, 'invalid-input'],
    ['/api/v1/models/..%2F..%2Fregistry.json/versions', 400, 'invalid-input'],
    ['/api/v1/versions/%E0%A4%A', 400, 'invalid-input'],
    ['/api/v1/versions/fraud%409.9.9', 404, 'not-found'],
    ['/api/v1/models/nothing/versions', 404, 'not-found'],
    ['/api/v1/models/fraud/versions?limit=0', 400, 'invalid-input'],
    ['/api/v1/models/fraud/versions?limit=abc', 400, 'invalid-input'],
    ['/api/v1/models/fraud/versions?sort=size', 400, 'invalid-input'],
    ['/api/v1/models/fraud/versions?cursor=fraud_19990101_000000', 409, 'conflict'],
    ['/api/v1/models/fraud/versions?min=f1_score', 400, 'invalid-input'],
    ['/api/v1/resolve?colour=blue', 400, 'invalid-input'],
    ['/api/v1/resolve?name=fraud&stage=canary', 404, 'not-found'],
    ['/api/v1/compare?ref=fraud%401.0.0', 400, 'invalid-input'],
    ['/api/v1/history/fraud?at=yesterday-ish', 400, 'invalid-input'],
    ['/api/v1/nowhere', 404, 'not-found']
  ])('%s → %i %s', async (path, status, kind) => {
    const res = await t.client.get<{ error: { kind: string; message: string } }>(path)
    expect(res.status).toBe(status)
    expect(res.body.error.kind).toBe(kind)
    expect(res.body.error.message).not.toMatch(/\n|at .*\.ts:\d+/)
  })

  test('the query parameter at fault is named', async () => {
    const res = await t.client.get<{ error: { field?: string } }>('/api/v1/models/fraud/versions?limit=5000')
    expect(res.body.error.field).toBe('limit')
    const bad = await t.client.get<{ error: { field?: string } }>('/api/v1/versions/..%2Fx')
    expect(bad.body.error.field).toBe('ref')
  })

  test('read-only: other methods are refused and change nothing', async () => {
    const before = (await t.client.get<{ tip: string }>('/healthz')).body.tip
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      const res = await t.client.get<{ error: { kind: string } }>(
        '/api/v1/versions/fraud%401.0.0',
        {},
        method
      )
      expect(res.status).toBe(405)
    }
    const post = await t.client.get('/api/v1/models', {}, 'POST')
    expect(post.status).toBe(405)
    expect((await t.client.get<{ tip: string }>('/healthz')).body.tip).toBe(before)
  })
})
