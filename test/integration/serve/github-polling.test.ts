/**
 * `mreg serve --github` without a webhook: the server learns of a new tip by polling the
 * branch's ref with conditional requests. While nothing changes every poll is a 304 and nothing
 * else is read; a registration made elsewhere moves the ref, the next poll answers 200, and only
 * then does the server read the registry (Git Database API or git) and tell the event.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import type { CommandContext } from '../../../src/commands/context.js'
import { register } from '../../../src/commands/register.js'
import { modelFile } from '../../support/cli-harness.js'
import type { GitHubEmulator } from '../../support/github-emulator/index.js'
import { githubServeProject, type GitHubServeProject } from '../../support/github-serve.js'
import { parseChange, SseClient, type TestServer } from '../../support/serve.js'

let project: GitHubServeProject
let gh: GitHubEmulator
let work: string
let writer: CommandContext
let t: TestServer
const POLL_MS = 150

beforeAll(async () => {
  project = await githubServeProject({ pollIntervalMs: POLL_MS })
  ;({ gh, work, writer, t } = project)
}, 120_000)

afterAll(async () => {
  await project?.close()
})

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))
const isPoll = (r: { operationId?: string }) => r.operationId === 'git/get-ref'
const refPolls = (from: number) => gh.requests.slice(from).filter(isPoll)

async function until(check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time')
    await sleep(3 * POLL_MS)
  }
}

test('idle polls are 304s and read nothing else; a moved tip is read only then, and told', async () => {
  const sse = await SseClient.open(`${t.server.url}/api/v1/events`)
  // The first poll has no ETag yet (a 200); after it every poll sends the ETag it was given.
  await until(() => refPolls(0).some(r => r.status === 304), 10_000)
  // Start-up reads (the tip, its commit time for /metrics) may still be in flight: let them end.
  let gitRequests = -1
  await until(() => {
    const now = gh.requests.filter(r => r.origin === 'git').length
    const settled = now === gitRequests
    gitRequests = now
    return settled
  }, 10_000)
  const idleFrom = gh.requests.length
  await sleep(8 * POLL_MS)
  const idle = gh.requests.slice(idleFrom).filter(r => r.status !== 0)
  expect(idle.filter(isPoll).length).toBeGreaterThanOrEqual(3)
  expect(idle.filter(isPoll).map(r => r.status)).toEqual(expect.arrayContaining([304]))
  expect(idle.filter(r => isPoll(r) && r.status !== 304)).toEqual([])
  expect(idle.filter(r => !isPoll(r))).toEqual([])

  const beforeWrite = gh.requests.length
  await register(writer, { file: await modelFile(work, 'b.bin', 2), modelType: 'meter' })
  expect(parseChange(await sse.next(10_000))).toMatchObject({
    kind: 'registered',
    name: 'meter',
    version: '1.0.1'
  })
  const seen = gh.requests.slice(beforeWrite)
  // The writer's ref update moves the branch (its later requests are release calls); a poll
  // after it answers 200, and the server reads the registry only after that poll.
  const moved = seen.map(r => r.operationId === 'git/update-ref').lastIndexOf(true)
  expect(moved).toBeGreaterThanOrEqual(0)
  const changed = seen.findIndex((r, i) => i > moved && isPoll(r) && r.status === 200)
  expect(changed).toBeGreaterThan(moved)
  const isRead = (r: { origin: string; operationId?: string }) =>
    r.origin === 'git' ||
    ['repos/get-content', 'git/get-tree', 'git/get-commit', 'git/get-blob'].includes(r.operationId ?? '')
  const reads = seen.map((r, i) => ({ r, i })).filter(({ r, i }) => i > moved && isRead(r))
  expect(reads.length).toBeGreaterThan(0)
  expect(reads.every(({ i }) => i > changed)).toBe(true)
  const versions = await t.client.get<{ versions: { version: string }[] }>('/api/v1/models/meter/versions')
  expect(versions.body.versions.map(v => v.version).sort()).toEqual(['1.0.0', '1.0.1'])
  sse.close()
  expect(gh.validationErrors).toEqual([])
}, 60_000)
