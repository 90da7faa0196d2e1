/**
 * A change that keeps every row's registration time (a promotion, a demotion) rewrites only the
 * row shards holding those rows (src/commands/layout-writes.ts patchShards), and a registration
 * only the bucket of its time (insertRow), not the whole day; the result is still byte for byte
 * what the version files derive to.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '@jest/globals'
import { deleteVersion } from '../../../src/commands/delete.js'
import { promote } from '../../../src/commands/promote.js'
import { register } from '../../../src/commands/register.js'
import { localContext, testClock } from '../../support/command-context.js'
import { expectDerivedExact } from '../../support/derived-files.js'
import { git } from '../../support/git-repo.js'
import { importedRegistry } from '../../support/imported-registry.js'
import { recordingContext } from '../../support/recording-context.js'

// One registration a minute from 2024-01-01T00:00Z: a day of 150 rows, laid out in three hour
// shards (00, 01, 02); every 10th version staged, 1.0.140 in production.
const registry = importedRegistry({ models: ['lof'], versionsPerModel: 150 })

const DAY = 'models/lof/rows/2024/01/01'

function changedFiles(): string[] {
  const out = git(registry.repo, ['diff', '--name-only', 'model-registry~1', 'model-registry'])
  return out.trim().split('\n').sort()
}

test('the day is split by hour, as the test needs', () => {
  const files = git(registry.repo, ['ls-tree', '-r', '--name-only', 'model-registry', DAY])
  expect(files.trim().split('\n')).toEqual([`${DAY}/00.json`, `${DAY}/01.json`, `${DAY}/02.json`])
})

test('a promotion reads and rewrites the one shard that holds its row, not its day', async () => {
  const { ctx, reads } = recordingContext(registry.ctx)
  await promote(ctx, { reference: 'lof@1.0.3', to: 'staging' })
  expect(reads.days).not.toContain('lof 2024/01/01')
  expect(reads.files.filter(f => f.startsWith(DAY))).toEqual([`${DAY}/00.json`])
  const files = changedFiles()
  expect(files.filter(f => f.startsWith(DAY))).toEqual([`${DAY}/00.json`])
  expect(files).toContain('models/lof/head.json')
  expect(files).toContain('catalog.json')
  await expectDerivedExact(await registry.ctx.backend.snapshot())
})

test('an exclusive stage rewrites the promoted and the demoted rows, each in its own shard', async () => {
  const { ctx, reads } = recordingContext(registry.ctx)
  const result = await promote(ctx, { reference: 'lof@1.0.70', to: 'production' })
  expect(result.demoted.map(v => v.version)).toEqual(['1.0.140'])
  // (The head's new production holder is looked up in the rows, newest first: that scan reads
  // the day; the rewrite itself reads only the two shards.)
  expect(reads.files.filter(f => f.startsWith(DAY)).sort()).toEqual([`${DAY}/01.json`, `${DAY}/02.json`])
  expect(changedFiles().filter(f => f.startsWith(DAY))).toEqual([`${DAY}/01.json`, `${DAY}/02.json`])
  await expectDerivedExact(await registry.ctx.backend.snapshot())
})

test('a row that goes re-lays out its day, and the shards stay exact', async () => {
  await deleteVersion(registry.ctx, { reference: 'lof@1.0.5' })
  await expectDerivedExact(await registry.ctx.backend.snapshot())
  await promote(registry.ctx, { reference: 'lof@1.0.6', to: 'staging' })
  expect(changedFiles().filter(f => f.startsWith(DAY))).toEqual([`${DAY}/00.json`])
  await expectDerivedExact(await registry.ctx.backend.snapshot())
})

test('a registration reads and rewrites the one shard of its hour; past 64 rows the hour splits by minute', async () => {
  const clock = testClock('2024-01-01T01:30:30Z')
  const { ctx, reads } = recordingContext(localContext(registry.repo, clock))
  const file = join(registry.repo, 'model.bin')
  await writeFile(file, 'a late registration')
  // Hour 01 holds 60 rows: four more fit in its shard.
  for (let i = 0; i < 4; i++) {
    await register(ctx, { file, modelType: 'lof' })
    clock.advance(1000)
    expect(changedFiles().filter(f => f.startsWith(DAY))).toEqual([`${DAY}/01.json`])
  }
  expect(reads.days.filter(d => d === 'lof 2024/01/01')).toEqual([])
  expect(new Set(reads.files.filter(f => f.startsWith(DAY)))).toEqual(new Set([`${DAY}/01.json`]))
  await expectDerivedExact(await registry.ctx.backend.snapshot())
  // The 65th: hour 01 becomes a directory of minute shards, its file goes.
  await register(ctx, { file, modelType: 'lof' })
  const changed = changedFiles().filter(f => f.startsWith(DAY))
  expect(changed).toContain(`${DAY}/01.json`)
  expect(changed.filter(f => f.startsWith(`${DAY}/01/`))).toHaveLength(60)
  const hour = git(registry.repo, ['ls-tree', '--name-only', 'model-registry', `${DAY}/`])
    .trim()
    .split('\n')
  expect(hour).toEqual([`${DAY}/00.json`, `${DAY}/01`, `${DAY}/02.json`])
  await expectDerivedExact(await registry.ctx.backend.snapshot())
  // More registrations in that second get distinct model_ids, found in the minute's shard alone.
  const more = [
    await register(ctx, { file, modelType: 'lof' }),
    await register(ctx, { file, modelType: 'lof' })
  ]
  expect(more.map(v => v.model_id)).toEqual(['lof_20240101_013034_2', 'lof_20240101_013034_3'])
  await expectDerivedExact(await registry.ctx.backend.snapshot())
})
