/**
 * Shared by every benchmark entry point (bench/*.ts), each bundled and run as its own process
 * by scripts/bench.mjs. A benchmark reads its settings from BENCH_* variables, does its work
 * under BENCH_TMP (removed by the runner afterwards) and writes one BenchResult as JSON.
 */
import { execFileSync, spawn } from 'node:child_process'
import { readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { initProjectRepo } from '../../test/support/project-repo.js'

export interface BenchEnv {
  /** A directory of our own, removed by the runner when the benchmark ends. */
  tmp: string
  /** The bundled mreg CLI (its launcher, as dist/cli.cjs is built: scripts/bundle-options.mjs). */
  cli: string
  quick: boolean
  resultPath: string
}

export function benchEnv(): BenchEnv {
  const need = (key: string): string => {
    const value = process.env[key]
    if (!value) throw new Error(`${key} is not set: run benchmarks through 'npm run bench'`)
    return value
  }
  return {
    tmp: need('BENCH_TMP'),
    cli: need('BENCH_CLI'),
    quick: process.env.BENCH_QUICK === '1',
    resultPath: need('BENCH_RESULT')
  }
}

export interface Table {
  title: string
  columns: string[]
  rows: string[][]
}

export interface Goal {
  goal: string
  measured: string
  met: boolean
}

export interface BenchResult {
  name: string
  title: string
  /** What this benchmark measures, one paragraph. */
  measures: string
  tables: Table[]
  goals: Goal[]
  notes: string[]
  /** False when a correctness check failed: the runner then fails loudly. */
  ok: boolean
  seconds: number
  /** The 1-minute load average sampled through the run (the machine is shared). */
  load?: { min: number; median: number; max: number; samples: number }
}

export async function writeResult(env: BenchEnv, result: BenchResult): Promise<void> {
  await writeFile(env.resultPath, JSON.stringify(result, null, 2))
}

/** Runs a benchmark's main function; any exception becomes a failed run with a non-zero exit. */
export function runBenchmark(main: (env: BenchEnv) => Promise<BenchResult>): void {
  const env = benchEnv()
  main(env).then(
    async result => {
      await writeResult(env, result)
      if (!result.ok) process.exitCode = 1
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
      process.exitCode = 1
    }
  )
}

export interface Stats {
  runs: number
  median: number
  p95: number
  min: number
  max: number
  mean: number
}

/** Nearest-rank percentiles over the samples (milliseconds). */
export function stats(samples: number[]): Stats {
  if (samples.length === 0) throw new Error('no samples')
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] as number
  return {
    runs: sorted.length,
    median: rank(0.5),
    p95: rank(0.95),
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length
  }
}

export interface MeasureOptions {
  warmup?: number
  minRuns?: number
  maxRuns?: number
  /** Stop adding runs once minRuns are done and this much time has passed. */
  budgetMs?: number
}

/** Times `fn` repeatedly: a few warm-up calls, then between minRuns and maxRuns within the budget. */
export async function measure(fn: () => Promise<unknown>, options: MeasureOptions = {}): Promise<Stats> {
  const { warmup = 2, minRuns = 5, maxRuns = 50, budgetMs = 3000 } = options
  for (let i = 0; i < warmup; i++) await fn()
  const samples: number[] = []
  const start = performance.now()
  while (samples.length < maxRuns && (samples.length < minRuns || performance.now() - start < budgetMs)) {
    const t0 = performance.now()
    await fn()
    samples.push(performance.now() - t0)
  }
  return stats(samples)
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now()
  const value = await fn()
  return { value, ms: performance.now() - t0 }
}

export interface ChildResult {
  code: number
  stdout: string
  stderr: string
  ms: number
}

/** Runs a program as a child process; the wall time includes its start-up. */
export function runProcess(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}
): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now()
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? cliEnv(),
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', chunk => (stdout += chunk))
    child.stderr.on('data', chunk => (stderr += chunk))
    child.on('error', reject)
    child.on('close', code => resolve({ code: code ?? -1, stdout, stderr, ms: performance.now() - t0 }))
  })
}

export const cliEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  MREG_ACTOR: 'bench',
  ...extra
})

/** `node mreg.cjs --registry repo …args`; throws with the CLI's stderr when it fails. */
export async function mreg(
  env: BenchEnv,
  repo: string,
  args: string[],
  options: { nodeArgs?: string[]; env?: NodeJS.ProcessEnv } = {}
): Promise<ChildResult> {
  const result = await runProcess(
    process.execPath,
    [...(options.nodeArgs ?? []), env.cli, '--registry', repo, ...args],
    { cwd: repo, env: options.env }
  )
  if (result.code !== 0) {
    throw new Error(`mreg ${args.join(' ')} exited ${result.code}: ${result.stderr.trim()}`)
  }
  return result
}

/** A Git repository with one commit on main at `dir`, like a project a team already has. */
export async function makeRepo(dir: string): Promise<string> {
  return initProjectRepo(dir, { name: 'Bench User', email: 'bench@example.com' })
}

export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, stdio: 'pipe', maxBuffer: 64 * 1024 * 1024 })
    .toString()
    .trim()
}

/** A tiny model file whose bytes differ for every `variant`, so the content-addressed store keeps each one. */
export async function tinyModel(dir: string, name: string, variant: number): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, `bench model ${variant} ${'x'.repeat(variant % 97)}\n`)
  return path
}

export const ms = (value: number): string =>
  value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)

export const mib = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1)

export const kib = (bytes: number): string => (bytes / 1024).toFixed(0)

export function log(message: string): void {
  process.stderr.write(`  ${message}\n`)
}

export interface MeasuredRun extends ChildResult {
  /** Milliseconds from spawn to the first byte on stdout; null when it printed nothing. */
  firstByteMs: number | null
  stdoutBytes: number
  /** Peak resident set size of the process (GNU time's %M), in bytes. */
  peakRss: number
}

const GNU_TIME = '/usr/bin/time'

/**
 * Runs a whole process under GNU time for its peak RSS, timing it from spawn to exit and noting
 * when its first output byte arrived. `input` is written to its stdin; `keepStdout: false` only
 * counts the bytes (a listing of 100,000 rows).
 */
export async function runMeasured(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string; keepStdout?: boolean } = {}
): Promise<MeasuredRun> {
  const rssFile = join(tmpdir(), `mreg-bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`)
  try {
    const run = await new Promise<Omit<MeasuredRun, 'peakRss'>>((resolve, reject) => {
      const t0 = performance.now()
      const child = spawn(GNU_TIME, ['-f', '%M', '-o', rssFile, command, ...args], {
        cwd: options.cwd,
        env: options.env ?? cliEnv(),
        stdio: ['pipe', 'pipe', 'pipe']
      })
      let stdout = ''
      let stderr = ''
      let stdoutBytes = 0
      let firstByteMs: number | null = null
      child.stdout.on('data', (chunk: Buffer) => {
        firstByteMs ??= performance.now() - t0
        stdoutBytes += chunk.length
        if (options.keepStdout !== false) stdout += chunk.toString()
      })
      child.stderr.on('data', chunk => (stderr += chunk))
      child.on('error', reject)
      child.on('close', code =>
        resolve({ code: code ?? -1, stdout, stderr, ms: performance.now() - t0, firstByteMs, stdoutBytes })
      )
      child.stdin.on('error', () => undefined)
      child.stdin.end(options.input ?? '')
    })
    const kib = Number((await readFile(rssFile, 'utf8')).trim().split('\n').at(-1))
    return { ...run, peakRss: Number.isFinite(kib) ? kib * 1024 : NaN }
  } finally {
    await rm(rssFile, { force: true })
  }
}
