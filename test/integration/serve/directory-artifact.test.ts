/**
 * `mreg serve` and directory versions: each file at /api/v1/versions/{ref}/artifact/{path}, with
 * its own ETag and Repr-Digest, Range and If-None-Match; the whole-artifact route answers 409
 * naming the per-file route; paths outside the manifest are 404 and traversal is refused (400)
 * on the raw request path; a tampered file is never served. Every response is checked against
 * the shipped OpenAPI document (test/support/serve.ts).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { join } from 'node:path'
import type { ModelVersion } from '../../../src/domain/types.js'
import { makeProjectRepo, modelFile, mreg, removeDir, tempDir } from '../../support/cli-harness.js'
import { expectDocumented, serveRegistry, type TestServer } from '../../support/serve.js'

let repo: string
let work: string
let model: string
let dirVersion: ModelVersion
let t: TestServer
let cache: string

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest()

async function registered(args: string[]): Promise<ModelVersion> {
  const result = await mreg(repo, ['--json', ...args])
  if (result.code !== 0) throw new Error(`mreg ${args.join(' ')}: ${result.stderr}`)
  return JSON.parse(result.stdout) as ModelVersion
}

/** A GET with the path sent exactly as written (fetch would resolve `..` before sending). */
function rawGet(path: string): Promise<{ status: number; type: string; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(`${t.server.url}/`, { path, method: 'GET' }, res => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: String(res.headers['content-type']),
          body: JSON.parse(text)
        })
      )
    })
    req.on('error', reject)
    req.end()
  })
}

const fileUrl = (path: string) => `/api/v1/versions/bundle%401.0.0/artifact/${path}`

beforeAll(async () => {
  repo = await makeProjectRepo()
  work = await tempDir()
  model = join(work, 'model')
  await mkdir(join(model, 'features'), { recursive: true })
  await modelFile(model, 'model.pkl', 3, 50_000)
  await writeFile(join(model, 'features', 'extract (v2).py'), 'def extract(x):\n    return x\n')
  await writeFile(join(model, 'requirements.txt'), 'scikit-learn==1.5.2\n')
  expect((await mreg(repo, ['init'])).code).toBe(0)
  dirVersion = await registered(['register', model, '--type', 'bundle'])
  await registered(['register', await modelFile(work, 'single.bin', 4), '--type', 'single'])
  cache = await tempDir()
  t = await serveRegistry({ registry: repo, actor: 'tester' }, { artifactCacheDir: cache })
}, 120_000)

afterAll(async () => {
  await t?.close()
  await removeDir(repo)
  await removeDir(work)
  await removeDir(cache)
})

describe('one file of a directory version', () => {
  test('its bytes, with its own ETag and Repr-Digest; "/" sent as is or as %2F', async () => {
    for (const path of ['features/extract%20(v2).py', 'features%2Fextract%20(v2).py']) {
      const expected = await readFile(join(model, 'features', 'extract (v2).py'))
      const res = await t.client.get<string>(fileUrl(path))
      expect(res.status).toBe(200)
      expect(res.text).toBe(expected.toString('utf8'))
      expect(res.headers.get('repr-digest')).toBe(`sha-256=:${sha256(expected).toString('base64')}:`)
      expect(res.headers.get('etag')).toBe(`"sha256-${sha256(expected).toString('hex')}"`)
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="extract (v2).py"; filename*=UTF-8''extract%20(v2).py`
      )
    }
  })

  test('Range and If-None-Match work per file', async () => {
    const expected = await readFile(join(model, 'model.pkl'))
    const part = await fetch(`${t.server.url}${fileUrl('model.pkl')}`, {
      headers: { range: 'bytes=100-199' }
    })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${expected.length}`)
    expect(Buffer.from(await part.arrayBuffer()).equals(expected.subarray(100, 200))).toBe(true)
    const etag = `"sha256-${sha256(expected).toString('hex')}"`
    expect((await t.client.get(fileUrl('model.pkl'), { 'if-none-match': etag })).status).toBe(304)
  })

  test('the whole-artifact route answers 409 naming the per-file route', async () => {
    const res = await t.client.get<{ error: { kind: string; message: string } }>(
      '/api/v1/versions/bundle%401.0.0/artifact'
    )
    expect(res.status).toBe(409)
    expect(res.body.error.message).toMatch(/directory version of 3 files: GET …\/artifact\/\{path\}/)
  })

  test('a path the manifest does not list is 404; a single-file version has no files (409)', async () => {
    const missing = await t.client.get<{ error: { kind: string } }>(fileUrl('features/nope.py'))
    expect(missing.status).toBe(404)
    const single = await t.client.get(`/api/v1/versions/single%40latest/artifact/model.pkl`)
    expect(single.status).toBe(409)
  })

  test.each([
    ['..', fileUrl('../../../../etc/passwd')],
    ['encoded ..', fileUrl('%2e%2e/%2e%2e/etc/passwd')],
    ['.', fileUrl('./model.pkl')],
    ['an empty segment', fileUrl('features//extract.py')],
    ['a backslash', fileUrl('..%5C..%5Cetc')],
    ['NUL', fileUrl('model.pkl%00')],
    ['no path', fileUrl('')]
  ])('traversal is refused with 400: %s', async (_label, path) => {
    const res = await rawGet(path)
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ error: { kind: 'invalid-input' } })
    expectDocumented('GET', fileUrl('x'), res.status, res.type, res.body)
  })

  test('a cached copy that stops matching is cut before its end while streaming, never served whole', async () => {
    const expected = await readFile(join(model, 'model.pkl'))
    await fetch(`${t.server.url}${fileUrl('model.pkl')}`).then(r => r.arrayBuffer())
    const copy = join(cache, sha256(expected).toString('hex'))
    const bytes = await readFile(copy)
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] as number) ^ 0xff
    await writeFile(copy, bytes)
    await expect(fetch(`${t.server.url}${fileUrl('model.pkl')}`).then(r => r.arrayBuffer())).rejects.toThrow()
    expect(t.logs.some(line => line.includes('integrity: bundle@1.0.0'))).toBe(true)
    const again = await fetch(`${t.server.url}${fileUrl('model.pkl')}`)
    expect(Buffer.from(await again.arrayBuffer()).equals(expected)).toBe(true)
  })

  test('a tampered file is never served: the store refuses it and the server answers 500', async () => {
    const entry = dirVersion.artifact.manifest?.find(e => e.path === 'requirements.txt')
    if (!entry) throw new Error('no entry')
    const object = join(repo, '.git', 'mreg', 'objects', 'sha256', entry.sha256.slice(0, 2), entry.sha256)
    await chmod(object, 0o644)
    const bytes = await readFile(object)
    bytes[0] = (bytes[0] as number) ^ 0xff
    await writeFile(object, bytes)
    const res = await t.client.get<{ error: { kind: string; message: string } }>(fileUrl('requirements.txt'))
    expect(res.status).toBe(500)
    expect(res.body.error.kind).toBe('integrity')
    expect(res.text).not.toContain('scikit-learn')
  })
})
