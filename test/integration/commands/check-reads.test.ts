/**
 * The policy check reads what a change touched, not the history of the models it touched
 * (src/commands/check-reads.ts): a promotion of one version in a model of 150 reads a handful of
 * version files. A change whose derived files disagree with that replay is judged whole, so a
 * tampered file is still named and a repair of a broken base still passes.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '@jest/globals'
import { check } from '../../../src/commands/check.js'
import { promote } from '../../../src/commands/promote.js'
import { headPath, versionFilePath, type ModelHead, type RowShard } from '../../../src/domain/layout.js'
import { editJson, handCommit } from '../../support/hand-edit.js'
import { git } from '../../support/git-repo.js'
import { importedRegistry } from '../../support/imported-registry.js'
import { recordingContext, type RecordedReads } from '../../support/recording-context.js'

// One registration a minute from 2024-01-01T00:00Z: one day of 150 rows in three hour shards;
// every 10th version staged, 1.0.140 in production.
const registry = importedRegistry({ models: ['lof'], versionsPerModel: 150 })
const DAY = 'models/lof/rows/2024/01/01'
const tip = (): string => git(registry.repo, ['rev-parse', 'model-registry'])

/** Version files read, whichever way (validated, or as raw JSON for the review). */
const versionReads = (reads: RecordedReads): string[] => [
  ...reads.versions,
  ...reads.files.filter(f => f.includes('/versions/'))
]

async function checked(base: string, head: string) {
  const { ctx, reads } = recordingContext(registry.ctx)
  return { outcome: await check(ctx, { base, head }), reads }
}

test('a promotion is judged from the files it touched and the holder it competes with', async () => {
  const base = tip()
  await promote(registry.ctx, { reference: 'lof@1.0.3', to: 'staging' })
  const { outcome, reads } = await checked(base, tip())
  expect(outcome.passed).toBe(true)
  expect(outcome.changes).toEqual([
    expect.objectContaining({ version: '1.0.3', from: 'development', to: 'staging' })
  ])
  // 1.0.3 on both sides, the production holder (an exclusive stage) and what the head's update
  // compares with (the newest of each stage it changes): a handful, not 150 versions twice.
  expect(versionReads(reads)).toContain(versionFilePath('lof', '1.0.3'))
  expect(versionReads(reads).length).toBeLessThanOrEqual(8)
  expect(reads.days).toEqual([])
  expect(reads.files.filter(f => f.startsWith(DAY))).toEqual([`${DAY}/00.json`, `${DAY}/00.json`])
})

test('an exclusive stage: the demoted holder is read as the change wrote it, and the check passes', async () => {
  const base = tip()
  await promote(registry.ctx, { reference: 'lof@1.0.70', to: 'production' })
  const { outcome, reads } = await checked(base, tip())
  expect(outcome.findings.filter(f => f.severity === 'error')).toEqual([])
  expect(outcome.changes.map(c => `${c.version} ${c.from} → ${c.to}`)).toEqual([
    '1.0.140 production → deprecated',
    '1.0.70 staging → production'
  ])
  expect(versionReads(reads).length).toBeLessThanOrEqual(12)
})

test('a derived file the change does not derive is named (judged whole)', async () => {
  const base = tip()
  const head = await handCommit(registry.repo, base, 'retag a row by hand', async dir => {
    await editJson<RowShard>(join(dir, `${DAY}/02.json`), shard => {
      ;(shard.rows[0] as RowShard['rows'][number]).tags = ['hand-made']
    })
  })
  const { outcome, reads } = await checked(base, head)
  expect(outcome.passed).toBe(false)
  expect(outcome.findings).toEqual([
    expect.objectContaining({
      kind: 'index-mismatch',
      subject: 'lof',
      message: expect.stringMatching(
        new RegExp(
          `^${DAY}/02\\.json differs from what the version files of lof derive at \\$\\.rows\\[0\\]\\.tags`
        )
      )
    })
  ])
  // Judged whole: every version file of the model on both sides.
  expect(versionReads(reads).length).toBeGreaterThanOrEqual(300)
})

test('a promotion whose head.json was not updated fails; one whose version file and rows agree passes', async () => {
  const base = tip()
  const promoted = await handCommit(
    registry.repo,
    base,
    'promote 1.0.4 by hand, head forgotten',
    async dir => {
      const now = '2024-06-02T00:00:00.000Z'
      await editJson<{ deployment_stage: string; stage_history: unknown[] }>(
        join(dir, versionFilePath('lof', '1.0.4')),
        v => {
          v.deployment_stage = 'staging'
          v.stage_history.push({ stage: 'staging', at: now, by: 'someone', via: 'promote' })
        }
      )
      await editJson<RowShard>(join(dir, `${DAY}/00.json`), shard => {
        const row = shard.rows.find(r => r.version === '1.0.4') as RowShard['rows'][number]
        row.stage = 'staging'
      })
    }
  )
  const { outcome } = await checked(base, promoted)
  expect(outcome.findings.map(f => [f.kind, f.message.split(' ')[0]])).toEqual([
    ['index-mismatch', 'catalog.json'],
    ['index-mismatch', headPath('lof')]
  ])
  const fixed = await handCommit(registry.repo, promoted, 'derive head and catalog too', async dir => {
    const counts = (stages: ModelHead['stages']) => {
      ;(stages.development as { count: number }).count -= 1
      ;(stages.staging as { count: number }).count += 1
    }
    await editJson<ModelHead>(join(dir, headPath('lof')), head => counts(head.stages))
    await editJson<{ models: Record<string, ModelHead> }>(join(dir, 'catalog.json'), catalog =>
      counts((catalog.models.lof as ModelHead).stages)
    )
  })
  const judged = await checked(base, fixed)
  expect(judged.outcome.findings.filter(f => f.severity === 'error')).toEqual([])
  expect(judged.outcome.changes).toEqual([expect.objectContaining({ version: '1.0.4', to: 'staging' })])
  expect(versionReads(judged.reads).length).toBeLessThanOrEqual(12)
})

test('a change repairing a broken derived file of the base passes (judged whole)', async () => {
  const good = tip()
  const broken = await handCommit(registry.repo, good, 'break a shard', async dir => {
    await editJson<RowShard>(join(dir, `${DAY}/01.json`), shard => shard.rows.reverse())
  })
  const repaired = await handCommit(registry.repo, broken, 'repair it', async dir => {
    git(dir, ['checkout', good, '--', `${DAY}/01.json`])
  })
  const { outcome } = await checked(broken, repaired)
  expect(outcome).toMatchObject({ passed: true, findings: [] })
})

test('a changed version file that is not a valid document is reported (judged whole)', async () => {
  const base = tip()
  const head = await handCommit(registry.repo, base, 'break a version file', async dir => {
    await writeFile(join(dir, versionFilePath('lof', '1.0.9')), '{ not json')
  })
  const { outcome } = await checked(base, head)
  expect(outcome.passed).toBe(false)
  expect(outcome.findings).toEqual([
    expect.objectContaining({ kind: 'invalid-document', file: versionFilePath('lof', '1.0.9') })
  ])
})
