/**
 * Retention on a real repository and store: the exact plan, dry run changes nothing, apply
 * archives tombstones and deletes only unprotected bytes, a second run does nothing, orphans
 * are swept after the grace period, and auto cleanup runs from register.
 */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { cleanup } from '../../../src/commands/cleanup.js'
import type { CommandContext } from '../../../src/commands/context.js'
import { init } from '../../../src/commands/init.js'
import { promote } from '../../../src/commands/promote.js'
import { register } from '../../../src/commands/register.js'
import { showVersion } from '../../../src/commands/show.js'
import type { RegistryPolicy } from '../../../src/domain/types.js'
import { LocalStateFiles } from '../../../src/stores/local/local-state.js'
import { LocalArtifactStore } from '../../../src/stores/local/local-store.js'
import { makeProjectRepo, modelFile, registryState, removeDir, tempDir } from '../../support/cli-harness.js'
import { localContext, testClock, type TestClock } from '../../support/command-context.js'
import { join } from 'node:path'

let repo: string
let work: string
let clock: TestClock
let ctx: CommandContext

beforeEach(async () => {
  repo = await makeProjectRepo()
  work = await tempDir()
  clock = testClock('2026-10-01T00:00:00Z')
  ctx = localContext(repo, clock)
  await init(ctx)
})

afterEach(async () => {
  await removeDir(repo)
  await removeDir(work)
})

const DAY = 86_400_000

async function registerVersions(count: number): Promise<void> {
  for (let i = 1; i <= count; i++) {
    clock.advance(DAY)
    await register(ctx, {
      file: await modelFile(work, `m${i}.bin`, i),
      modelType: 'meter',
      version: `1.0.${i}`
    })
  }
}

async function editPolicy(edit: (policy: RegistryPolicy) => void): Promise<void> {
  await ctx.backend.update(async snapshot => {
    const policy = structuredClone(snapshot.policy)
    edit(policy)
    return {
      change: { subject: 'edit policy', files: [{ path: 'registry.json', content: policy }] },
      result: null
    }
  })
}

async function storedObjects(): Promise<string[]> {
  const store = (await ctx.store()) as LocalArtifactStore
  const found: string[] = []
  for await (const object of store.listObjects()) found.push(object.sha256)
  return found.sort()
}

describe('cleanup', () => {
  beforeEach(async () => {
    await registerVersions(14)
    for (const stage of ['staging', 'canary', 'production'])
      await promote(ctx, { reference: 'meter@1.0.1', to: stage })
    await promote(ctx, { reference: 'meter@1.0.2', to: 'staging' })
    clock.advance(DAY)
  })

  test('keep last 10 with 1.0.1 in production and 1.0.2 in staging deletes exactly 1.0.3 and 1.0.4', async () => {
    const before = await registryState(repo)
    const plan = await cleanup(ctx, { keepLast: 10, dryRun: true })
    expect(plan.decisions.filter(d => d.action === 'delete').map(d => d.reference)).toEqual([
      'meter@1.0.3',
      'meter@1.0.4'
    ])
    expect(plan.decisions.find(d => d.reference === 'meter@1.0.1')?.reason).toMatch(
      /protected stage: production/
    )
    expect(plan.deleted_count).toBe(2)
    expect(plan.freed_bytes).toBe(2 * 4096)
    expect(await registryState(repo)).toEqual(before)
  })

  test('apply archives tombstones, deletes their bytes, keeps everything else, and is idempotent', async () => {
    const sha = async (ref: string) => (await showVersion(ctx, ref)).checksum
    const doomed = [await sha('meter@1.0.3'), await sha('meter@1.0.4')]
    const outcome = await cleanup(ctx, { keepLast: 10 })
    expect(outcome.deleted_count).toBe(2)
    expect(outcome.freed_bytes).toBe(2 * 4096)
    expect(outcome.commit).not.toBeNull()
    const tombstone = await showVersion(ctx, 'meter@1.0.3')
    expect(tombstone).toMatchObject({
      deployment_stage: 'archived',
      artifact: { deleted: true },
      reason: expect.stringMatching(/last 10/)
    })
    expect(tombstone.archived_at).toBe(clock.now().toISOString())
    const objects = await storedObjects()
    expect(objects).toHaveLength(12)
    for (const hex of doomed) expect(objects).not.toContain(hex)
    expect((await showVersion(ctx, 'meter@production')).version).toBe('1.0.1')

    const before = await registryState(repo)
    const again = await cleanup(ctx, { keepLast: 10 })
    expect(again).toMatchObject({ deleted_count: 0, freed_bytes: 0, commit: null })
    expect(await registryState(repo)).toEqual(before)
  })

  test('remove mode deletes the version files instead of archiving', async () => {
    await editPolicy(policy => (policy.retention.mode = 'remove'))
    await cleanup(ctx, { keepLast: 10 })
    await expect(showVersion(ctx, 'meter@1.0.3')).rejects.toMatchObject({ kind: 'not-found' })
    expect(await storedObjects()).toHaveLength(12)
  })

  test('minimum age keeps young versions', async () => {
    const plan = await cleanup(ctx, { keepLast: 2, minAgeDays: 5, dryRun: true })
    const deleted = plan.decisions.filter(d => d.action === 'delete').map(d => d.reference)
    // Now is Oct 16: 1.0.11 and 1.0.12 (4 and 3 days old) stay for their age, 1.0.13 and 1.0.14
    // as the last 2, 1.0.1 and 1.0.2 for their stages; 1.0.10 is exactly 5 days old, not younger.
    expect(deleted).toEqual([3, 4, 5, 6, 7, 8, 9, 10].map(i => `meter@1.0.${i}`))
  })

  test('an orphan object is swept only after the grace period', async () => {
    const store = (await ctx.store()) as LocalArtifactStore
    const orphanFile = await modelFile(work, 'orphan.bin', 999)
    const { hashFile } = await import('../../../src/stores/hashing.js')
    const digest = await hashFile(orphanFile)
    // a registration that stored its bytes and then failed to commit (its pin is released)
    const put = await store.put(
      orphanFile,
      {
        name: 'meter',
        version: '9.9.9',
        model_id: 'meter_20261001_000000',
        file_name: 'x.bin',
        media_type: 'application/octet-stream'
      },
      digest
    )
    await put.lease?.settle(false)
    // The object was written now by the real clock; the test clock is in October 2026, before it.
    clock.set(new Date(Date.now() + 30 * 60_000).toISOString())
    expect((await cleanup(ctx, { keepLast: 20 })).swept).toEqual([])
    clock.set(new Date(Date.now() + 2 * 3_600_000).toISOString())
    const swept = await cleanup(ctx, { keepLast: 20 })
    expect(swept.swept).toEqual([
      { id: digest.sha256, label: store.objectPath(digest.sha256), size: digest.size }
    ])
    expect(await store.has(digest.sha256)).toBe(false)
  })
})

test('auto cleanup runs from register when the policy enables it and the interval has passed', async () => {
  await editPolicy(policy => {
    policy.retention.auto_cleanup = true
    policy.retention.keep_last = 3
    policy.retention.cleanup_interval_hours = 48
  })
  const withState: CommandContext = {
    ...ctx,
    state: new LocalStateFiles(join(repo, '.git', 'mreg', 'state'))
  }
  ctx = withState
  await registerVersions(5)
  // Registrations on Oct 2…6. Cleanup runs on Oct 2 (nothing to do), is skipped on Oct 3 (within
  // 48 h), runs on Oct 4 (3 versions: nothing to do), is skipped on Oct 5, and runs on Oct 6:
  // 5 versions, keep 3 → 1.0.1 and 1.0.2 archived.
  const stages = await Promise.all(
    [1, 2, 3, 4, 5].map(async i => (await showVersion(ctx, `meter@1.0.${i}`)).deployment_stage)
  )
  expect(stages).toEqual(['archived', 'archived', 'development', 'development', 'development'])
  expect(await withState.state?.read('last-cleanup')).toBe('2026-10-06T00:00:00.000Z')
})
