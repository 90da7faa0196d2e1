/**
 * Write throughput: N small files registered one after another in-process (one model, so each
 * registration rewrites a growing index.json), then promotions (to staging, and to production,
 * which also demotes the holder in the same commit). A few of each through the bundled CLI too.
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { promote } from '../src/commands/promote.js'
import { register } from '../src/commands/register.js'
import {
  log,
  makeRepo,
  mreg,
  ms,
  runBenchmark,
  stats,
  tinyModel,
  type BenchEnv,
  type BenchResult,
  type Stats
} from './support/harness.js'
import { round3, wobble } from './support/populate.js'
import { init } from '../src/commands/init.js'
import { localContext, testClock } from '../test/support/command-context.js'

const REGISTER_LIMIT_MS = 100
const PROMOTE_LIMIT_MS = 100

async function main(env: BenchEnv): Promise<BenchResult> {
  const started = Date.now()
  const n = env.quick ? 100 : 200
  const promotions = env.quick ? 10 : 20
  const cliRuns = env.quick ? 3 : 5
  const repo = await makeRepo(join(env.tmp, 'repo'))
  const files = join(env.tmp, 'files')
  await mkdir(files)
  const clock = testClock('2026-01-01T00:00:00Z')
  const ctx = localContext(repo, clock)
  await init(ctx)

  const registerMs: number[] = []
  const versions: string[] = []
  const t0 = performance.now()
  for (let i = 0; i < n; i++) {
    clock.advance(60_000)
    const file = await tinyModel(files, `model-${i}.bin`, i)
    const t = performance.now()
    const doc = await register(ctx, {
      file,
      modelType: 'isolation_forest',
      name: 'writer',
      metrics: { f1_score: round3(0.5 + 0.5 * wobble(i, 1)), recall: round3(0.5 + 0.5 * wobble(i, 2)) },
      tags: i % 3 === 0 ? ['high_recall'] : []
    })
    registerMs.push(performance.now() - t)
    versions.push(doc.version)
  }
  const totalS = (performance.now() - t0) / 1000
  log(`${n} registrations in ${totalS.toFixed(1)} s`)

  // Promote the newest versions: each one to staging, then on to production (demoting the holder).
  const toStaging: number[] = []
  const toProduction: number[] = []
  for (const version of versions.slice(-promotions)) {
    clock.advance(1_000)
    let t = performance.now()
    await promote(ctx, { reference: `writer@${version}`, to: 'staging' })
    toStaging.push(performance.now() - t)
    clock.advance(1_000)
    t = performance.now()
    await promote(ctx, { reference: `writer@${version}`, to: 'production' })
    toProduction.push(performance.now() - t)
  }
  log(`${promotions * 2} promotions done`)

  // The same writes through the CLI (Node start-up included), into the same repository.
  const cliRegister: number[] = []
  const cliPromote: number[] = []
  for (let i = 0; i < cliRuns; i++) {
    const file = await tinyModel(files, `cli-${i}.bin`, 10_000 + i)
    const registered = await mreg(env, repo, [
      '--json',
      'register',
      file,
      '--type',
      'isolation_forest',
      '--name',
      'writer',
      '--metric',
      'f1_score=0.9'
    ])
    cliRegister.push(registered.ms)
    const version = (JSON.parse(registered.stdout) as { version: string }).version
    cliPromote.push((await mreg(env, repo, ['--json', 'promote', `writer@${version}`, '--to', 'staging'])).ms)
  }

  const all = stats(registerMs)
  const window = Math.min(20, Math.floor(n / 4))
  const first = stats(registerMs.slice(0, window))
  const last = stats(registerMs.slice(-window))
  const staging = stats(toStaging)
  const production = stats(toProduction)
  const row = (label: string, s: Stats) => [
    label,
    ms(s.median),
    ms(s.p95),
    ms(s.mean),
    ms(s.max),
    String(s.runs)
  ]
  return {
    name: 'write-throughput',
    title: 'Write throughput',
    measures: `${n} small files registered sequentially in-process into one model (ms per register; each rewrites the model's index.json), ${promotions} promotions to staging and ${promotions} to production (each demoting the holder), and a few of each through the bundled CLI.`,
    tables: [
      {
        title: 'Latency (ms)',
        columns: ['operation', 'median', 'p95', 'mean', 'max', 'runs'],
        rows: [
          row(`register, all ${n} (in-process)`, all),
          row(`register, first ${window}`, first),
          row(`register, last ${window} (index has ${n - window}+ versions)`, last),
          row('promote development → staging (in-process)', staging),
          row('promote staging → production, demoting the holder (in-process)', production),
          row('mreg register (CLI end to end)', stats(cliRegister)),
          row('mreg promote → staging (CLI end to end)', stats(cliPromote))
        ]
      },
      {
        title: 'Throughput',
        columns: ['registrations', 'total s', 'registrations / s'],
        rows: [[String(n), totalS.toFixed(2), (n / totalS).toFixed(1)]]
      }
    ],
    goals: [
      {
        goal: `register in-process median < ${REGISTER_LIMIT_MS} ms (${n} sequential, one model)`,
        measured: `${ms(all.median)} ms (p95 ${ms(all.p95)}); ${(n / totalS).toFixed(1)} registrations/s`,
        met: all.median < REGISTER_LIMIT_MS
      },
      {
        goal: `promote in-process median < ${PROMOTE_LIMIT_MS} ms`,
        measured: `to staging ${ms(staging.median)} ms, to production ${ms(production.median)} ms`,
        met: staging.median < PROMOTE_LIMIT_MS && production.median < PROMOTE_LIMIT_MS
      }
    ],
    notes: [
      'Every write is one commit: blobs, trees and the commit are written as loose objects, the artifact is fsynced into the store, and the branch moves under git’s lock protocol.'
    ],
    ok: true,
    seconds: (Date.now() - started) / 1000
  }
}

runBenchmark(main)
