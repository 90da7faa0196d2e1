/**
 * After any sequence of register / promote / delete / cleanup run through the commands on a real
 * repository, every derived file on the branch (heads, row shards, catalog) is byte for byte what
 * the version files derive to, and no derived file is left over.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import fc from 'fast-check'
import { cleanup } from '../../../src/commands/cleanup.js'
import { deleteVersion } from '../../../src/commands/delete.js'
import { init } from '../../../src/commands/init.js'
import { promote } from '../../../src/commands/promote.js'
import { register } from '../../../src/commands/register.js'
import { isRegistryError } from '../../../src/domain/errors.js'
import type { ModelVersion } from '../../../src/domain/types.js'
import { localContext, testClock } from '../../support/command-context.js'
import { expectDerivedExact, versionDocs } from '../../support/derived-files.js'
import { createRepo, git, removeDir } from '../../support/git-repo.js'

const NAMES = ['fraud', 'churn']
// Production thrice: exclusive stages change two versions in one commit (promoted and demoted).
const STAGES = [
  'staging',
  'canary',
  'production',
  'production',
  'production',
  'shadow',
  'deprecated',
  'development'
]

type Op =
  | { op: 'register'; name: number; advanceMs: number; tag: boolean }
  | { op: 'promote'; pick: number; stage: string }
  | { op: 'delete'; pick: number }
  | { op: 'cleanup'; keepLast: number }

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('register' as const),
      name: fc.nat({ max: NAMES.length - 1 }),
      // 0 (same second), minutes, or across UTC days.
      advanceMs: fc.constantFrom(0, 90_000, 5 * 3_600_000, 30 * 3_600_000),
      tag: fc.boolean()
    })
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('promote' as const),
      pick: fc.nat(),
      stage: fc.constantFrom(...STAGES)
    })
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('cleanup' as const), keepLast: fc.integer({ min: 1, max: 3 }) })
  }
)

test('derived files equal a rebuild from the version files after any sequence of commands', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async ops => {
      const repo = await createRepo({ commit: true })
      try {
        const clock = testClock('2026-03-01T23:00:00Z')
        const ctx = localContext(repo.dir, clock)
        await init(ctx)
        const file = join(repo.dir, 'model.bin')
        await writeFile(file, 'model bytes')
        for (const step of ops) {
          const snapshot = await ctx.backend.snapshot()
          const all = (await Promise.all(NAMES.map(n => versionDocs(snapshot, n)))).flat()
          const target = (pick: number) => all[pick % Math.max(1, all.length)]
          try {
            if (step.op === 'register') {
              clock.advance(step.advanceMs)
              await register(ctx, {
                file,
                modelType: 'isolation_forest',
                name: NAMES[step.name],
                metrics: { f1: 0.5 + all.length / 100 },
                tags: step.tag ? ['hot'] : []
              })
            } else if (step.op === 'promote' && target(step.pick)) {
              await promote(ctx, {
                reference: `${target(step.pick)?.name}@${target(step.pick)?.version}`,
                to: step.stage
              })
            } else if (step.op === 'delete' && target(step.pick)) {
              await deleteVersion(ctx, {
                reference: `${target(step.pick)?.name}@${target(step.pick)?.version}`,
                force: true
              })
            } else if (step.op === 'cleanup') {
              await cleanup(ctx, { keepLast: step.keepLast })
            }
          } catch (error) {
            // Refusals (illegal transition, failed gate, archived version) are part of the game.
            if (!isRegistryError(error) || error.kind !== 'refused') throw error
          }
          await expectDerivedExact(await ctx.backend.snapshot())
        }
        git(repo.dir, ['fsck', '--strict', '--no-dangling'])
      } finally {
        await removeDir(repo.dir)
      }
    }),
    { numRuns: 16 }
  )
}, 240_000)

test('a promotion that demotes an older holder keeps the head and catalog exact (a regression the policy check of a promotion PR found)', async () => {
  const repo = await createRepo({ commit: true })
  try {
    const ctx = localContext(repo.dir, testClock('2026-03-01T12:00:00Z'))
    await init(ctx)
    const file = join(repo.dir, 'model.bin')
    await writeFile(file, 'model bytes')
    await register(ctx, { file, modelType: 'isolation_forest', name: 'fraud' })
    await register(ctx, { file, modelType: 'isolation_forest', name: 'fraud' })
    for (const version of ['1.0.0', '1.0.1']) {
      await promote(ctx, { reference: `fraud@${version}`, to: 'staging' })
      await promote(ctx, { reference: `fraud@${version}`, to: 'production' })
      await expectDerivedExact(await ctx.backend.snapshot())
    }
  } finally {
    await removeDir(repo.dir)
  }
})

test('writes start from the version files: forged derived files never reach a version document', async () => {
  const repo = await createRepo({ commit: true })
  try {
    const ctx = localContext(repo.dir, testClock('2026-03-01T12:00:00Z'))
    await init(ctx)
    const file = join(repo.dir, 'model.bin')
    await writeFile(file, 'model bytes')
    const registered = await register(ctx, {
      file,
      modelType: 'isolation_forest',
      name: 'fraud',
      metrics: { f1: 0.5 }
    })
    // A hand edit of the derived files only: the row claims production and other metrics.
    await ctx.backend.update(async snapshot => {
      const day = (await snapshot.rowDays('fraud'))[0] as string
      const { paths, rows } = await snapshot.readDay('fraud', day)
      const forged = rows.map(r => ({ ...r, stage: 'production', metrics: { f1: 0.99 }, deleted: true }))
      return {
        change: {
          subject: 'forge the rows',
          files: [{ path: paths[0] as string, content: { schema_version: 2, name: 'fraud', rows: forged } }]
        },
        result: null
      }
    })
    const promoted = await promote(ctx, { reference: 'fraud@1.0.0', to: 'staging' })
    const written = (await (await ctx.backend.snapshot()).readVersion('fraud', '1.0.0')) as ModelVersion
    expect(promoted.from).toBe('development')
    expect(written).toEqual({
      ...registered,
      deployment_stage: 'staging',
      deployed_at: written.deployed_at,
      stage_history: [
        ...registered.stage_history,
        expect.objectContaining({ stage: 'staging', via: 'promote' })
      ]
    })
    // The day the promotion touched is rebuilt from the version files: the forgery is gone.
    await expectDerivedExact(await ctx.backend.snapshot())
  } finally {
    await removeDir(repo.dir)
  }
})
