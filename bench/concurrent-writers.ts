/**
 * Concurrent writers: 8 lanes, each running 10 `mreg register` child processes one after
 * another, all into the same model of one repository (every commit races for the same ref and
 * the same index.json). Then every one of the 80 registrations must be on the branch, with
 * distinct versions and model_ids, and git fsck and mreg doctor must be clean — otherwise the
 * benchmark fails loudly. One lane alone is timed first for comparison.
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { ModelVersion } from '../src/domain/types.js'
import {
  git,
  log,
  makeRepo,
  mreg,
  ms,
  runBenchmark,
  stats,
  tinyModel,
  type BenchEnv,
  type BenchResult
} from './support/harness.js'

const LANES = 8

interface Lane {
  latencies: number[]
  /** `lane/seq` of every registration whose process reported success. */
  succeeded: string[]
  failures: string[]
}

async function lane(
  env: BenchEnv,
  repo: string,
  files: string,
  laneNo: number,
  count: number
): Promise<Lane> {
  const out: Lane = { latencies: [], succeeded: [], failures: [] }
  for (let i = 0; i < count; i++) {
    const file = await tinyModel(files, `lane${laneNo}-${i}.bin`, laneNo * 1000 + i)
    try {
      const result = await mreg(env, repo, [
        '--json',
        'register',
        file,
        '--type',
        'detector',
        '--name',
        'contended',
        '--metric',
        `lane=${laneNo}`,
        '--metric',
        `seq=${i}`
      ])
      out.latencies.push(result.ms)
      out.succeeded.push(`${laneNo}/${i}`)
    } catch (error) {
      out.failures.push(
        `lane ${laneNo} #${i}: ${(error as Error).message.replace(/^mreg .* exited (\d+): /s, 'exit $1: ')}`
      )
    }
  }
  return out
}

async function main(env: BenchEnv): Promise<BenchResult> {
  const started = Date.now()
  const perLane = env.quick ? 4 : 10
  const files = join(env.tmp, 'files')
  await mkdir(files)

  // Baseline: one writer, the same number of registrations per lane, no contention.
  const soloRepo = await makeRepo(join(env.tmp, 'solo'))
  await mreg(env, soloRepo, ['init'])
  const soloStart = performance.now()
  const solo = await lane(env, soloRepo, files, 99, perLane)
  const soloS = (performance.now() - soloStart) / 1000
  if (solo.failures.length > 0) throw new Error(`single writer failed: ${solo.failures.join('; ')}`)
  log(`1 writer × ${perLane}: ${soloS.toFixed(2)} s`)

  const repo = await makeRepo(join(env.tmp, 'repo'))
  await mreg(env, repo, ['init'])
  const t0 = performance.now()
  const lanes = await Promise.all(Array.from({ length: LANES }, (_, i) => lane(env, repo, files, i, perLane)))
  const wallS = (performance.now() - t0) / 1000
  const expected = LANES * perLane
  log(`${LANES} writers × ${perLane}: ${wallS.toFixed(2)} s`)

  // Verification: everything that was registered is there, exactly once.
  const problems = lanes.flatMap(l => l.failures)
  const listed = JSON.parse(
    (await mreg(env, repo, ['--json', 'list', '--name', 'contended', '--limit', '1000'])).stdout
  ) as ModelVersion[]
  const pairs = new Set(listed.map(v => `${v.performance_metrics.lane}/${v.performance_metrics.seq}`))
  const versions = new Set(listed.map(v => v.version))
  const modelIds = new Set(listed.map(v => v.model_id))
  const commits = Number(git(repo, 'rev-list', '--count', 'model-registry'))
  const succeeded = lanes.flatMap(l => l.succeeded)
  const lost = succeeded.filter(pair => !pairs.has(pair))
  if (lost.length > 0) problems.push(`LOST WRITES: reported success but missing: ${lost.join(', ')}`)
  if (listed.length !== expected) problems.push(`list shows ${listed.length} versions, expected ${expected}`)
  if (pairs.size !== expected)
    problems.push(`${pairs.size} distinct lane/seq pairs landed, expected ${expected}`)
  if (versions.size !== listed.length)
    problems.push(`duplicate versions: ${versions.size} distinct of ${listed.length}`)
  if (modelIds.size !== listed.length)
    problems.push(`duplicate model_ids: ${modelIds.size} distinct of ${listed.length}`)
  if (commits !== listed.length + 1) {
    problems.push(`${commits} commits on the branch for ${listed.length} versions (expected one each + init)`)
  }
  try {
    git(repo, 'fsck', '--full', '--strict')
  } catch (error) {
    problems.push(`git fsck: ${(error as Error).message}`)
  }
  const doctor = await mreg(env, repo, ['--json', 'doctor']).catch((error: Error) => error)
  if (doctor instanceof Error) problems.push(`mreg doctor: ${doctor.message}`)
  const ok = problems.length === 0
  if (!ok) {
    process.stderr.write(`\nCONCURRENT WRITERS FAILED:\n${problems.map(p => `  - ${p}`).join('\n')}\n\n`)
  }

  const refused = lanes.reduce((n, l) => n + l.failures.length, 0)
  const latencies = stats(lanes.flatMap(l => l.latencies))
  const soloStats = stats(solo.latencies)
  const rate = listed.length / wallS
  return {
    name: 'concurrent-writers',
    title: 'Concurrent writers',
    measures: `${LANES} lanes × ${perLane} registrations, each one a \`mreg register\` child process of the bundled CLI, all into one model of one repository at once: wall time, registrations/s, per-registration latency (successful ones); then a check that all ${expected} landed exactly once (every process exited 0, list, distinct versions and model_ids, one commit each, git fsck, mreg doctor). One lane alone first, for comparison.`,
    tables: [
      {
        title: 'Results',
        columns: [
          'writers',
          'registrations landed',
          'refused (exit ≠ 0)',
          'lost (success reported, missing)',
          'wall s',
          'registrations / s',
          'latency median ms',
          'latency p95 ms',
          'latency max ms'
        ],
        rows: [
          [
            '1 (baseline)',
            `${solo.latencies.length}/${perLane}`,
            '0',
            '0',
            soloS.toFixed(2),
            (solo.latencies.length / soloS).toFixed(1),
            ms(soloStats.median),
            ms(soloStats.p95),
            ms(soloStats.max)
          ],
          [
            String(LANES),
            `${pairs.size}/${expected}`,
            String(refused),
            String(lost.length),
            wallS.toFixed(2),
            rate.toFixed(1),
            ms(latencies.median),
            ms(latencies.p95),
            ms(latencies.max)
          ]
        ]
      }
    ],
    goals: [
      {
        goal: `${LANES} concurrent CLI writers × ${perLane}: all ${expected} registrations land exactly once, fsck and doctor clean`,
        measured: ok
          ? `${pairs.size}/${expected} landed, ${commits} commits, ${rate.toFixed(1)} registrations/s`
          : `FAILED: ${pairs.size}/${expected} landed, ${refused} refused, ${lost.length} lost; first problem: ${problems[0]}`,
        met: ok
      }
    ],
    notes: [
      `Latency is per \`mreg register\` process, Node start-up included; losers of a race re-read the branch and re-apply with jittered backoff. The ${LANES} lanes share the machine's CPUs (see \`nproc\` above).`,
      ...problems.map(p => `**problem**: ${p}`)
    ],
    ok,
    seconds: (Date.now() - started) / 1000
  }
}

runBenchmark(main)
