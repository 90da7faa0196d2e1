/**
 * Registering on GitHub with immutable releases: the release stays a draft until the metadata
 * has landed, so a failed metadata push spends no tag; a publish interrupted after the metadata
 * landed is reported by doctor and finished by cleanup; a tag GitHub keeps reserved for good (a
 * deleted immutable release) is skipped by an automatic version and reported for an explicit
 * one; and model releases never take the repository's "Latest" release.
 */
import { afterEach, beforeEach, expect, test } from '@jest/globals'
import { cleanup } from '../../../src/commands/cleanup.js'
import type { CommandContext } from '../../../src/commands/context.js'
import { doctor } from '../../../src/commands/doctor.js'
import { init } from '../../../src/commands/init.js'
import { register } from '../../../src/commands/register.js'
import { showVersion } from '../../../src/commands/show.js'
import { resetGitHubClients } from '../../../src/github/client.js'
import { modelFile, removeDir, tempDir } from '../../support/cli-harness.js'
import { testClock } from '../../support/command-context.js'
import { emulatorContext } from '../../support/github-context.js'
import { startGitHubEmulator, type GitHubEmulator } from '../../support/github-emulator/index.js'

let gh: GitHubEmulator
let work: string
let ctx: CommandContext
let notices: string[]

beforeEach(async () => {
  gh = await startGitHubEmulator({ immutableReleases: true })
  work = await tempDir()
  notices = []
  ctx = { ...emulatorContext(gh, work, testClock(new Date().toISOString())), notice: m => notices.push(m) }
  await init(ctx)
})

afterEach(async () => {
  expect(gh.validationErrors).toEqual([])
  await gh.close()
  await removeDir(work)
  resetGitHubClients()
})

const file = (name: string, fill: number) => modelFile(work, name, fill)

test('a metadata push that fails spends nothing: no release, no reserved tag, the same version registers next', async () => {
  // The branch moves by a fast-forward ref update (src/github/git-database-backend.ts): every
  // try of its 4 attempts (1 + 2 client retries each, EMULATOR_TUNING) fails.
  gh.faults.failNext({
    method: 'PATCH',
    path: /\/git\/refs\/heads%2Fmodel-registry$/,
    status: 500,
    times: 12
  })
  await expect(register(ctx, { file: await file('a.bin', 1), modelType: 'meter' })).rejects.toMatchObject({
    kind: 'unavailable'
  })
  expect(gh.state.releases).toEqual([])
  expect([...gh.state.burnedTags]).toEqual([])
  expect(Object.keys(await gh.state.refMap()).filter(ref => ref.startsWith('refs/tags/'))).toEqual([])

  const version = await register(ctx, { file: await file('b.bin', 2), modelType: 'meter' })
  expect(version.version).toBe('1.0.0')
  expect(gh.state.releases.map(r => [r.tagName, r.draft, r.immutable])).toEqual([
    ['meter@v1.0.0', false, true]
  ])
})

test('a publish interrupted after the metadata landed: register succeeds with a notice, doctor reports it, cleanup finishes it', async () => {
  gh.faults.failNext({ method: 'PATCH', path: /\/releases\/\d+$/, status: 502, times: 3 })
  const version = await register(ctx, { file: await file('a.bin', 1), modelType: 'meter' })
  expect(version.version).toBe('1.0.0')
  expect(notices.join('\n')).toMatch(
    /meter@1\.0\.0 is registered, but publishing .* the next cleanup finishes it/
  )
  expect(gh.state.releases.map(r => r.draft)).toEqual([true])

  const report = await doctor(ctx)
  expect(report.healthy).toBe(true)
  expect(report.findings).toEqual([
    expect.objectContaining({ kind: 'unfinished-artifact', severity: 'warning', subject: 'meter@1.0.0' })
  ])
  // The draft is a live version's: never swept as an orphan, however old.
  const outcome = await cleanup(ctx, {})
  expect(outcome).toMatchObject({ finished: ['meter@1.0.0'], swept: [] })
  expect(gh.state.releases.map(r => [r.tagName, r.draft])).toEqual([['meter@v1.0.0', false]])
  expect((await doctor(ctx)).findings).toEqual([])
  expect((await showVersion(ctx, 'meter@1.0.0')).artifact.release?.tag).toBe('meter@v1.0.0')
})

test('a tag reserved by a deleted immutable release: skipped by an automatic version, reported for an explicit one', async () => {
  // What a deleted immutable release leaves: its tag name, reserved for good.
  gh.state.burnedTags.add('meter@v1.0.0')
  const version = await register(ctx, { file: await file('a.bin', 1), modelType: 'meter' })
  expect(version.version).toBe('1.0.1')
  expect(notices.join('\n')).toMatch(
    /skipping version 1\.0\.0 of meter: .*tag_name was used by an immutable release/
  )
  expect(gh.state.releases.map(r => r.tagName)).toEqual(['meter@v1.0.1'])
  expect(gh.requests.some(r => r.rule === 'immutable-tag-reserved' && r.status === 422)).toBe(true)

  const explicit = await register(ctx, {
    file: await file('b.bin', 2),
    modelType: 'meter',
    version: '1.0.0'
  }).catch((e: unknown) => e)
  expect(explicit).toMatchObject({
    kind: 'conflict',
    message:
      'cannot register meter@1.0.0: its release tag meter@v1.0.0 was used by a deleted immutable release, and GitHub never frees such a tag; choose another version, or leave it out to take the next free one',
    details: expect.objectContaining({ field: 'version', value: '1.0.0', reason: 'tag-reserved' })
  })
  expect(gh.state.releases.map(r => r.tagName)).toEqual(['meter@v1.0.1'])
})

test("model releases never become the repository's latest release; the project's own stays latest", async () => {
  const { Octokit } = await import('@octokit/rest')
  const octokit = new Octokit({ auth: gh.token, baseUrl: gh.apiUrl })
  const own = await octokit.rest.repos.createRelease({ owner: gh.owner, repo: gh.repo, tag_name: 'v2.0.0' })
  await register(ctx, { file: await file('a.bin', 1), modelType: 'meter' })
  await register(ctx, { file: await file('b.bin', 2), modelType: 'meter' })
  const latest = await octokit.rest.repos.getLatestRelease({ owner: gh.owner, repo: gh.repo })
  expect(latest.data).toMatchObject({ id: own.data.id, tag_name: 'v2.0.0' })
  expect(gh.state.releases.filter(r => !r.draft).map(r => r.tagName)).toEqual([
    'v2.0.0',
    'meter@v1.0.0',
    'meter@v1.0.1'
  ])
})
