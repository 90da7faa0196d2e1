/**
 * A change that keeps every row's registration time (a promotion, a demotion) rewrites only the
 * row shards holding those rows (src/commands/layout-writes.ts patchShards), not the whole day,
 * and the result is still byte for byte what the version files derive to.
 */
import { expect, test } from '@jest/globals'
import { deleteVersion } from '../../../src/commands/delete.js'
import { promote } from '../../../src/commands/promote.js'
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
