/**
 * mreg import: the Python registry this replaces, from its directory. Good, tampered and
 * incomplete legacy directories; every refusal leaves the registry ref and the store as they were.
 */
import { versionFilePath } from '../../../src/domain/layout.js'
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ImportOutcome } from '../../../src/commands/import.js'
import type { ModelVersion } from '../../../src/domain/types.js'
import {
  gitOutput,
  makeProjectRepo,
  mreg,
  mregJson,
  registryState,
  removeDir,
  tempDir
} from '../../support/cli-harness.js'
import { writeLegacyVersion, type LegacyVersion } from '../../support/legacy-registry.js'

let repo: string
let legacy: string
let work: string

beforeEach(async () => {
  repo = await makeProjectRepo()
  legacy = await tempDir('mreg-legacy-')
  work = await tempDir()
  expect((await mreg(repo, ['init'])).code).toBe(0)
})

afterEach(async () => {
  await removeDir(repo)
  await removeDir(legacy)
  await removeDir(work)
})

const forest = (id: string, version: string, fields: Record<string, unknown> = {}): LegacyVersion => ({
  model_type: 'isolation_forest',
  model_id: `isolation_forest_${id}`,
  version,
  fields
})

/** The self-test of the Python registry: two versions, the second in production, plus a dbscan. */
async function goodRegistry(): Promise<void> {
  await writeLegacyVersion(
    legacy,
    forest('20251113_131008', '1.0', {
      registered_at: '2025-11-13T13:10:08',
      tags: ['experiment_42'],
      notes: 'Initial production model'
    })
  )
  await writeLegacyVersion(
    legacy,
    forest('20251113_131010', 'v1.1.0', {
      registered_at: '2025-11-13T13:10:10',
      deployment_stage: 'production',
      deployed_at: '2025-11-13T16:00:00',
      performance_metrics: { f1_score: 0.9, precision: 0.87, recall: 0.93 },
      tags: ['production', 'high_recall', 'v1.2'],
      parent_model_id: 'isolation_forest_20251113_131008'
    })
  )
  await writeLegacyVersion(legacy, {
    model_type: 'dbscan',
    model_id: 'dbscan_20241205_1500',
    version: '1.0.0',
    fields: { registered_at: '2024-12-05T15:00:00+01:00', deployment_stage: 'staging' }
  })
}

async function refusedLeavingNothing(args: string[], code: number, names: string[]): Promise<string> {
  const before = await registryState(repo)
  const result = await mreg(repo, ['import', legacy, ...args])
  expect(result.code).toBe(code)
  const lines = result.stderr.trim().split('\n')
  expect(lines).toHaveLength(1)
  for (const name of names) expect(result.stderr).toContain(name)
  expect(await registryState(repo)).toEqual(before)
  return result.stderr
}

describe('a good legacy directory', () => {
  beforeEach(goodRegistry)

  test('imports every version with its model_id, times, stage, metrics, tags and lineage', async () => {
    const outcome = await mregJson<ImportOutcome>(repo, ['import', legacy])
    expect(outcome).toMatchObject({
      dry_run: false,
      imported: 3,
      skipped: 0,
      rewritten: { version: 2, model_id: 1 }
    })
    expect(outcome.commits).toHaveLength(1)

    const v11 = await mregJson<ModelVersion>(repo, ['show', 'isolation_forest@production'])
    expect(v11).toMatchObject({
      model_id: 'isolation_forest_20251113_131010',
      name: 'isolation_forest',
      version: '1.1.0',
      registered_at: '2025-11-13T13:10:10.000Z',
      deployed_at: '2025-11-13T16:00:00.000Z',
      deployment_stage: 'production',
      performance_metrics: { f1_score: 0.9, precision: 0.87, recall: 0.93 },
      tags: ['production', 'high_recall', 'v1.2'],
      parent_model_id: 'isolation_forest_20251113_131008'
    })
    expect(v11.stage_history).toEqual([
      { stage: 'production', at: expect.any(String), by: 'tester', via: 'import' }
    ])
    const v10 = await mregJson<ModelVersion>(repo, ['show', v11.parent_model_id as string])
    expect(v10).toMatchObject({
      version: '1.0.0',
      notes: 'Initial production model',
      deployment_stage: 'development'
    })
    // The short _HHMM model_id gets seconds; a zoned time is kept as the instant it names.
    const dbscan = await mregJson<ModelVersion>(repo, ['show', 'dbscan@staging'])
    expect(dbscan).toMatchObject({
      model_id: 'dbscan_20241205_150000',
      registered_at: '2024-12-05T14:00:00.000Z'
    })

    // The bytes are in the store, verified on the way out too; the registry is consistent.
    const out = join(work, 'model.pkl')
    expect((await mreg(repo, ['fetch', 'isolation_forest@1.1.0', '--out', out])).code).toBe(0)
    expect(await readFile(out, 'utf8')).toBe('pickled isolation_forest_20251113_131010\n')
    const doctor = await mreg(repo, ['doctor'])
    expect(doctor.stdout).toMatch(/^Healthy: 2 models, 3 versions, 3 artifacts verified/)
    expect(gitOutput(repo, 'log', '-1', '--format=%s', 'model-registry')).toBe(
      'import 3 versions from the Python registry (batch 1 of 1)'
    )
  })

  test('prints a summary table per model', async () => {
    const result = await mreg(repo, ['import', legacy])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/MODEL\s+IMPORTED\s+SKIPPED\s+STAGES/)
    expect(result.stdout).toMatch(/isolation_forest\s+2\s+0\s+development 1, production 1/)
    expect(result.stdout).toMatch(/dbscan\s+1\s+0\s+staging 1/)
    expect(result.stdout).toContain('Imported 3 version(s)')
  })

  test('--batch N commits at most N versions per commit, parents before children', async () => {
    const base = gitOutput(repo, 'rev-parse', 'model-registry')
    const outcome = await mregJson<ImportOutcome>(repo, ['import', legacy, '--batch', '1'])
    expect(outcome.commits).toHaveLength(3)
    const subjects = gitOutput(repo, 'log', '--reverse', '--format=%s', `${base}..model-registry`).split('\n')
    expect(subjects).toEqual(
      [1, 2, 3].map(b => `import 1 version from the Python registry (batch ${b} of 3)`)
    )
    expect(gitOutput(repo, 'fsck', '--strict')).toBe('')
  })

  test('running it again imports nothing and commits nothing (an interrupted import resumes)', async () => {
    expect((await mreg(repo, ['import', legacy])).code).toBe(0)
    const before = await registryState(repo)
    const again = await mregJson<ImportOutcome>(repo, ['import', legacy])
    expect(again).toMatchObject({ imported: 0, skipped: 3, commits: [] })
    expect(await registryState(repo)).toEqual(before)
  })

  test('--dry-run verifies and summarises but leaves the registry and the store unchanged', async () => {
    const before = await registryState(repo)
    const outcome = await mregJson<ImportOutcome>(repo, ['import', legacy, '--dry-run'])
    expect(outcome).toMatchObject({ dry_run: true, imported: 3, commits: [] })
    expect(await registryState(repo)).toEqual(before)
    expect(before.files).toEqual([])
  })

  test('a version the registry holds with other content is refused, naming the file', async () => {
    const other = await tempDir()
    try {
      await writeFile(join(other, 'm.bin'), 'another model')
      const registered = await mreg(repo, [
        'register',
        join(other, 'm.bin'),
        '--type',
        'dbscan',
        '--version',
        '1.0.0'
      ])
      expect(registered.code).toBe(0)
    } finally {
      await removeDir(other)
    }
    const stderr = await refusedLeavingNothing([], 2, [
      join(legacy, 'metadata', 'dbscan', 'dbscan_20241205_1500.json')
    ])
    expect(stderr).toContain('dbscan@1.0.0 already exists')
  })
})

describe('a tampered legacy directory', () => {
  test('a model file whose SHA-256 differs from its recorded checksum: exit 3, named, nothing stored', async () => {
    await goodRegistry()
    const bad = join(legacy, 'models', 'isolation_forest', 'isolation_forest_20251113_131010.pkl')
    await writeFile(bad, 'tampered bytes\n')
    const stderr = await refusedLeavingNothing([], 3, [bad, 'nothing was imported'])
    expect(stderr).toMatch(/[0-9a-f]{64}/)
    // The dry run finds it too.
    await refusedLeavingNothing(['--dry-run'], 3, [bad])
  })
})

describe('an incomplete legacy directory (exit 2, naming the file)', () => {
  beforeEach(goodRegistry)
  const metadata = (type: string, id: string) => join(legacy, 'metadata', type, `${id}.json`)
  const model = (type: string, id: string) => join(legacy, 'models', type, `${id}.pkl`)

  test('a metadata file without its model file', async () => {
    await rm(model('dbscan', 'dbscan_20241205_1500'))
    await refusedLeavingNothing([], 2, [metadata('dbscan', 'dbscan_20241205_1500'), 'missing'])
  })

  test('a model file without its metadata file', async () => {
    await rm(metadata('dbscan', 'dbscan_20241205_1500'))
    await refusedLeavingNothing([], 2, [model('dbscan', 'dbscan_20241205_1500'), 'no metadata file'])
  })

  test('invalid JSON', async () => {
    await writeFile(metadata('dbscan', 'dbscan_20241205_1500'), '{"model_id": "dbscan_20241205_1500",')
    await refusedLeavingNothing([], 2, [metadata('dbscan', 'dbscan_20241205_1500'), 'invalid JSON'])
  })

  test('two files with the same version (1.0 and 1.0.0 are the same)', async () => {
    await writeLegacyVersion(legacy, forest('20251114_090000', '1.0.0'))
    await refusedLeavingNothing([], 2, [
      metadata('isolation_forest', 'isolation_forest_20251113_131008'),
      metadata('isolation_forest', 'isolation_forest_20251114_090000'),
      'isolation_forest@1.0.0'
    ])
  })

  test('a version that cannot be mapped to semver', async () => {
    await writeLegacyVersion(legacy, forest('20251114_090000', 'latest'))
    await refusedLeavingNothing([], 2, [
      metadata('isolation_forest', 'isolation_forest_20251114_090000'),
      '"latest"'
    ])
  })

  test('a parent that is nowhere', async () => {
    await writeLegacyVersion(
      legacy,
      forest('20251114_090000', '2.0.0', { parent_model_id: 'dbscan_20200101_000000' })
    )
    await refusedLeavingNothing([], 2, [
      metadata('isolation_forest', 'isolation_forest_20251114_090000'),
      'parent_model_id'
    ])
  })

  test('a directory that is not a Python registry', async () => {
    await rm(join(legacy, 'metadata'), { recursive: true })
    await refusedLeavingNothing([], 2, [join(legacy, 'metadata')])
  })
})

test('two versions claiming production: the most recently deployed keeps it, the other is demoted', async () => {
  await writeLegacyVersion(
    legacy,
    forest('20250101_000000', '1.0.0', { deployment_stage: 'production', deployed_at: '2025-01-02T00:00:00' })
  )
  await writeLegacyVersion(
    legacy,
    forest('20250201_000000', '1.1.0', { deployment_stage: 'production', deployed_at: '2025-02-02T00:00:00' })
  )
  const outcome = await mregJson<ImportOutcome>(repo, ['import', legacy])
  expect(outcome.demoted).toEqual([
    {
      reference: 'isolation_forest@1.0.0',
      from: 'production',
      to: 'deprecated',
      kept_by: 'isolation_forest@1.1.0'
    }
  ])
  expect((await mregJson<ModelVersion>(repo, ['show', 'isolation_forest@production'])).version).toBe('1.1.0')
  const old = await mregJson<ModelVersion>(repo, ['show', 'isolation_forest@1.0.0'])
  expect(old.deployment_stage).toBe('deprecated')
  expect(old.stage_history.map(e => [e.stage, e.via])).toEqual([
    ['production', 'import'],
    ['deprecated', 'demoted-by:1.1.0']
  ])
  expect((await mreg(repo, ['doctor'])).code).toBe(0)
})

test('a parent registered after its child still lands in an earlier batch than the child', async () => {
  await writeLegacyVersion(
    legacy,
    forest('20250201_000000', '1.0.0', { registered_at: '2025-02-01T00:00:00' })
  )
  await writeLegacyVersion(
    legacy,
    forest('20250101_000000', '0.9.0', {
      registered_at: '2025-01-01T00:00:00',
      parent_model_id: 'isolation_forest_20250201_000000'
    })
  )
  const outcome = await mregJson<ImportOutcome>(repo, ['import', legacy, '--batch', '1'])
  const changed = outcome.commits.map(c =>
    gitOutput(repo, 'diff-tree', '--no-commit-id', '--name-only', '-r', c)
  )
  expect(changed[0]).toContain(versionFilePath('isolation_forest', '1.0.0'))
  expect(changed[1]).toContain(versionFilePath('isolation_forest', '0.9.0'))
})
