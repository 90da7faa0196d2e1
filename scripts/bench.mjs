// The benchmark runner (`npm run bench`): bundles every bench/*.ts entry point and the mreg CLI
// with esbuild into a temporary directory, runs each benchmark as its own process (bounded in
// time), then writes the results to bench/RESULTS.md and prints them.
//
//   npm run bench                      full run (~5 min on 2 cores)
//   npm run bench -- --quick           smaller registries and files (~1 min)
//   npm run bench -- --only a,b        only these benchmarks (names of bench/*.ts without .ts)
//   npm run bench -- --no-write        print only; leave bench/RESULTS.md alone
//   npm run bench -- scale [--quick]   the scale benchmark (opt-in: long); its results go to
//                                      docs/BENCHMARKS.md and bench/results/scale.json instead
//   npm run bench -- serve [--quick]   mreg serve at 100,000 versions (opt-in); its section of
//                                      docs/BENCHMARKS.md and bench/results/serve.json
import { build } from 'esbuild'
import { execFileSync, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import * as prettier from 'prettier'
import { buildCli } from './bundle-options.mjs'

const RESULTS = 'bench/RESULTS.md'
const KEEP_PREVIOUS = 10
// An ESM bundle still meets CommonJS dependencies that call require(): give them one.
const BANNER = "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);"
// Known benchmarks run in this order; any other bench/*.ts entry runs after them.
const ORDER = ['read-latency', 'write-throughput', 'concurrent-writers', 'large-artifact', 'serve']
// Run only when named: they take long, and report in files of their own (OWN_REPORT).
const OPT_IN = ['scale', 'serve']
const OWN_REPORT = { scale: { markdown: 'docs/BENCHMARKS.md', json: 'bench/results/scale.json' } }
// Upper bounds per benchmark (seconds): a benchmark that takes longer is killed and reported failed.
const TIMEOUT_S = {
  full: {
    'read-latency': 420,
    'write-throughput': 90,
    'concurrent-writers': 120,
    'large-artifact': 150,
    scale: 3600,
    // BENCH_SCALE_IMPORT_MAX=100000 builds the many-models 100,000 versions by `mreg import` (minutes) instead
    // of direct writes; the one-model registry is always imported.
    serve: 1800
  },
  quick: {
    'read-latency': 90,
    'write-throughput': 30,
    'concurrent-writers': 45,
    'large-artifact': 60,
    scale: 300,
    serve: 300
  }
}
const DEFAULT_TIMEOUT_S = 120

const args = process.argv.slice(2)
const quick = args.includes('--quick')
const write = !args.includes('--no-write')
const onlyIndex = args.indexOf('--only')
// Benchmarks named without --only (`npm run bench -- scale`, `-- serve`) are selected the same way.
const named = args.filter((a, i) => !a.startsWith('--') && (onlyIndex < 0 || i !== onlyIndex + 1))
const only =
  onlyIndex >= 0 || named.length > 0
    ? [...(onlyIndex >= 0 ? (args[onlyIndex + 1] ?? '').split(',') : []), ...named].filter(Boolean)
    : null
const unknown = args.filter(a => a.startsWith('--') && !['--quick', '--no-write', '--only'].includes(a))
if (unknown.length > 0 || (onlyIndex >= 0 && !only?.length)) {
  console.error(`usage: npm run bench [-- --quick] [-- --only NAME[,NAME] | NAME…] [-- --no-write]`)
  process.exit(2)
}

const mode = quick ? 'quick' : 'full'
let current = null // the running benchmark's child process
let root = null

async function main() {
  const started = performance.now()
  const entries = (await readdir('bench'))
    .filter(f => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map(f => f.slice(0, -3))
    .filter(name => (only ? only.includes(name) : !OPT_IN.includes(name)))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
  if (only) {
    const missing = only.filter(name => !entries.includes(name))
    if (missing.length > 0) throw new Error(`no bench/${missing[0]}.ts`)
  }
  if (entries.length === 0) throw new Error('no benchmarks in bench/*.ts')

  const machine = machineFacts()
  root = await mkdtemp(join(tmpdir(), 'mreg-bench-'))
  const bundleDir = join(root, 'bundle')
  const t0 = performance.now()
  // The CLI exactly as dist/ ships it (a launcher and the program: scripts/bundle-options.mjs), beside
  // the benchmarks. Its compile cache lands in the benchmark's HOME, as a user's does in theirs.
  const cli = await buildCli(bundleDir, { launcher: 'mreg' })
  await build({
    entryPoints: entries.map(name => ({ in: `bench/${name}.ts`, out: name })),
    outdir: bundleDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    banner: { js: BANNER }
  })
  console.error(
    `bundled ${entries.length} benchmark(s) and the CLI in ${Math.round(performance.now() - t0)} ms`
  )

  const results = []
  for (const name of entries) {
    const timeout = (TIMEOUT_S[mode][name] ?? DEFAULT_TIMEOUT_S) * 1000
    console.error(`\n▶ ${name} (${mode}, at most ${timeout / 1000} s)`)
    const tmp = join(root, name)
    await mkdir(tmp)
    const resultPath = join(root, `${name}.json`)
    const t = performance.now()
    const { code, timedOut } = await runChild(join(bundleDir, `${name}.mjs`), timeout, {
      BENCH_TMP: tmp,
      BENCH_CLI: cli,
      BENCH_QUICK: quick ? '1' : '0',
      BENCH_RESULT: resultPath
    })
    const seconds = (performance.now() - t) / 1000
    // Each benchmark's files go as soon as it ends: the large-artifact one holds gigabytes.
    await rm(tmp, { recursive: true, force: true })
    let result = null
    if (existsSync(resultPath)) result = JSON.parse(await readFile(resultPath, 'utf8'))
    if (!result || code !== 0) {
      const why = timedOut ? `killed after ${timeout / 1000} s` : `exited with code ${code}`
      console.error(`✗ ${name}: FAILED (${why})`)
      result = result ?? {
        name,
        title: name,
        measures: '',
        tables: [],
        goals: [],
        notes: [],
        ok: false,
        seconds
      }
      result.ok = false
      result.notes = [...(result.notes ?? []), `**FAILED**: ${why}; see the run's stderr.`]
    } else {
      console.error(`✓ ${name}: ${seconds.toFixed(1)} s`)
    }
    result.seconds = seconds
    results.push(result)
  }

  const run = {
    machine,
    mode,
    seconds: (performance.now() - started) / 1000,
    results
  }
  const own = results.filter(r => OWN_REPORT[r.name])
  const shared = { ...run, results: results.filter(r => !OWN_REPORT[r.name]) }
  const latest = renderLatest(run)
  console.log(`\n${renderGoals(results)}\n\n${latest}`)
  if (write) {
    for (const result of own) await writeOwnReport(run, result)
  }
  if (write && shared.results.length > 0) {
    // Formatted like the rest of the repository (aligned tables are readable as plain text).
    const options = (await prettier.resolveConfig(RESULTS)) ?? {}
    await writeFile(
      RESULTS,
      await prettier.format(await renderFile(shared, renderLatest(shared)), {
        ...options,
        parser: 'markdown'
      })
    )
    console.error(`wrote ${RESULTS}`)
    await writeSections(results)
  }
  const failed = results.filter(r => !r.ok)
  if (failed.length > 0) {
    console.error(`\nBENCHMARK FAILED: ${failed.map(r => r.name).join(', ')}`)
    process.exitCode = 1
  }
}

/**
 * Besides RESULTS.md: bench/results/<name>.json for every benchmark run, and for those with a
 * section of their own in docs/BENCHMARKS.md (serve; scale has its own), that section rewritten
 * between its markers, so benchmarks written by different people merge without conflicts.
 */
/** Each benchmark with a report in docs/BENCHMARKS.md owns the text between its two markers. */
async function spliceSection(file, name, text) {
  const start = `<!-- ${name}:start -->`
  const end = `<!-- ${name}:end -->`
  const body = `${start}\n${text}\n${end}`
  const old = existsSync(file) ? await readFile(file, 'utf8') : '# Benchmarks\n'
  const next = old.includes(start)
    ? old.slice(0, old.indexOf(start)) + body + old.slice(old.indexOf(end) + end.length)
    : `${old.trimEnd()}\n\n${body}\n`
  const options = (await prettier.resolveConfig(file)) ?? {}
  await writeFile(file, await prettier.format(next, { ...options, parser: 'markdown' }))
}

async function writeSections(results) {
  await mkdir('bench/results', { recursive: true })
  for (const result of results.filter(r => !OWN_REPORT[r.name])) {
    await writeFile(`bench/results/${result.name}.json`, JSON.stringify(result, null, 2) + '\n')
    if (result.name !== 'serve') continue
    const file = 'docs/BENCHMARKS.md'
    const text = [
      `## ${result.title}`,
      '',
      result.measures,
      '',
      renderGoals([result]),
      ...result.tables.flatMap(t => ['', `**${t.title}**`, '', table(t.columns, t.rows)]),
      '',
      ...result.notes.map(n => `- ${n}`),
      '',
      `_Run ${new Date().toISOString()}, ${mode} mode, ${result.seconds.toFixed(0)} s._`
    ].join('\n')
    await spliceSection(file, result.name, text)
    console.error(`wrote ${file} (${result.name} section) and bench/results/${result.name}.json`)
  }
}

const rank = name => (ORDER.includes(name) ? ORDER.indexOf(name) : ORDER.length)

/** Runs one bundled benchmark in its own process group, so a timeout also ends the CLIs it started. */
function runChild(bundle, timeoutMs, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
      detached: true
    })
    current = child
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      killGroup(child)
    }, timeoutMs)
    child.on('error', reject)
    child.on('close', code => {
      clearTimeout(timer)
      current = null
      resolve({ code: code ?? -1, timedOut })
    })
  })
}

function killGroup(child) {
  try {
    process.kill(-child.pid, 'SIGKILL')
  } catch {
    // already gone
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (current) killGroup(current)
    const done = () => process.exit(130)
    if (root) rm(root, { recursive: true, force: true }).then(done, done)
    else done()
  })
}

function machineFacts() {
  const sh = (cmd, cmdArgs) => {
    try {
      return execFileSync(cmd, cmdArgs, { stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim()
    } catch {
      return 'unknown'
    }
  }
  const dirtySrc = sh('git', ['status', '--porcelain', '--', 'src'])
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    nproc: sh('nproc', []),
    cpu: cpus()[0]?.model ?? 'unknown',
    memory: `${Math.round(totalmem() / 1024 ** 3)} GiB`,
    node: process.version,
    git: sh('git', ['--version']).replace(/^git version /, ''),
    commit: sh('git', ['rev-parse', '--short', 'HEAD']),
    dirtySrc: dirtySrc !== '' && dirtySrc !== 'unknown',
    load: loadavg()
      .map(l => l.toFixed(2))
      .join(' ')
  }
}

// ---------------------------------------------------------------- Markdown

const cell = value => String(value).replace(/\|/g, '\\|').replace(/\n/g, ' ')

function table(columns, rows) {
  const lines = [`| ${columns.map(cell).join(' | ')} |`, `| ${columns.map(() => '---').join(' | ')} |`]
  for (const row of rows) lines.push(`| ${row.map(cell).join(' | ')} |`)
  return lines.join('\n')
}

function renderGoals(results) {
  const rows = results.flatMap(r => r.goals.map(g => [g.goal, g.measured, g.met ? 'yes' : '**no**']))
  for (const r of results)
    if (!r.ok) rows.push([`${r.title} completes and its checks pass`, 'failed', '**no**'])
  return table(['goal', 'measured (latest run)', 'met'], rows)
}

function renderLatest(run) {
  const m = run.machine
  const out = [
    `## Latest run: ${m.date} (${run.mode})`,
    '',
    `Machine: \`nproc\` ${m.nproc}, ${m.cpu}, ${m.memory} RAM; Node ${m.node}; git ${m.git}. ` +
      `Commit ${m.commit}${m.dirtySrc ? ' (with uncommitted changes in src/)' : ''}. ` +
      `Load average at start: ${m.load}. Whole run: ${run.seconds.toFixed(0)} s.`
  ]
  for (const r of run.results) {
    out.push('', `### ${r.title}${r.ok ? '' : ' — FAILED'}`, '', `_${r.seconds.toFixed(1)} s._`)
    for (const t of r.tables) out.push('', `**${t.title}**`, '', table(t.columns, t.rows))
    if (r.notes.length > 0) out.push('', ...r.notes.map(n => `- ${n}`))
  }
  return out.join('\n') + '\n'
}

const HEADER = `# Benchmarks

Speed and memory goals of mreg live here, not in timed unit tests. \`npm run bench\` (scripts/bench.mjs)
bundles every \`bench/*.ts\` entry point and the mreg CLI with esbuild into a temporary directory, runs
each benchmark as its own process (bounded in time), and rewrites this file: the goals table and the
"Latest run" section come from the run itself; earlier runs move under "Previous runs". Do not edit the
numbers by hand. \`npm run bench -- --quick\` is a smaller (~1 min) run; \`--only NAME\` runs one
benchmark; \`--no-write\` leaves this file alone.

## Goals and whether the latest run met them
`

const MEASURES = `## What each benchmark measures
`

async function renderFile(run, latest) {
  let previous = ''
  if (existsSync(RESULTS)) {
    const old = await readFile(RESULTS, 'utf8')
    const start = old.indexOf('\n## Latest run')
    const prev = old.indexOf('\n## Previous runs')
    if (start >= 0) {
      const section = old.slice(start + 1, prev > start ? prev : undefined).trim()
      // One heading level down, and "Latest run" becomes "Run".
      previous = section.replace(/^(#+) /gm, '$1# ').replace(/^### Latest run: /, '### Run: ')
    }
    if (prev >= 0) {
      const rest = old.slice(prev + '\n## Previous runs'.length).trim()
      if (rest) previous = previous ? `${previous}\n\n${rest}` : rest
    }
    // The newest KEEP_PREVIOUS runs stay; older ones remain in git history.
    previous = previous
      .split(/\n(?=### Run: )/)
      .slice(0, KEEP_PREVIOUS)
      .join('\n')
      .trim()
  }
  const measures = run.results.map(r => `- **${r.title}** (\`bench/${r.name}.ts\`): ${r.measures}`).join('\n')
  return [
    HEADER,
    renderGoals(run.results),
    '',
    MEASURES,
    measures,
    '',
    latest.trimEnd(),
    ...(previous ? ['', '## Previous runs', '', previous] : []),
    ''
  ].join('\n')
}

/**
 * A benchmark with a report of its own (the scale benchmark): its Markdown page (date, machine,
 * commit, method, how to reproduce, goals, tables) is rewritten whole, and its result is kept as
 * JSON beside the machine facts.
 */
async function writeOwnReport(run, result) {
  const target = OWN_REPORT[result.name]
  const m = run.machine
  const page = [
    `# Benchmarks: ${result.title}`,
    '',
    `Written by \`npm run bench -- ${result.name}${run.mode === 'quick' ? ' --quick' : ''}\` (scripts/bench.mjs, bench/${result.name}.ts); do not edit the numbers by hand.`,
    '',
    `- **Date**: ${m.date} (${run.mode} run, ${result.seconds.toFixed(0)} s)`,
    `- **Machine**: \`nproc\` ${m.nproc}, ${m.cpu}, ${m.memory} RAM; Node ${m.node}; git ${m.git}; load average at start ${m.load}`,
    `- **Commit**: ${m.commit}${m.dirtySrc ? ' (with uncommitted changes in src/)' : ''}`,
    `- **Reproduce**: \`npm run bench -- ${result.name}\` (full), \`npm run bench -- ${result.name} --quick\` (about a minute), \`BENCH_SCALE_VERSIONS=N npm run bench -- ${result.name}\` (another size)`,
    `- **Method**: ${result.measures}`,
    '',
    '## Targets and whether this run met them',
    '',
    table(
      ['goal', 'measured', 'met'],
      result.goals.map(g => [g.goal, g.measured, g.met ? 'yes' : '**no**'])
    ),
    ...(result.ok ? [] : ['', '**The benchmark FAILED**; see the notes.']),
    ...result.tables.flatMap(t => ['', `## ${t.title}`, '', table(t.columns, t.rows)]),
    '',
    '## Notes',
    '',
    ...result.notes.map(n => `- ${n}`),
    ''
  ].join('\n')
  await mkdir('docs', { recursive: true })
  await spliceSection(target.markdown, result.name, page.replace(/^# /, '## ').replace(/\n## /g, '\n### '))
  await mkdir('bench/results', { recursive: true })
  await writeFile(target.json, JSON.stringify({ machine: m, mode: run.mode, ...result }, null, 2) + '\n')
  console.error(`wrote ${target.markdown} and ${target.json}`)
}

main().then(
  async () => {
    if (root) await rm(root, { recursive: true, force: true })
  },
  async error => {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`)
    if (root) await rm(root, { recursive: true, force: true })
    process.exitCode = 1
  }
)
