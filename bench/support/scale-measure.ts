/**
 * The scale benchmark's measuring (bench/scale.ts holds the targets and the report): building a
 * registry by `mreg import` of a generated legacy directory, and running one command on it as a
 * whole process beside `git cat-file --batch` reading the same version files.
 */
import { execFileSync } from 'node:child_process'
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { writeLegacyRegistry } from '../../test/support/legacy-registry.js'
import {
  git,
  log,
  makeRepo,
  mib,
  ms,
  runMeasured,
  runProcess,
  stats,
  type BenchEnv,
  type MeasuredRun
} from './harness.js'
import { buildDirect } from './scale-direct.js'

export const BATCH = 1000
const REGISTRY_REF = 'model-registry'
/** A version file's path ends in its version; derived files do not. */
const VERSION_FILE = /\/\d+\.\d+\.\d+[^/]*\.json$/

export const fmt = (n: number): string => n.toLocaleString('en')

export interface Shape {
  key: string
  label: string
  models: string[]
  versionsPerModel: number
  /** The model the commands ask about. */
  name: string
}

export function shape(kind: 'many' | 'one', total: number, manyModels: number): Shape {
  if (kind === 'one') {
    return {
      key: `one-${total}`,
      label: `1 model × ${fmt(total)}`,
      models: ['big'],
      versionsPerModel: total,
      name: 'big'
    }
  }
  const models = Array.from({ length: manyModels }, (_, i) => `m${String(i).padStart(3, '0')}`)
  const perModel = Math.max(1, Math.round(total / manyModels))
  return {
    key: `many-${total}`,
    label: `${manyModels} models × ${fmt(perModel)}`,
    models,
    versionsPerModel: perModel,
    name: models[Math.min(42, models.length - 1)] as string
  }
}

export interface Built {
  shape: Shape
  kind: 'many' | 'one'
  repo: string
  total: number
  /** How the registry was built: `mreg import` of a generated legacy directory, or direct writes. */
  method: 'import' | 'direct'
  generateMs: number
  /** `import`: the import process (time, peak RSS); `direct`: the direct write's time only. */
  importRun: MeasuredRun
  commits: number
}

/**
 * The one-model registries are always built by `mreg import`, so the import of 100,000 legacy
 * versions is measured in every full run (one model is the faster shape to import: each batch
 * rewrites one head and a few days, not a hundred). The many-models registries are imported up
 * to this many versions and written directly above it (bench/support/scale-direct.ts): importing
 * 100,000 legacy files twice takes longer than this benchmark can run on the shared machine.
 */
const IMPORT_MAX = Number(process.env.BENCH_SCALE_IMPORT_MAX ?? 2000)

export async function build(env: BenchEnv, kind: 'many' | 'one', s: Shape): Promise<Built> {
  const repo = await makeRepo(join(env.tmp, s.key))
  await runMeasured(process.execPath, [env.cli, '--registry', repo, 'init'], { cwd: repo })
  const spec = { models: s.models, versionsPerModel: s.versionsPerModel }
  const wanted = s.models.length * s.versionsPerModel
  if (kind === 'many' && wanted > IMPORT_MAX) {
    log(`${s.label}: writing ${fmt(wanted)} versions directly (git fast-import)`)
    const direct = await buildDirect(env, repo, spec)
    log(`${s.label}: written in ${(direct.ms / 1000).toFixed(1)} s`)
    const run: MeasuredRun = {
      code: 0,
      ms: direct.ms,
      peakRss: NaN,
      stdout: '',
      stderr: '',
      firstByteMs: null,
      stdoutBytes: 0
    }
    return {
      shape: s,
      kind,
      repo,
      total: direct.versions,
      method: 'direct',
      generateMs: 0,
      importRun: run,
      commits: 1
    }
  }
  const legacy = join(env.tmp, `${s.key}-legacy`)
  const t0 = performance.now()
  const total = await writeLegacyRegistry(legacy, spec)
  const generateMs = performance.now() - t0
  log(
    `${s.label}: legacy directory of ${fmt(total)} versions written in ${(generateMs / 1000).toFixed(1)} s; importing`
  )
  const importRun = await runMeasured(
    process.execPath,
    [env.cli, '--registry', repo, '--json', 'import', legacy, '--batch', String(BATCH)],
    { cwd: repo }
  )
  if (importRun.code !== 0)
    throw new Error(`mreg import of ${s.label} exited ${importRun.code}: ${importRun.stderr.trim()}`)
  const outcome = JSON.parse(importRun.stdout) as { imported: number; commits: string[] }
  if (outcome.imported !== total)
    throw new Error(`import of ${s.label} imported ${outcome.imported} of ${total}`)
  log(`${s.label}: imported in ${(importRun.ms / 1000).toFixed(1)} s, peak RSS ${mib(importRun.peakRss)} MiB`)
  await rm(legacy, { recursive: true, force: true })
  return {
    shape: s,
    kind,
    repo,
    total,
    method: 'import',
    generateMs,
    importRun,
    commits: outcome.commits.length
  }
}

export interface Op {
  key: string
  label: (s: Shape) => string
  args: (
    s: Shape,
    run: number,
    dirs: { files: string; out: string; repo: string }
  ) => Promise<string[]> | string[]
  /** Rows the answer shows (metadata paths), for `git cat-file --batch` to read; none for writes. */
  rows?: (stdout: string) => string[]
}

const one = (stdout: string): string[] => [(JSON.parse(stdout) as { metadata_path: string }).metadata_path]
const many = (stdout: string): string[] =>
  (JSON.parse(stdout) as { metadata_path: string }[]).map(v => v.metadata_path)

/** Runs of the full list (each seconds long). */
const FULL_LIST_RUNS = 3

/** Counted runs of a command that takes well under a second. */
export const SAMPLES = 7

export const OPS: Op[] = [
  {
    key: 'show-production',
    label: s => `show ${s.name}@production`,
    args: s => ['show', `${s.name}@production`],
    rows: one
  },
  {
    key: 'show-latest',
    label: s => `show ${s.name}@latest`,
    args: s => ['show', `${s.name}@latest`],
    rows: one
  },
  {
    key: 'list-name',
    label: s => `list --name ${s.name} --limit 20`,
    args: s => ['list', '--name', s.name, '--limit', '20'],
    rows: many
  },
  {
    key: 'fetch',
    label: s => `fetch --name ${s.name} --stage production --tag validated --min f1_score=0.5`,
    args: (s, _run, dirs) => [
      'fetch',
      ...['--name', s.name, '--stage', 'production', '--tag', 'validated', '--min', 'f1_score=0.5'],
      ...['--out', dirs.out]
    ],
    rows: one
  },
  {
    key: 'list-stage',
    label: () => 'list --stage production (all models)',
    args: () => ['list', '--stage', 'production'],
    rows: many
  },
  {
    key: 'register',
    label: s => `register (small file) --type ${s.name}`,
    args: async (s, run, dirs) => {
      const file = join(dirs.files, `new-${s.key}-${run}.pkl`)
      await writeFile(file, `bench registration ${s.key} ${run}\n`)
      return ['register', file, '--type', s.name]
    }
  },
  {
    key: 'promote',
    label: s => `promote ${s.name}@1.0.N --to staging`,
    // 1.0.1, 1.0.2…: development versions of every generated model (every 10th is staged).
    args: (s, run) => ['promote', `${s.name}@1.0.${run + 1}`, '--to', 'staging']
  },
  {
    // The policy check of the last promotion (what a pull request's check runs), base → head.
    key: 'check',
    label: s => `check of a promotion of ${s.name} (base → head)`,
    args: (_s, _run, dirs) => [
      'check',
      commitOf(dirs.repo, 'model-registry~1'),
      commitOf(dirs.repo, 'model-registry')
    ]
  }
]

function commitOf(repo: string, rev: string): string {
  return execFileSync('git', ['rev-parse', '--verify', `${rev}^{commit}`], {
    cwd: repo,
    encoding: 'utf8'
  }).trim()
}

export interface OpResult {
  registry: string
  shape: 'many' | 'one'
  total: number
  op: string
  label: string
  median: number
  peakRss: number
  runs: number
  catFile: number | null
  rows: number
}

/** One command on one registry: a few runs, the median time, the highest peak RSS. */
export async function measureOp(
  env: BenchEnv,
  b: Built,
  op: Op
): Promise<{ result: OpResult; bytesPerRun: number }> {
  const dirs = {
    files: join(env.tmp, `${b.shape.key}-files`),
    out: join(env.tmp, `${b.shape.key}-out`),
    repo: b.repo
  }
  await mkdir(dirs.files, { recursive: true })
  await mkdir(dirs.out, { recursive: true })
  const write = op.rows === undefined
  const runOnce = async (run: number) => {
    const args = await op.args(b.shape, run, dirs)
    const result = await runMeasured(process.execPath, [env.cli, '--registry', b.repo, '--json', ...args], {
      cwd: b.repo
    })
    if (result.code !== 0) {
      throw new Error(
        `mreg ${args.join(' ')} on ${b.shape.label} exited ${result.code}: ${result.stderr.trim()}`
      )
    }
    return result
  }
  const samples: MeasuredRun[] = []
  let run = 0
  const before = write ? await objectBytes(b.repo) : 0
  // Reads get one uncounted run to warm the page cache; slow commands get one counted run, the
  // rest (a tenth of a second each) seven: a median of three moved by ±20 ms between runs.
  const first = await runOnce(run++)
  if (write || first.ms > 5000) samples.push(first)
  const wanted = first.ms > 5000 ? 1 : first.ms > 1000 ? 3 : SAMPLES
  while (samples.length < wanted) samples.push(await runOnce(run++))
  const bytesPerRun = write ? ((await objectBytes(b.repo)) - before) / run : NaN
  let catFile: number | null = null
  let rows = 0
  if (op.rows) {
    const paths = op.rows((samples.at(-1) as MeasuredRun).stdout)
    rows = paths.length
    catFile = await catFileMs(b.repo, versionBlobs(b.repo, paths))
  }
  const median = stats(samples.map(r => r.ms)).median
  const peakRss = Math.max(...samples.map(r => r.peakRss))
  log(
    `${b.shape.label}: ${op.label(b.shape)}: ${ms(median)} ms, ${mib(peakRss)} MiB${catFile === null ? '' : `, git cat-file ${ms(catFile)} ms`}`
  )
  return {
    result: {
      registry: b.shape.label,
      shape: b.kind,
      total: b.total,
      op: op.key,
      label: op.label(b.shape),
      median,
      peakRss,
      runs: samples.length,
      catFile,
      rows
    },
    bytesPerRun
  }
}

/**
 * Blob ids of version files on the registry branch (one `git ls-tree`, not timed): by path,
 * `git cat-file` would re-read a 100,000-entry tree for every row.
 */
function versionBlobs(repo: string, paths?: string[]): string[] {
  const listing = paths
    ? git(repo, 'ls-tree', REGISTRY_REF, '--', ...paths)
    : git(repo, 'ls-tree', '-r', REGISTRY_REF, '--', 'models')
  // <mode> blob <oid>\t<path>
  return listing
    .split('\n')
    .map(line => /^\S+ blob (\S+)\t(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null && VERSION_FILE.test(m[2] as string))
    .map(m => m[1] as string)
}

/** `git cat-file --batch` reading these blobs, as a whole process (median of 3 after a warm-up). */
async function catFileMs(repo: string, blobs: string[]): Promise<number> {
  const input = blobs.map(oid => `${oid}\n`).join('')
  const samples: number[] = []
  for (let i = 0; i < 4; i++) {
    const run = await runMeasured('git', ['cat-file', '--batch'], { cwd: repo, input, keepStdout: false })
    if (run.code !== 0) throw new Error(`git cat-file --batch exited ${run.code}: ${run.stderr.trim()}`)
    if (i > 0) samples.push(run.ms)
  }
  return stats(samples).median
}

export interface StreamResult {
  registry: string
  rows: number
  firstRow: number
  total: number
  peakRss: number
  catFile: number
}

/** `mreg list` of every version: when the first row arrives, when the last does, against git reading them all. */
export async function measureFullList(env: BenchEnv, b: Built): Promise<StreamResult> {
  const blobs = versionBlobs(b.repo)
  const runs: MeasuredRun[] = []
  // Three runs, the median taken: one run of seconds moved by a tenth either way.
  for (let i = 0; i < FULL_LIST_RUNS; i++) {
    const run = await runMeasured(process.execPath, [env.cli, '--registry', b.repo, 'list'], {
      cwd: b.repo,
      keepStdout: false
    })
    if (run.code !== 0)
      throw new Error(`mreg list on ${b.shape.label} exited ${run.code}: ${run.stderr.trim()}`)
    runs.push(run)
  }
  const total = stats(runs.map(r => r.ms)).median
  const firstRow = stats(runs.map(r => r.firstByteMs ?? NaN)).median
  const catFile = await catFileMs(b.repo, blobs)
  log(
    `${b.shape.label}: list (all ${fmt(blobs.length)}): first row ${ms(firstRow)} ms, all ${ms(total)} ms (median of ${runs.length}), git cat-file ${ms(catFile)} ms`
  )
  return {
    registry: b.shape.label,
    rows: blobs.length,
    firstRow,
    total,
    peakRss: Math.max(...runs.map(r => r.peakRss)),
    catFile
  }
}

/** Bytes of git objects (loose and packed) in the repository. */
async function objectBytes(repo: string): Promise<number> {
  let total = 0
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) await walk(path)
      else total += (await stat(path)).size
    }
  }
  await walk(join(repo, '.git', 'objects'))
  return total
}

export async function migrateAvailable(env: BenchEnv): Promise<boolean> {
  const help = await runProcess(process.execPath, [env.cli, 'migrate', '--help'])
  return help.code === 0 && /migrate/.test(help.stdout)
}
