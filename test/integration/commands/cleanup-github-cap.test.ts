/**
 * cleanup and doctor on a repository with more than 1,000 releases: GitHub pages through the
 * first 1,000 only (422 past them), so neither may page through every release. Orphans are
 * found among the newest releases (where a dying registration leaves its draft) and, past them,
 * through the tags (listed without a cap) of versions the registry does not call live, each
 * looked up by tag; a live version older than the window is asked about directly instead of
 * being called missing.
 */
import { afterEach, beforeEach, expect, test } from '@jest/globals'
import { Octokit } from '@octokit/rest'
import { cleanup } from '../../../src/commands/cleanup.js'
import type { CommandContext } from '../../../src/commands/context.js'
import { doctor } from '../../../src/commands/doctor.js'
import { init } from '../../../src/commands/init.js'
import { register } from '../../../src/commands/register.js'
import { createGitHubClient, resetGitHubClients } from '../../../src/github/client.js'
import { createDraftRelease } from '../../../src/github/releases.js'
import { modelFile, removeDir, tempDir } from '../../support/cli-harness.js'
import { testClock, type TestClock } from '../../support/command-context.js'
import { emulatorContext } from '../../support/github-context.js'
import {
  startGitHubEmulator,
  type GitHubEmulator,
  type ReleaseRecord
} from '../../support/github-emulator/index.js'

let gh: GitHubEmulator
let work: string
let clock: TestClock
let ctx: CommandContext

beforeEach(async () => {
  gh = await startGitHubEmulator()
  work = await tempDir()
  clock = testClock(new Date().toISOString())
  ctx = emulatorContext(gh, work, clock)
  await init(ctx)
  for (let i = 1; i <= 3; i++) {
    clock.advance(60_000)
    await register(ctx, { file: await modelFile(work, `m${i}.bin`, i, 1024), modelType: 'meter' })
  }
})

afterEach(async () => {
  expect(gh.validationErrors).toEqual([])
  await gh.close()
  await removeDir(work)
  resetGitHubClients()
})

/** The project's own releases (tags `v0.N.0`), created at `createdAt`. */
const addProjectReleases = (count: number, createdAt: string): Promise<void> =>
  gh.state.addPublishedReleases(count, { createdAt, tag: i => `v0.${i}.0` })

const listPastCap = () => gh.requests.filter(r => r.operationId === 'repos/list-releases' && r.status === 422)

test('1,100 older releases: the orphan draft among the newest is found and swept, nothing pages past 1,000', async () => {
  await addProjectReleases(1100, '2020-01-01T00:00:00Z')
  const client = createGitHubClient({ token: gh.token, apiUrl: gh.apiUrl, writeSpacingMs: 0 })
  await createDraftRelease(client, { owner: gh.owner, repo: gh.repo, tag: 'meter@v9.9.9', name: 'x' })
  clock.set(new Date(Date.now() + 2 * 3_600_000).toISOString())

  const report = await doctor(ctx)
  expect(report.healthy).toBe(true)
  expect(report.findings.map(f => [f.kind, f.subject])).toEqual([
    ['orphan-object', 'release meter@v9.9.9 (draft)']
  ])

  const outcome = await cleanup(ctx, { keepLast: 1 })
  expect(outcome.deleted_count).toBe(2)
  expect(outcome.missing).toEqual([])
  expect(outcome.swept.map(s => s.label).sort()).toEqual([
    'release meter@v1.0.0',
    'release meter@v1.0.1',
    'release meter@v9.9.9 (draft)'
  ])
  expect(gh.state.releases.filter(r => r.tagName.startsWith('meter@')).map(r => r.tagName)).toEqual([
    'meter@v1.0.2'
  ])
  expect(gh.state.releases).toHaveLength(1101)
  expect(listPastCap()).toEqual([])
})

test('1,100 newer releases push the registry out of the listing: no version is called missing, deletions still happen', async () => {
  await addProjectReleases(1100, '2099-01-01T00:00:00Z')
  const report = await doctor(ctx)
  expect(report).toMatchObject({ healthy: true, findings: [] })

  const outcome = await cleanup(ctx, { keepLast: 1 })
  expect(outcome).toMatchObject({ deleted_count: 2, missing: [] })
  expect(outcome.swept.map(s => s.label).sort()).toEqual(['release meter@v1.0.0', 'release meter@v1.0.1'])
  expect(gh.state.releases.filter(r => r.tagName.startsWith('meter@')).map(r => r.tagName)).toEqual([
    'meter@v1.0.2'
  ])
  expect(listPastCap()).toEqual([])
  expect((await doctor(ctx)).findings).toEqual([])
})

test('an orphan release older than the newest 1,000 is found through its tag and swept; live ones are not looked up', async () => {
  // A published release of a version the registry has no record of (its metadata never landed),
  // created before the project's 1,100 releases.
  const octokit = new Octokit({ auth: gh.token, baseUrl: gh.apiUrl })
  await octokit.rest.repos.createRelease({
    owner: gh.owner,
    repo: gh.repo,
    tag_name: 'meter@v0.9.0',
    name: 'meter 0.9.0',
    make_latest: 'false'
  })
  const orphan = gh.state.releases.find(r => r.tagName === 'meter@v0.9.0') as ReleaseRecord
  orphan.createdAt = '2019-01-01T00:00:00Z'
  await addProjectReleases(1100, '2099-01-01T00:00:00Z')
  clock.set(new Date(Date.now() + 2 * 3_600_000).toISOString())

  const from = gh.requests.length
  const report = await doctor(ctx)
  expect(report.findings.map(f => [f.kind, f.subject])).toEqual([['orphan-object', 'release meter@v0.9.0']])
  // Only the tag no live version owns was looked up.
  const byTag = gh.requests
    .slice(from)
    .filter(r => r.operationId === 'repos/get-release-by-tag')
    .map(r => r.path)
  expect(byTag).toEqual([`/repos/${gh.owner}/${gh.repo}/releases/tags/meter%40v0.9.0`])

  const outcome = await cleanup(ctx, { keepLast: 3 })
  expect(outcome.swept.map(s => s.label)).toEqual(['release meter@v0.9.0'])
  expect(gh.state.releases.filter(r => r.tagName.startsWith('meter@')).map(r => r.tagName)).toEqual([
    'meter@v1.0.0',
    'meter@v1.0.1',
    'meter@v1.0.2'
  ])
  expect((await gh.state.refMap())['refs/tags/meter@v0.9.0']).toBeUndefined()
  expect(listPastCap()).toEqual([])
  expect((await doctor(ctx)).findings).toEqual([])
})

test('the emulator refuses a page past the first 1,000 releases as GitHub does', async () => {
  await addProjectReleases(1001, '2020-01-01T00:00:00Z')
  const octokit = new Octokit({ auth: gh.token, baseUrl: gh.apiUrl })
  const error = await octokit.rest.repos
    .listReleases({ owner: gh.owner, repo: gh.repo, per_page: 100, page: 11 })
    .catch((e: { status: number; response: { data: { message: string } } }) => e)
  expect(error).toMatchObject({
    status: 422,
    response: { data: { message: 'Only the first 1000 results are available.' } }
  })
  expect(gh.requests.at(-1)?.rule).toBe('pagination-cap')
})
