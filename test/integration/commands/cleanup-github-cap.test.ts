/**
 * cleanup and doctor on a repository with more than 1,000 releases: GitHub pages through the
 * first 1,000 only (422 past them), so neither may page through every release. Orphans are
 * found among the newest releases (where a dying registration leaves its draft), this run's
 * deletions are removed from what their metadata records, and a live version older than the
 * window is asked about directly instead of being called missing.
 */
import { afterEach, beforeEach, expect, test } from '@jest/globals'
import { randomBytes } from 'node:crypto'
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

/** The project's own releases, written straight into the emulator's state (creating 1,100 through the API would take minutes). */
function seedProjectReleases(count: number, createdAt: string): void {
  for (let i = 0; i < count; i++) {
    const id = gh.state.nextId()
    const record: ReleaseRecord = {
      id,
      tagName: `v0.${i}.0`,
      targetCommitish: 'main',
      name: `v0.${i}.0`,
      body: null,
      draft: false,
      prerelease: false,
      immutable: false,
      author: 'octocat',
      createdAt,
      publishedAt: createdAt,
      updatedAt: createdAt,
      untaggedName: `untagged-${randomBytes(10).toString('hex')}`,
      assets: []
    }
    gh.state.releases.push(record)
  }
}

const listPastCap = () => gh.requests.filter(r => r.operationId === 'repos/list-releases' && r.status === 422)

test('1,100 older releases: the orphan draft among the newest is found and swept, nothing pages past 1,000', async () => {
  seedProjectReleases(1100, '2020-01-01T00:00:00Z')
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
  seedProjectReleases(1100, '2099-01-01T00:00:00Z')
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

test('the emulator refuses a page past the first 1,000 releases as GitHub does', async () => {
  seedProjectReleases(1001, '2020-01-01T00:00:00Z')
  const { Octokit } = await import('@octokit/rest')
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
