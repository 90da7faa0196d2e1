/**
 * Retention against the GitHub emulator: the exact plan, dry run changes nothing (refs and
 * emulator state), apply deletes releases and tags and commits tombstones, a 5xx on the third
 * deletion is finished by the next run, orphan releases are swept after the grace period, and
 * immutable releases keep their tag (recorded in the tombstone).
 */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { cleanup } from '../../../src/commands/cleanup.js'
import type { CommandContext } from '../../../src/commands/context.js'
import { doctor } from '../../../src/commands/doctor.js'
import { init } from '../../../src/commands/init.js'
import { promote } from '../../../src/commands/promote.js'
import { register } from '../../../src/commands/register.js'
import { showVersion } from '../../../src/commands/show.js'
import { resetGitHubClients } from '../../../src/github/client.js'
import { gitOutput, modelFile, removeDir, tempDir } from '../../support/cli-harness.js'
import { testClock, type TestClock } from '../../support/command-context.js'
import { emulatorContext } from '../../support/github-context.js'
import { startGitHubEmulator, type GitHubEmulator } from '../../support/github-emulator/index.js'

let gh: GitHubEmulator
let work: string
let clock: TestClock
let ctx: CommandContext

async function setUp(options: { immutableReleases?: boolean } = {}): Promise<void> {
  gh = await startGitHubEmulator(options)
  work = await tempDir()
  clock = testClock(new Date().toISOString())
  ctx = emulatorContext(gh, work, clock)
  await init(ctx)
}

afterEach(async () => {
  expect(gh.validationErrors).toEqual([])
  await gh.close()
  await removeDir(work)
  resetGitHubClients()
})

async function registerVersions(count: number): Promise<void> {
  for (let i = 1; i <= count; i++) {
    clock.advance(60_000)
    await register(ctx, {
      file: await modelFile(work, `m${i}.bin`, i, 2048),
      modelType: 'meter',
      version: `1.0.${i}`
    })
  }
}

const publishedTags = () => gh.state.releases.map(r => r.tagName).sort()
const registryTip = () => gitOutput(gh.repoDir, 'rev-parse', 'refs/heads/model-registry')

describe('cleanup on GitHub', () => {
  beforeEach(async () => {
    await setUp()
    await registerVersions(9)
    for (const stage of ['staging', 'canary', 'production'])
      await promote(ctx, { reference: 'meter@1.0.1', to: stage })
    await promote(ctx, { reference: 'meter@1.0.2', to: 'staging' })
  })

  test('dry run plans exactly and changes nothing', async () => {
    const tip = registryTip()
    const releases = JSON.stringify(gh.state.releases.map(r => [r.id, r.tagName, r.assets.length]))
    const plan = await cleanup(ctx, { keepLast: 3, dryRun: true })
    expect(plan.decisions.filter(d => d.action === 'delete').map(d => d.reference)).toEqual([
      'meter@1.0.3',
      'meter@1.0.4',
      'meter@1.0.5',
      'meter@1.0.6'
    ])
    expect(plan.freed_bytes).toBe(4 * 2048)
    expect(registryTip()).toBe(tip)
    expect(JSON.stringify(gh.state.releases.map(r => [r.id, r.tagName, r.assets.length]))).toBe(releases)
  })

  test('apply deletes releases and tags, commits tombstones, keeps protected versions', async () => {
    const outcome = await cleanup(ctx, { keepLast: 3 })
    expect(outcome.deleted_count).toBe(4)
    expect(outcome.swept.map(s => s.label).sort()).toEqual(
      ['meter@v1.0.3', 'meter@v1.0.4', 'meter@v1.0.5', 'meter@v1.0.6'].map(t => `release ${t}`)
    )
    expect(outcome.freed_bytes).toBe(4 * 2048)
    expect(publishedTags()).toEqual([
      'meter@v1.0.1',
      'meter@v1.0.2',
      'meter@v1.0.7',
      'meter@v1.0.8',
      'meter@v1.0.9'
    ])
    const tags = gitOutput(gh.repoDir, 'tag', '--list').split('\n').sort()
    expect(tags).toEqual(['meter@v1.0.1', 'meter@v1.0.2', 'meter@v1.0.7', 'meter@v1.0.8', 'meter@v1.0.9'])
    const tombstone = await showVersion(ctx, 'meter@1.0.4')
    expect(tombstone).toMatchObject({ deployment_stage: 'archived', artifact: { deleted: true } })
    expect((await showVersion(ctx, 'meter@production')).version).toBe('1.0.1')
    expect((await doctor(ctx)).healthy).toBe(true)
    const again = await cleanup(ctx, { keepLast: 3 })
    expect(again).toMatchObject({ deleted_count: 0, swept: [], commit: null })
  })

  test('a 5xx on the third deletion is finished by the next run', async () => {
    const third = gh.state.releases.find(r => r.tagName === 'meter@v1.0.5')
    gh.faults.failNext({
      method: 'DELETE',
      path: new RegExp(`/releases/${third?.id}$`),
      status: 502,
      times: 50
    })
    await expect(cleanup(ctx, { keepLast: 3 })).rejects.toMatchObject({ kind: 'unavailable' })
    // Metadata went first: all four are tombstones, so nothing live points at a deleted release.
    for (const v of ['1.0.3', '1.0.4', '1.0.5', '1.0.6']) {
      expect((await showVersion(ctx, `meter@${v}`)).deployment_stage).toBe('archived')
    }
    expect(publishedTags()).toContain('meter@v1.0.5')
    gh.faults.clear()
    const resumed = await cleanup(ctx, { keepLast: 3 })
    expect(resumed.deleted_count).toBe(0)
    expect(resumed.swept.length).toBeGreaterThan(0)
    expect(publishedTags()).toEqual([
      'meter@v1.0.1',
      'meter@v1.0.2',
      'meter@v1.0.7',
      'meter@v1.0.8',
      'meter@v1.0.9'
    ])
  })

  test('an orphan release (no metadata) is swept after the grace period only', async () => {
    const { createGitHubClient } = await import('../../../src/github/client.js')
    const { createDraftRelease } = await import('../../../src/github/releases.js')
    const client = createGitHubClient({ token: gh.token, apiUrl: gh.apiUrl, writeSpacingMs: 0 })
    await createDraftRelease(client, {
      owner: gh.owner,
      repo: gh.repo,
      tag: 'meter@v9.9.9',
      name: 'meter 9.9.9'
    })
    expect((await cleanup(ctx, { keepLast: 20 })).swept).toEqual([])
    clock.set(new Date(Date.now() + 2 * 3_600_000).toISOString())
    const swept = await cleanup(ctx, { keepLast: 20 })
    expect(swept.swept.map(s => s.label)).toEqual(['release meter@v9.9.9 (draft)'])
    expect(gh.state.releases.map(r => r.tagName)).not.toContain('meter@v9.9.9')
  })
})

test('immutable releases: the release goes, the tag stays reserved', async () => {
  await setUp({ immutableReleases: true })
  await registerVersions(3)
  expect(gh.state.releases.map(r => [r.draft, r.immutable])).toEqual([
    [false, true],
    [false, true],
    [false, true]
  ])
  const outcome = await cleanup(ctx, { keepLast: 1 })
  expect(outcome.deleted_count).toBe(2)
  expect(gh.state.releases.map(r => r.tagName)).toEqual(['meter@v1.0.3'])
  expect((await showVersion(ctx, 'meter@1.0.1')).deployment_stage).toBe('archived')
  expect([...gh.state.burnedTags].sort()).toEqual(['meter@v1.0.1', 'meter@v1.0.2'])
  expect(await cleanup(ctx, { keepLast: 1 })).toMatchObject({ deleted_count: 0, swept: [] })
})
