/**
 * `mreg serve --github` against the GitHub emulator: the API reads the remote registry branch and
 * serves release assets verified; a registration made elsewhere reaches the event stream at once
 * on a signed webhook (the poll is set far beyond the test), and a badly signed one changes nothing.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { createHash, createHmac } from 'node:crypto'
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { CommandContext } from '../../../src/commands/context.js'
import { register } from '../../../src/commands/register.js'
import { modelFile } from '../../support/cli-harness.js'
import { githubServeProject, type GitHubServeProject } from '../../support/github-serve.js'
import { parseChange, SseClient, type TestServer } from '../../support/serve.js'

let project: GitHubServeProject
let work: string
let writer: CommandContext
let t: TestServer
const secret = 'whsec-5d1f09'

beforeAll(async () => {
  project = await githubServeProject(
    { pollIntervalMs: 600_000 },
    { webhookSecret: secret },
    async (w, dir) => {
      const bundle = join(dir, 'bundle')
      await mkdir(join(bundle, 'lib'), { recursive: true })
      await modelFile(join(bundle, 'lib'), 'features.py', 3, 700)
      await modelFile(bundle, 'weights.bin', 4, 9000)
      await register(w, { file: bundle, modelType: 'bundle' })
    }
  )
  ;({ work, writer, t } = project)
}, 120_000)

afterAll(async () => {
  await project?.close()
})

test('reads the remote registry and serves the release asset verified', async () => {
  const models = await t.client.get<{ models: { name: string; count: number }[] }>('/api/v1/models')
  expect(models.body.models).toEqual([
    expect.objectContaining({ name: 'bundle', count: 1 }),
    expect.objectContaining({ name: 'meter', count: 1 })
  ])
  const res = await fetch(`${t.server.url}/api/v1/versions/meter%401.0.0/artifact`)
  expect(res.status).toBe(200)
  const bytes = Buffer.from(await res.arrayBuffer())
  expect(bytes.equals(await readFile(join(work, 'a.bin')))).toBe(true)
  expect(res.headers.get('repr-digest')).toBe(
    `sha-256=:${createHash('sha256').update(bytes).digest('base64')}:`
  )
})

test('serves each file of a directory version from its release asset, verified', async () => {
  for (const path of ['lib/features.py', 'weights.bin']) {
    const res = await fetch(`${t.server.url}/api/v1/versions/bundle%401.0.0/artifact/${path}`)
    expect(res.status).toBe(200)
    const bytes = Buffer.from(await res.arrayBuffer())
    expect(bytes.equals(await readFile(join(work, 'bundle', path)))).toBe(true)
    expect(res.headers.get('repr-digest')).toBe(
      `sha-256=:${createHash('sha256').update(bytes).digest('base64')}:`
    )
  }
})

test('a signed webhook makes a new registration appear on the event stream at once', async () => {
  const sse = await SseClient.open(`${t.server.url}/api/v1/events`)
  await register(writer, { file: await modelFile(work, 'b.bin', 2), modelType: 'meter' })
  const body = JSON.stringify({ ref: 'refs/heads/model-registry' })
  const post = (key: string) =>
    fetch(`${t.server.url}/hooks/github`, {
      method: 'POST',
      body,
      headers: {
        'x-github-event': 'push',
        'x-hub-signature-256': 'sha256=' + createHmac('sha256', key).update(body).digest('hex')
      }
    })
  expect((await post('not-the-secret')).status).toBe(401)
  await expect(sse.next(1500)).rejects.toThrow('no event')
  expect((await post(secret)).status).toBe(202)
  expect(parseChange(await sse.next(5000))).toMatchObject({
    kind: 'registered',
    name: 'meter',
    version: '1.0.1'
  })
  sse.close()
})
