/**
 * Read latency at scale. Two registries are built through the commands (in-process, injected
 * clock, tiny distinct files), each in its own process so both cores work: one model with
 * thousands of versions, and hundreds of models with ten versions each. Then every read a user
 * or a deploy job makes is timed in-process (warm: the same context answering again and again)
 * and end to end through the bundled CLI as a child process (Node start-up included).
 */
import { spawn } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { compare } from '../src/commands/compare.js'
import type { CommandContext } from '../src/commands/context.js'
import { fetchModel } from '../src/commands/fetch.js'
import { history } from '../src/commands/history.js'
import { listVersions } from '../src/commands/list.js'
import { resolveCriteria } from '../src/commands/resolve.js'
import { showVersion } from '../src/commands/show.js'
import { defaultPolicy } from '../src/domain/policy.js'
import { validatePolicy } from '../src/domain/validate.js'
import {
  benchEnv,
  git,
  kib,
  log,
  makeRepo,
  measure,
  mib,
  mreg,
  ms,
  runBenchmark,
  runProcess,
  stats,
  type BenchEnv,
  type BenchResult,
  type Goal,
  type Stats,
  type Table,
  timed
} from './support/harness.js'
import { populate, type PopulateOutcome, type PopulateSpec } from './support/populate.js'
import { init } from '../src/commands/init.js'
import { localContext, testClock } from '../test/support/command-context.js'

interface Scenario {
  key: string
  label: string
  spec: PopulateSpec
  /** A model to show, compare and trace. */
  model: string
}

function scenarios(quick: boolean): Scenario[] {
  const versions = quick ? 300 : 2000
  const models = quick ? 30 : 200
  return [
    {
      key: 'one-model',
      label: `1 model × ${versions.toLocaleString('en')} versions`,
      spec: { models: ['big'], versionsPerModel: versions, stagingEvery: 10, productionEvery: 100 },
      model: 'big'
    },
    {
      key: 'many-models',
      label: `${models} models × 10 versions`,
      spec: {
        models: Array.from({ length: models }, (_, i) => `m${String(i).padStart(3, '0')}`),
        versionsPerModel: 10,
        stagingEvery: 3,
        productionEvery: 6
      },
      model: `m${String(Math.floor(models / 2)).padStart(3, '0')}`
    }
  ]
}

const MAX_RUNS = 40
const HISTORY_LIMIT = 500
const HISTORY_CLI_LIMIT = 1000
const FILTER = { stage: 'staging', tags: ['high_recall'], min_metrics: { f1_score: 0.7 } }
const FILTER_ARGS = ['--stage', 'staging', '--tag', 'high_recall', '--min', 'f1_score=0.7']

interface BuildSummary {
  seconds: number
  registrations: number
  promotions: number
  firstRegister: Stats
  lastRegister: Stats
  promote: Stats
  firstVersion: Record<string, string>
}

// ------------------------------------------------------------------ builder (child process)

async function buildRegistry(env: BenchEnv, scenario: Scenario, out: string): Promise<void> {
  const repo = await makeRepo(join(env.tmp, scenario.key))
  const clock = testClock('2026-01-01T00:00:00Z')
  const ctx = localContext(repo, clock)
  await init(ctx)
  const total = scenario.spec.models.length * scenario.spec.versionsPerModel
  const step = Math.max(1, Math.round(total / 4))
  const outcome: PopulateOutcome = await populate(
    ctx,
    clock,
    scenario.spec,
    join(env.tmp, `${scenario.key}-files`),
    done => {
      if (done % step === 0) log(`${scenario.label}: ${done}/${total} registered`)
    }
  )
  const window = Math.min(100, Math.floor(outcome.registerMs.length / 2))
  const summary: BuildSummary = {
    seconds: outcome.seconds,
    registrations: outcome.registrations,
    promotions: outcome.promotions,
    firstRegister: stats(outcome.registerMs.slice(0, window)),
    lastRegister: stats(outcome.registerMs.slice(-window)),
    promote: stats(outcome.promoteMs),
    firstVersion: outcome.firstVersion
  }
  await writeFile(out, JSON.stringify(summary))
}

function buildInChild(scenario: Scenario, out: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [process.argv[1] as string], {
      env: { ...process.env, BENCH_BUILD: scenario.key, BENCH_BUILD_OUT: out },
      stdio: ['ignore', 'inherit', 'inherit']
    })
    child.on('error', reject)
    child.on('close', code =>
      code === 0 ? resolve() : reject(new Error(`building ${scenario.label} exited with ${code}`))
    )
  })
}

// ------------------------------------------------------------------ measuring

interface Op {
  /** Short, for the goals table. */
  name: string
  label: string
  /** Runs the read on a context; returns a short description of the answer. */
  run: (ctx: CommandContext) => Promise<string>
  cli: string[]
  /** Counted in the "reads answer in milliseconds" goal (history has its own). */
  quickRead: boolean
}

function operations(scenario: Scenario, first: string, fetchDir: string): Op[] {
  const production = `${scenario.model}@production`
  const older = `${scenario.model}@${first}`
  return [
    {
      name: 'list (all)',
      label: 'list (all)',
      run: async ctx => `${(await listVersions(ctx, { criteria: {} })).length} versions`,
      cli: ['list'],
      quickRead: true
    },
    {
      name: 'filtered list',
      label: 'list --stage staging --tag high_recall --min f1_score=0.7',
      run: async ctx => `${(await listVersions(ctx, { criteria: FILTER })).length} matches`,
      cli: ['list', ...FILTER_ARGS],
      quickRead: true
    },
    {
      name: 'show',
      label: `show ${production}`,
      run: async ctx => (await showVersion(ctx, production)).version,
      cli: ['show', production],
      quickRead: true
    },
    {
      name: 'resolve',
      label: 'resolve latest production (resolveCriteria)',
      run: async ctx => {
        const v = await resolveCriteria(await ctx.backend.snapshot(), { stage: 'production' })
        return `${v.name}@${v.version}`
      },
      cli: [],
      quickRead: true
    },
    {
      name: 'fetch',
      label: 'fetch --stage production (resolve + verified copy)',
      run: async ctx => {
        const { version } = await fetchModel(ctx, { criteria: { stage: 'production' }, out: fetchDir })
        return `${version.name}@${version.version}, ${version.artifact.size} B`
      },
      cli: ['fetch', '--stage', 'production', '--out', fetchDir],
      quickRead: true
    },
    {
      name: 'compare',
      label: `compare ${production} ${older}`,
      run: async ctx => {
        const { versions, comparison } = await compare(ctx, [production, older])
        return `${versions.map(v => v.version).join(' vs ')}, ${comparison.metrics.length} metrics`
      },
      cli: ['compare', production, older],
      quickRead: true
    },
    {
      name: 'history',
      label: `history ${production}`,
      run: async ctx => {
        const outcome = await history(ctx, { target: production })
        return `${outcome.events.length} commits, ${outcome.stages.length} stage spans`
      },
      cli: ['history', production],
      quickRead: false
    }
  ]
}

interface OpResult {
  op: Op
  answer: string
  inProcess: Stats
  cold: Stats
  cli: Stats | null
}

async function cliRuns(env: BenchEnv, repo: string, args: string[]): Promise<Stats> {
  // The warm-up run fills the page cache and is not counted; slow commands get fewer runs.
  const warm = await mreg(env, repo, ['--json', ...args])
  const runs = env.quick || warm.ms > 1000 ? 3 : 5
  const samples: number[] = []
  for (let i = 0; i < runs; i++) samples.push((await mreg(env, repo, ['--json', ...args])).ms)
  return stats(samples)
}

async function measureScenario(env: BenchEnv, scenario: Scenario, first: string): Promise<OpResult[]> {
  const repo = join(env.tmp, scenario.key)
  const fetchDir = join(env.tmp, `${scenario.key}-fetched`)
  await mkdir(fetchDir, { recursive: true })
  const clock = testClock('2030-01-01T00:00:00Z')
  const ctx = localContext(repo, clock)
  const coldBudget = env.quick
    ? { warmup: 0, minRuns: 3, maxRuns: 5, budgetMs: 400 }
    : { warmup: 0, minRuns: 3, maxRuns: 8, budgetMs: 800 }
  const budget = env.quick
    ? { warmup: 1, minRuns: 3, maxRuns: 20, budgetMs: 600 }
    : { warmup: 2, minRuns: 5, maxRuns: MAX_RUNS, budgetMs: 1500 }
  const results: OpResult[] = []
  for (const op of operations(scenario, first, fetchDir)) {
    let answer = ''
    // Cold: a new context per call (no parsed trees or commits cached); compiled schemas stay.
    const cold = await measure(async () => void (await op.run(localContext(repo, clock))), coldBudget)
    const inProcess = await measure(
      async () => {
        answer = await op.run(ctx)
      },
      op.quickRead ? budget : { ...budget, maxRuns: 10 }
    )
    const cli = op.cli.length > 0 ? await cliRuns(env, repo, op.cli) : null
    log(
      `${scenario.label}: ${op.label}: ${ms(inProcess.median)} ms warm, ${ms(cold.median)} ms cold, ${cli ? ms(cli.median) : '–'} ms CLI`
    )
    results.push({ op, answer, inProcess, cold, cli })
  }
  return results
}

/** A file of the registry branch and its size in bytes. */
interface SizedFile {
  path: string
  bytes: number
}

/**
 * What a read opens in layout 2 (docs/ARCHITECTURE.md): the catalog, a model's head.json and
 * its row shards — the largest of each, since their sizes, not the model's, bound a read.
 */
function registryFacts(repo: string): {
  catalog: SizedFile
  largestHead: SizedFile
  largestShard: SizedFile
  commits: number
  objects: string
} {
  let catalog: SizedFile = { path: 'catalog.json', bytes: 0 }
  let largestHead: SizedFile = { path: '–', bytes: 0 }
  let largestShard: SizedFile = { path: '–', bytes: 0 }
  for (const line of git(repo, 'ls-tree', '-r', '-l', 'model-registry').split('\n')) {
    // <mode> <type> <oid> <size>\t<path>
    const match = /^\S+ blob \S+\s+(\d+)\t(.*)$/.exec(line)
    if (!match) continue
    const file = { path: match[2] as string, bytes: Number(match[1]) }
    if (file.path === 'catalog.json') catalog = file
    else if (/^models\/[^/]+\/head\.json$/.test(file.path) && file.bytes > largestHead.bytes)
      largestHead = file
    else if (/^models\/[^/]+\/rows\//.test(file.path) && file.bytes > largestShard.bytes) largestShard = file
  }
  const counts = Object.fromEntries(
    git(repo, 'count-objects', '-v')
      .split('\n')
      .map(line => line.split(': ') as [string, string])
  )
  const kibOnDisk = Number(counts['size'] ?? 0) + Number(counts['size-pack'] ?? 0)
  return {
    catalog,
    largestHead,
    largestShard,
    commits: Number(git(repo, 'rev-list', '--count', 'model-registry')),
    objects: `${Number(counts['count'] ?? 0) + Number(counts['in-pack'] ?? 0)} objects, ${mib(kibOnDisk * 1024)} MiB`
  }
}

async function main(env: BenchEnv): Promise<BenchResult> {
  const started = Date.now()
  const all = scenarios(env.quick)
  log(`building ${all.map(s => s.label).join(' and ')} in parallel (one process each)`)
  const summaries = new Map<string, BuildSummary>()
  await Promise.all(
    all.map(async s => {
      const out = join(env.tmp, `${s.key}-build.json`)
      await buildInChild(s, out)
      summaries.set(s.key, JSON.parse(await readFile(out, 'utf8')) as BuildSummary)
    })
  )

  const baselineRuns = env.quick ? 3 : 5
  const nodeStart: number[] = []
  const helpStart: number[] = []
  for (let i = 0; i <= baselineRuns; i++) {
    const a = await runProcess(process.execPath, ['-e', '0'])
    const b = await runProcess(process.execPath, [env.cli, '--help'])
    if (i > 0) {
      nodeStart.push(a.ms)
      helpStart.push(b.ms)
    }
  }
  const node0 = stats(nodeStart)
  const help = stats(helpStart)
  // The JSON Schemas are compiled on first use in every process: part of every CLI command's cost.
  const policy = defaultPolicy('local')
  const compile = await timed(async () => validatePolicy(policy, 'registry.json'))
  const again = await timed(async () => validatePolicy(policy, 'registry.json'))

  const tables: Table[] = []
  const goals: Goal[] = []
  const notes: string[] = []
  const buildRows: string[][] = []
  for (const scenario of all) {
    const build = summaries.get(scenario.key) as BuildSummary
    const results = await measureScenario(env, scenario, build.firstVersion[scenario.model] as string)
    const facts = registryFacts(join(env.tmp, scenario.key))
    tables.push({
      title: `${scenario.label} — reads (ms)`,
      columns: [
        'operation',
        'in-process warm median',
        'warm p95',
        'warm runs',
        'in-process cold median',
        'CLI end to end median',
        'CLI runs',
        'answer'
      ],
      rows: results.map(r => [
        r.op.label,
        ms(r.inProcess.median),
        ms(r.inProcess.p95),
        String(r.inProcess.runs),
        ms(r.cold.median),
        r.cli ? ms(r.cli.median) : '–',
        r.cli ? String(r.cli.runs) : '–',
        r.answer
      ])
    })
    buildRows.push([
      scenario.label,
      `${build.registrations} + ${build.promotions} promotions`,
      build.seconds.toFixed(1),
      ms(build.firstRegister.median),
      ms(build.lastRegister.median),
      ms(build.promote.median),
      `${kib(facts.catalog.bytes)} KiB`,
      `${kib(facts.largestHead.bytes)} KiB (${facts.largestHead.path})`,
      `${kib(facts.largestShard.bytes)} KiB (${facts.largestShard.path})`,
      String(facts.commits),
      facts.objects
    ])

    const reads = results.filter(r => r.op.quickRead)
    const slowest = reads.reduce((a, b) => (b.inProcess.median > a.inProcess.median ? b : a))
    goals.push({
      goal: `reads in-process (list, filtered list, show @production, resolve, fetch, compare) median < 50 ms at ${scenario.label}`,
      measured: `slowest: ${slowest.op.name} ${ms(slowest.inProcess.median)} ms (p95 ${ms(slowest.inProcess.p95)})`,
      met: reads.every(r => r.inProcess.median < 50)
    })
    const hist = results.find(r => !r.op.quickRead) as OpResult
    goals.push({
      goal: `history of one version in-process median < ${HISTORY_LIMIT} ms at ${scenario.label}`,
      measured: `${ms(hist.inProcess.median)} ms (${hist.answer}, ${facts.commits} commits on the branch)`,
      met: hist.inProcess.median < HISTORY_LIMIT
    })
    goals.push({
      goal: `history of one version through the CLI end to end < ${HISTORY_CLI_LIMIT} ms at ${scenario.label}`,
      measured: `${ms((hist.cli as Stats).median)} ms (in-process cold ${ms(hist.cold.median)} ms)`,
      met: (hist.cli as Stats).median < HISTORY_CLI_LIMIT
    })
    const cliReads = reads.filter(r => r.cli)
    const slowestCli = cliReads.reduce((a, b) => ((b.cli as Stats).median > (a.cli as Stats).median ? b : a))
    const show = results.find(r => r.op.name === 'show') as OpResult
    const share = help.median / (show.cli as Stats).median
    goals.push({
      goal: `CLI reads end to end < 500 ms, dominated by start-up (\`mreg --help\` ≥ 50 % of \`show\`) at ${scenario.label}`,
      measured: `slowest: ${slowestCli.op.name} ${ms((slowestCli.cli as Stats).median)} ms; start-up ${ms(help.median)} ms = ${Math.round(share * 100)} % of show`,
      met: cliReads.every(r => (r.cli as Stats).median < 500) && share >= 0.5
    })
  }

  tables.push({
    title: 'The registries as built (through register and promote, in-process)',
    columns: [
      'registry',
      'writes',
      'build s',
      'register ms, first 100 (median)',
      'register ms, last 100 (median)',
      'promote ms (median)',
      'catalog.json',
      'largest head.json',
      'largest row shard',
      'commits',
      'git objects on disk'
    ],
    rows: buildRows
  })
  tables.push({
    title: 'Start-up baselines (ms, median)',
    columns: ['command', 'median', 'p95', 'runs'],
    rows: [
      ['node -e 0', ms(node0.median), ms(node0.p95), String(node0.runs)],
      ['node mreg.cjs --help (bundled CLI)', ms(help.median), ms(help.p95), String(help.runs)],
      [
        'first schema validation in a process (ajv compiles the schemas; in-process)',
        ms(compile.ms),
        '–',
        `1 (then ${ms(again.ms)})`
      ]
    ]
  })
  notes.push(
    'In-process warm: one CommandContext answers repeatedly (warm-up calls first); each call opens a snapshot of the branch tip as the commands do. In-process cold: a new CommandContext per call (no parsed commits or trees cached), in a process that has already compiled the schemas. CLI: `node mreg.cjs --registry REPO --json …` as a child process, one discarded warm-up run, then the median.',
    '`list (all)` with `--json` prints every version document, so its CLI time includes serialising and piping them.',
    'The registries were built with loose objects only (mreg writes objects directly; nothing ran `git gc`).'
  )
  return {
    name: 'read-latency',
    title: 'Read latency at scale',
    measures:
      'registries built through register/promote (in-process, injected clock, tiny distinct files): one model with many versions and many models with 10 versions; median and p95 of list (all and filtered by stage+tag+min metric), show `@production`, resolving the latest production version, fetch (resolve + verified copy), compare and history — in-process (warm) and end to end through the bundled CLI as a child process; also register/promote cost while building and the sizes of what a layout 2 read opens (catalog.json, the largest head.json and row shard).',
    tables,
    goals,
    notes,
    ok: true,
    seconds: (Date.now() - started) / 1000
  }
}

const building = process.env.BENCH_BUILD
if (building) {
  const env = benchEnv()
  const scenario = scenarios(env.quick).find(s => s.key === building)
  if (!scenario) throw new Error(`unknown scenario ${building}`)
  await buildRegistry(env, scenario, process.env.BENCH_BUILD_OUT as string)
} else {
  runBenchmark(main)
}
