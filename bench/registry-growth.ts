/**
 * Registry growth: bytes of new Git objects per registration (loose, before any `git gc`, the
 * artifact store excluded) over N sequential registrations of one model, one a minute, in
 * layout 2. The cost must not grow with N: the last registrations cost what the first did.
 */
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { register } from '../src/commands/register.js'
import { log, makeRepo, runBenchmark, tinyModel, type BenchEnv, type BenchResult } from './support/harness.js'
import { init } from '../src/commands/init.js'
import { localContext, testClock } from '../test/support/command-context.js'

const LIMIT_BYTES = 10 * 1024

/** Bytes of loose objects under .git/objects (the artifact store lives elsewhere, .git/mreg). */
async function looseBytes(gitdir: string): Promise<number> {
  let total = 0
  for (const dir of await readdir(join(gitdir, 'objects'))) {
    if (!/^[0-9a-f]{2}$/.test(dir)) continue
    for (const file of await readdir(join(gitdir, 'objects', dir))) {
      total += (await stat(join(gitdir, 'objects', dir, file))).size
    }
  }
  return total
}

async function main(env: BenchEnv): Promise<BenchResult> {
  const started = Date.now()
  // Within the runner's default time bound on a shared machine; 2,000 is in docs/ARCHITECTURE.md.
  const n = env.quick ? 200 : 600
  const repo = await makeRepo(join(env.tmp, 'repo'))
  const gitdir = join(repo, '.git')
  const clock = testClock('2026-01-01T00:00:00Z')
  const ctx = localContext(repo, clock)
  await init(ctx)
  const file = await tinyModel(env.tmp, 'model.bin', 1)
  const windows: { upTo: number; bytesPer: number }[] = []
  let before = await looseBytes(gitdir)
  const window = n / 10
  for (let i = 1; i <= n; i++) {
    clock.advance(60_000)
    await register(ctx, {
      file,
      modelType: 'isolation_forest',
      name: 'growth',
      metrics: { f1_score: 0.5 + (i % 97) / 200, recall: 0.5 + (i % 89) / 200 },
      tags: i % 3 === 0 ? ['high_recall'] : []
    })
    if (i % window === 0) {
      const now = await looseBytes(gitdir)
      windows.push({ upTo: i, bytesPer: (now - before) / window })
      log(`${i} registrations: ${((now - before) / window).toFixed(0)} bytes per registration`)
      before = now
    }
  }
  const worst = Math.max(...windows.map(w => w.bytesPer))
  const first = windows[0]?.bytesPer ?? 0
  const last = windows.at(-1)?.bytesPer ?? 0
  return {
    name: 'registry-growth',
    title: 'Registry growth per registration (layout 2)',
    measures: `${n} sequential registrations of one model, one a minute (so days fill up and split into hours), in-process; new loose Git objects per registration, measured over windows of ${window}.`,
    tables: [
      {
        title: 'Bytes of new Git objects per registration',
        columns: ['registrations', 'bytes / registration'],
        rows: windows.map(w => [`${w.upTo - window + 1}–${w.upTo}`, w.bytesPer.toFixed(0)])
      }
    ],
    goals: [
      {
        goal: `≤ ${LIMIT_BYTES} bytes per registration at any N`,
        measured: `worst window ${worst.toFixed(0)} B`,
        met: worst <= LIMIT_BYTES
      },
      {
        goal: 'independent of N (last window ≤ 1.3 × first)',
        measured: `${first.toFixed(0)} → ${last.toFixed(0)} B`,
        met: last <= 1.3 * first
      }
    ],
    notes: [
      'Layout 1 stored the whole index.json again on every registration: 127 KB per version at 2,000 (issue 7).'
    ],
    ok: true,
    seconds: (Date.now() - started) / 1000
  }
}

runBenchmark(main)
