/**
 * Filling a registry through the commands (register, promote), the way CI would over months:
 * tiny distinct model files, metrics and tags that vary, and a share of versions promoted to
 * staging and production so that stage filters, `@production` and history have work to do.
 */
import { mkdir } from 'node:fs/promises'
import { performance } from 'node:perf_hooks'
import type { CommandContext } from '../../src/commands/context.js'
import { promote } from '../../src/commands/promote.js'
import { register } from '../../src/commands/register.js'
import type { TestClock } from '../../test/support/command-context.js'
import { tinyModel } from './harness.js'

export interface PopulateSpec {
  /** Model names; versions are registered round-robin over them. */
  models: string[]
  versionsPerModel: number
  /** After this many registrations of a model, its newest version goes to staging… */
  stagingEvery: number
  /** …and after this many, straight on to production (demoting the holder). */
  productionEvery: number
}

export interface PopulateOutcome {
  registrations: number
  promotions: number
  seconds: number
  /** Register latency (ms) in order, to show how writes grow with the size of a model's index. */
  registerMs: number[]
  promoteMs: number[]
  /** The first version registered of each model. */
  firstVersion: Record<string, string>
}

const TYPES = ['isolation_forest', 'dbscan', 'ensemble', 'autoencoder']

/** A number in [0, 1) that looks random but is the same on every run. */
export const wobble = (i: number, salt = 0): number => {
  const x = Math.sin(i * 12.9898 + salt * 78.233) * 43758.5453
  return x - Math.floor(x)
}

export const round3 = (x: number): number => Math.round(x * 1000) / 1000

export async function populate(
  ctx: CommandContext,
  clock: TestClock,
  spec: PopulateSpec,
  filesDir: string,
  onProgress?: (done: number, total: number) => void
): Promise<PopulateOutcome> {
  await mkdir(filesDir, { recursive: true })
  const total = spec.models.length * spec.versionsPerModel
  const registerMs: number[] = []
  const promoteMs: number[] = []
  const firstVersion: Record<string, string> = {}
  const start = performance.now()
  let seq = 0
  for (let v = 0; v < spec.versionsPerModel; v++) {
    for (const [m, name] of spec.models.entries()) {
      clock.advance(60_000)
      const file = await tinyModel(filesDir, `model-${seq}.bin`, seq)
      const t0 = performance.now()
      const doc = await register(ctx, {
        file,
        name,
        modelType: TYPES[m % TYPES.length] as string,
        metrics: {
          f1_score: round3(0.5 + 0.5 * wobble(seq, 1)),
          precision: round3(0.5 + 0.5 * wobble(seq, 2)),
          recall: round3(0.5 + 0.5 * wobble(seq, 3))
        },
        config: { contamination: 0.1, n_estimators: 100 + (seq % 5) * 50, random_state: 42 },
        training: { training_samples: 10_000 + seq, training_time_seconds: 2.5 },
        tags: [...(seq % 3 === 0 ? ['high_recall'] : []), ...(seq % 4 === 0 ? ['gpu'] : [])],
        notes: `benchmark registration ${seq}`,
        datasetVersion: `2026-${String((seq % 12) + 1).padStart(2, '0')}-01`
      })
      registerMs.push(performance.now() - t0)
      firstVersion[name] ??= doc.version
      seq++
      const count = v + 1
      if (count % spec.stagingEvery === 0) {
        promoteMs.push(await timedPromote(ctx, clock, `${name}@${doc.version}`, 'staging'))
        if (count % spec.productionEvery === 0) {
          promoteMs.push(await timedPromote(ctx, clock, `${name}@${doc.version}`, 'production'))
        }
      }
      onProgress?.(seq, total)
    }
  }
  return {
    registrations: registerMs.length,
    promotions: promoteMs.length,
    seconds: (performance.now() - start) / 1000,
    registerMs,
    promoteMs,
    firstVersion
  }
}

async function timedPromote(
  ctx: CommandContext,
  clock: TestClock,
  reference: string,
  to: string
): Promise<number> {
  clock.advance(1_000)
  const t0 = performance.now()
  await promote(ctx, { reference, to })
  return performance.now() - t0
}
