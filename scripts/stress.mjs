#!/usr/bin/env node
/**
 * npm run stress — the long runs of the reliability suite (issue 11; results in docs/RELIABILITY.md).
 *
 *   crash       kill -9 at a random moment during register (64 KiB, 24 MiB and 160 MiB files, so
 *               many kills land while the store copies), promote, edit, cleanup and delete, drawn
 *               within the command's own recent unkilled time, until --crash-runs (default 300)
 *               runs were killed mid-command; every fifth run is not killed; afterwards the ref
 *               resolves, `git fsck --strict` is clean, every registration that reported success is present and fetchable, doctor
 *               reports no problem, and one cleanup leaves no orphan, temp file or pin behind.
 *   migrate     kill -9 during `mreg migrate` of a layout 1 branch (test/fixtures/v1-registry.bundle;
 *               --migrate-runs, default 40; kills drawn within an uninterrupted migrate's time): the
 *               ref is the layout 1 tip or the complete layout 2 commit, fsck clean; migrate again gives exactly the tree of an uninterrupted run.
 *   resources   a 3 GiB (sparse, every byte read and hashed) artifact registered and fetched: peak
 *               RSS of each process within 64 MiB of the same command on a 1 MiB file.
 *   fuzz        the hostile-input suites (test/integration/reliability/hostile-*.test.ts) with
 *               MREG_FUZZ_RUNS (--fuzz-runs, default 200) generated cases per property and the
 *               full cross products.
 *   race        register of already-stored bytes against delete --force / cleanup of the other
 *               version using them (--race-runs, default 40): every reported success fetchable.
 *   housekeeping  git gc --aggressive --prune=now, pack-refs --all, repack -ad, then every command,
 *               then mreg writers and git CLI writers on the registry branch at once: nothing lost.
 *   github      every GitHub call × every fault kind against the emulator (--github-runs per cell,
 *               default 5: 235 faulted runs; scripts/stress-github-faults.mjs).
 *
 * Prints one line per scenario and then `N passed, N failed (lost L, corrupt C)`; exits 1 when
 * anything failed. Options: --crash-runs N --race-runs N --migrate-runs N --fuzz-runs N
 * --github-runs N --github-sites reviews,statuses --replay N --parallel N (scenarios at a time, default 2)
 * --only crash,migrate,race,housekeeping,resources,fuzz,github
 */
import { execFile, execFileSync, spawn } from 'node:child_process'
import { promisify } from 'node:util'
import { cp, mkdtemp, open, readFile, readdir, rm, stat, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import { githubFaultsScenario } from './stress-github-faults.mjs'

const args = process.argv.slice(2)
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1] : fallback
}
const CRASH_RUNS = Number(option('crash-runs', 300))
const RACE_RUNS = Number(option('race-runs', 40))
const MIGRATE_RUNS = Number(option('migrate-runs', 40))
const FUZZ_RUNS = Number(option('fuzz-runs', 200))
const GITHUB_RUNS = Number(option('github-runs', 5))
const GITHUB_SITES = option('github-sites', undefined)?.split(',')
const ONLY = new Set(option('only', 'crash,migrate,race,housekeeping,resources,fuzz,github').split(','))
// scenarios run this many at a time (the machine has 2 cores); each has its own random stream
// derived from --replay and its name, so that a replay repeats each scenario's choices whatever
// the interleaving
const PARALLEL = Math.max(1, Number(option('parallel', 2)))
const REPLAY = Number(option('replay', Date.now() % 1_000_000))
function randomFor(name) {
  let state = REPLAY
  for (const c of name) state = (state * 31 + c.charCodeAt(0)) % 2 ** 31
  return () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
}

const totals = { passed: 0, failed: 0, lost: 0, corrupt: 0 }
const failures = []
const env = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  MREG_ACTOR: 'stress',
  GIT_AUTHOR_NAME: 'Stress',
  GIT_AUTHOR_EMAIL: 'stress@example.test',
  GIT_COMMITTER_NAME: 'Stress',
  GIT_COMMITTER_EMAIL: 'stress@example.test',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null'
}

const work = await mkdtemp(join(tmpdir(), 'mreg-stress-'))
const bundle = join(work, 'mreg.mjs')
await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'error',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" }
})

const git = (cwd, ...a) => execFileSync('git', a, { cwd, env, stdio: 'pipe' }).toString().trim()

// peak RSS of a child: a preload that writes /proc/self/status VmHWM (KiB) to MREG_STRESS_HWM at exit
const hwmPreload = join(work, 'hwm.mjs')
await writeFile(
  hwmPreload,
  "import { readFileSync, writeFileSync } from 'node:fs'\n" +
    "process.on('exit', () => { const m = /VmHWM:\\s+(\\d+)/.exec(readFileSync('/proc/self/status', 'utf8')); if (process.env.MREG_STRESS_HWM) writeFileSync(process.env.MREG_STRESS_HWM, m[1]) })\n"
)

/** mreg in a child process; `killAfterMs` sends SIGKILL then; `hwmFile` receives its peak RSS. */
function mreg(repo, argv, killAfterMs, hwmFile) {
  return new Promise(resolve => {
    const preload = hwmFile ? ['--import', hwmPreload] : []
    const childEnv = hwmFile ? { ...env, MREG_STRESS_HWM: hwmFile } : env
    const child = spawn(process.execPath, [...preload, bundle, '--registry', repo, ...argv], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', c => (stdout += c))
    child.stderr.on('data', c => (stderr += c))
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal, stdout, stderr })
    })
  })
}

async function newRepo(name) {
  const dir = join(work, name)
  execFileSync('git', ['init', '-q', '-b', 'main', dir], { env })
  git(dir, 'commit', '-q', '--allow-empty', '-m', 'initial')
  const init = await mreg(dir, ['init'])
  if (init.code !== 0) throw new Error(`init failed: ${init.stderr}`)
  return dir
}

async function modelFile(path, size, fill) {
  const handle = await open(path, 'w')
  const chunk = Buffer.alloc(Math.min(size, 1 << 20))
  for (let i = 0; i < chunk.length; i++) chunk[i] = (fill * 31 + i * 7) & 0xff
  for (let written = 0; written < size; written += chunk.length) await handle.write(chunk, 0, Math.min(chunk.length, size - written))
  await handle.close()
  return path
}

function record(scenario, ok, detail) {
  if (ok) totals.passed++
  else {
    totals.failed++
    failures.push(`${scenario}: ${detail}`)
  }
}

/**
 * A kill between taking the branch's lock and renaming it over the ref leaves the lock, as a
 * killed git does. The next write must then say so in one line (naming the file, not exit 70);
 * the lock is then deleted, as that message tells a person to. Returns the probe's result.
 */
let locksLeft = 0
async function probeLeftLock(repo, scenario, probeArgv) {
  const lock = join(repo, '.git', 'refs', 'heads', 'model-registry.lock')
  if (!(await stat(lock).catch(() => null))) return null
  locksLeft++
  const probe = await mreg(repo, probeArgv)
  const message = probe.stderr.trim()
  const clear = probe.code !== 0 && probe.code !== 70 && !message.includes('\n') && message.includes(`${lock} has existed for`)
  record(scenario, clear, `a lock left by a kill: the next ${probeArgv.join(' ')} said (exit ${probe.code}) ${message}`)
  await rm(lock, { force: true })
  return probe
}

/** Every version reported registered is present and fetches verified; counts lost and corrupt. */
async function checkRegistered(repo, registered, scenario) {
  const listed = JSON.parse((await mreg(repo, ['--json', 'list', '--include-archived'])).stdout || '[]')
  const byRef = new Map(listed.map(v => [`${v.name}@${v.version}`, v]))
  for (const version of registered) {
    const ref = `${version.name}@${version.version}`
    const now = byRef.get(ref)
    if (!now) {
      totals.lost++
      record(scenario, false, `${ref} reported registered but missing from the registry`)
      continue
    }
    if (now.artifact.deleted) continue // archived by a cleanup afterwards: metadata kept, as designed
    const out = join(work, `fetched-${scenario}.bin`)
    const fetched = await mreg(repo, ['fetch', ref, '--out', out])
    await rm(out, { force: true })
    if (fetched.code !== 0) {
      if (/missing/.test(fetched.stderr)) totals.lost++
      else totals.corrupt++
      record(scenario, false, `${ref}: fetch exit ${fetched.code}: ${fetched.stderr.trim()}`)
    }
  }
}

async function checkRepository(repo, scenario, { fsck }) {
  try {
    git(repo, 'rev-parse', '--verify', 'model-registry^{commit}')
  } catch (error) {
    totals.corrupt++
    record(scenario, false, `ref does not resolve: ${error.message}`)
    return
  }
  if (fsck) {
    try {
      // asynchronous: a scenario running beside this one keeps its kill timers on time
      await promisify(execFile)('git', ['fsck', '--strict', '--no-progress'], { cwd: repo, env })
    } catch (error) {
      totals.corrupt++
      record(scenario, false, `git fsck --strict: ${String(error.stderr ?? error.message).trim()}`)
    }
  }
  const doctor = await mreg(repo, ['--json', 'doctor'])
  let outcome
  try {
    outcome = JSON.parse(doctor.stdout)
  } catch {
    record(scenario, false, `doctor exit ${doctor.code}: ${doctor.stderr.trim()}`)
    return
  }
  const problems = outcome.findings.filter(f => f.severity === 'problem')
  if (problems.length > 0) {
    totals.corrupt++
    record(scenario, false, `doctor: ${problems.map(f => `${f.kind} ${f.subject}`).join('; ')}`)
  }
}

async function crashScenario(random) {
  const repo = await newRepo('crash')
  const files = []
  for (let i = 0; i < 6; i++) files.push(await modelFile(join(work, `crash-${i}.bin`), i % 3 === 0 ? 24 << 20 : 64 << 10, i))
  // large enough that a kill often lands while the store copies it
  files.push(await modelFile(join(work, 'crash-large.bin'), 160 << 20, 99))
  const registered = []
  const ops = ['register', 'register', 'promote', 'edit', 'cleanup', 'delete']
  const byOp = {}
  let killed = 0
  // How long each command takes when it is not killed (the latest few, per command and file):
  // a kill is drawn within that, so most runs die mid-command whatever the machine's speed.
  const durations = new Map()
  const killAt = key => {
    const seen = durations.get(key)
    if (!seen || seen.length === 0) return undefined // learn how long it takes first
    const typical = [...seen].sort((a, b) => a - b)[Math.floor(seen.length / 2)]
    return Math.floor(random() * typical)
  }
  // --crash-runs counts runs killed mid-command; every fifth run goes unkilled, so that "every
  // reported success is present and fetchable" is exercised too (bounded, in case kills never land)
  let run = 0
  for (; killed < CRASH_RUNS && run < CRASH_RUNS * 3; run++) {
    const op = ops[Math.floor(random() * ops.length)]
    const listed = JSON.parse((await mreg(repo, ['--json', 'list'])).stdout || '[]')
    const someone = listed[Math.floor(random() * listed.length)]
    let argv
    if (op === 'register' || !someone) {
      argv = ['--json', 'register', files[Math.floor(random() * files.length)], '--type', `crash${Math.floor(random() * 3)}`]
    } else if (op === 'promote') {
      argv = ['--json', 'promote', `${someone.name}@${someone.version}`, '--to', random() < 0.5 ? 'staging' : 'deprecated']
    } else if (op === 'edit') {
      argv = ['--json', 'edit', `${someone.name}@${someone.version}`, random() < 0.5 ? '--add-tag' : '--notes', `t${Math.floor(random() * 1000)}`]
    } else if (op === 'cleanup') {
      argv = ['--json', 'cleanup', '--keep-last', '3']
    } else {
      argv = ['--json', 'delete', `${someone.name}@${someone.version}`, '--force']
    }
    const before = totals.failed
    const started = Date.now()
    const key = argv[1] === 'register' ? `register ${argv[2]}` : argv[1]
    const result = await mreg(repo, argv, run % 5 === 4 ? undefined : killAt(key))
    const wasKilled = result.signal === 'SIGKILL'
    if (wasKilled) killed++
    else durations.set(key, [...(durations.get(key) ?? []), Date.now() - started].slice(-5))
    if (run % 50 === 49) console.log(`  crash run ${run + 1}, ${killed}/${CRASH_RUNS} killed (${Math.round((Date.now() - started) / 100) / 10} s for the last command)`)
    const tally = (byOp[argv[1]] ??= { runs: 0, killed: 0 })
    tally.runs++
    if (wasKilled) tally.killed++
    if (result.code === 0 && argv[1] === 'register') registered.push(JSON.parse(result.stdout))
    // a delete, even one killed (it may have committed first), takes its version out of what must survive
    if (argv[1] === 'delete') {
      const gone = registered.findIndex(v => v.name === someone.name && v.version === someone.version)
      if (gone >= 0) registered.splice(gone, 1)
    }
    if (wasKilled) {
      const probe = await probeLeftLock(repo, 'crash', ['--json', 'register', files[0], '--type', 'crash0'])
      if (probe?.code === 0) registered.push(JSON.parse(probe.stdout))
    }
    // after every run: the ref resolves, git fsck --strict is clean, doctor has no problem
    await checkRepository(repo, 'crash', { fsck: true })
    if (totals.failed === before) totals.passed++
  }
  await checkRegistered(repo, registered, 'crash')
  await checkRepository(repo, 'crash', { fsck: true })
  // one cleanup sweeps whatever the killed processes left
  await mreg(repo, ['cleanup', '--keep-last', '1000'])
  const store = join(repo, '.git', 'mreg', 'objects')
  const left = [...(await readdir(join(store, 'tmp')).catch(() => [])), ...(await readdir(join(store, 'pins')).catch(() => []))]
  const doctor = JSON.parse((await mreg(repo, ['--json', 'doctor'])).stdout)
  record('crash', left.length === 0 && doctor.findings.length === 0, `after cleanup: ${left.length} leftovers, ${doctor.findings.length} findings`)
  const perOp = Object.entries(byOp).map(([op, t]) => `${op} ${t.runs} (${t.killed} killed)`).join(', ')
  console.log(`crash: ${run} runs, ${killed} killed mid-command [${perOp}], ${registered.length} registrations reported and checked`)
}

async function raceScenario() {
  const repo = await newRepo('race')
  const registered = []
  for (let round = 0; round < RACE_RUNS; round++) {
    const name = `race${round}`
    const shared = await modelFile(join(work, `${name}.bin`), 8 << 20, 100 + round)
    await mreg(repo, ['register', shared, '--type', name])
    let remover
    if (round % 2 === 0) remover = mreg(repo, ['delete', `${name}@1.0.0`, '--force'])
    else {
      await mreg(repo, ['register', await modelFile(join(work, `${name}-b.bin`), 4096, round), '--type', name])
      remover = mreg(repo, ['cleanup', '--keep-last', '1'])
    }
    const [again] = await Promise.all([mreg(repo, ['--json', 'register', shared, '--type', name]), remover])
    await rm(shared, { force: true })
    if (again.code !== 0) continue
    const version = JSON.parse(again.stdout)
    registered.push(version)
    const before = totals.failed
    await checkRegistered(repo, [version], 'race')
    if (totals.failed === before) totals.passed++
  }
  console.log(`race: ${RACE_RUNS} rounds (half against delete --force, half against cleanup), ${registered.length} registrations checked`)
}

async function housekeepingScenario(random) {
  const repo = await newRepo('housekeeping')
  const registered = []
  for (let i = 0; i < 5; i++) {
    const result = await mreg(repo, ['--json', 'register', await modelFile(join(work, `hk-${i}.bin`), 8192, i), '--type', 'hk'])
    if (result.code === 0) registered.push(JSON.parse(result.stdout))
  }
  for (const step of [['gc', '--aggressive', '--prune=now', '--quiet'], ['pack-refs', '--all'], ['repack', '-ad', '--quiet']]) {
    git(repo, ...step)
    const commands = [
      ['list'],
      ['show', 'hk@latest'],
      ['history', 'hk'],
      ['fetch', 'hk@latest', '--out', join(work, 'hk-out.bin')],
      ['promote', 'hk@1.0.1', '--to', 'staging'],
      ['promote', 'hk@1.0.1', '--to', 'development'],
      ['doctor']
    ]
    for (const argv of commands) {
      const result = await mreg(repo, argv)
      record('housekeeping', result.code === 0, `after git ${step[0]}: mreg ${argv.join(' ')} exit ${result.code}: ${result.stderr.trim()}`)
    }
    const reg = await mreg(repo, ['--json', 'register', await modelFile(join(work, `hk-${step[0]}.bin`), 8192, step[0].length + 50), '--type', 'hk'])
    record('housekeeping', reg.code === 0, `after git ${step[0]}: register exit ${reg.code}: ${reg.stderr.trim()}`)
    if (reg.code === 0) registered.push(JSON.parse(reg.stdout))
  }
  // the branch only in packed-refs now; 4 mreg writers and a git CLI writer on the same branch at once
  git(repo, 'pack-refs', '--all')
  const gitCommits = []
  const gitWriter = (async () => {
    for (let i = 0; i < 10; i++) {
      for (let attempt = 0; attempt < 50; attempt++) {
        const old = git(repo, 'rev-parse', 'model-registry')
        const blob = execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: repo, env, input: `note ${i}\n` }).toString().trim()
        const tree = execFileSync('git', ['mktree'], { cwd: repo, env, input: `${git(repo, 'ls-tree', old)}\n100644 blob ${blob}\tNOTES-${i}.txt\n` }).toString().trim()
        const commit = git(repo, 'commit-tree', tree, '-p', old, '-m', `notes ${i}`)
        try {
          git(repo, 'update-ref', 'refs/heads/model-registry', commit, old)
          gitCommits.push(commit)
          break
        } catch {
          await new Promise(r => setTimeout(r, 20 + random() * 50))
        }
      }
    }
  })()
  const writers = []
  for (let w = 0; w < 4; w++) {
    writers.push((async () => {
      for (let i = 0; i < 4; i++) {
        const result = await mreg(repo, ['--json', 'register', await modelFile(join(work, `hkc-${w}-${i}.bin`), 4096, 1000 + w * 10 + i), '--type', `hkc${w}`])
        if (result.code === 0) registered.push(JSON.parse(result.stdout))
        else record('housekeeping', false, `concurrent register exit ${result.code}: ${result.stderr.trim()}`)
      }
    })())
  }
  await Promise.all([gitWriter, ...writers])
  for (const commit of gitCommits) {
    let reachable = true
    try {
      git(repo, 'merge-base', '--is-ancestor', commit, 'model-registry')
    } catch {
      reachable = false
    }
    if (!reachable) totals.lost++
    record('housekeeping', reachable, `git CLI commit ${commit} lost from the branch`)
  }
  await checkRegistered(repo, registered, 'housekeeping')
  await checkRepository(repo, 'housekeeping', { fsck: true })
  console.log(`housekeeping: gc/pack-refs/repack × 8 commands, then 4 mreg writers × 4 + git CLI ${gitCommits.length} commits concurrently; ${registered.length} registrations checked`)
}

async function migrateScenario(random) {
  const base = join(work, 'migrate-base')
  execFileSync('git', ['clone', '-q', resolve('test/fixtures/v1-registry.bundle'), base], { env })
  git(base, 'branch', '-q', 'model-registry', 'origin/model-registry')
  git(base, 'remote', 'remove', 'origin')
  const v1 = git(base, 'rev-parse', 'model-registry')
  // the tree an uninterrupted migrate gives
  const reference = join(work, 'migrate-reference')
  await cp(base, reference, { recursive: true })
  const t0 = Date.now()
  const done = await mreg(reference, ['migrate'])
  // kills are drawn within an uninterrupted migrate's own time, so most land mid-command
  const migrateMs = Date.now() - t0
  if (done.code !== 0) throw new Error(`migrate failed: ${done.stderr}`)
  const tree = git(reference, 'rev-parse', 'model-registry^{tree}')
  let killed = 0
  for (let run = 0; run < MIGRATE_RUNS; run++) {
    const repo = join(work, `migrate-${run}`)
    await cp(base, repo, { recursive: true })
    const result = await mreg(repo, ['migrate'], Math.floor(random() * migrateMs))
    if (result.signal === 'SIGKILL') killed++
    let ok = true
    let detail = ''
    const tip = git(repo, 'rev-parse', '--verify', 'model-registry^{commit}')
    const tipTree = git(repo, 'rev-parse', 'model-registry^{tree}')
    if (tip !== v1 && tipTree !== tree) {
      ok = false
      totals.corrupt++
      detail = `after a kill the branch is neither layout 1 nor the complete migration (${tip})`
    }
    try {
      // asynchronous: a scenario running beside this one keeps its kill timers on time
      await promisify(execFile)('git', ['fsck', '--strict', '--no-progress'], { cwd: repo, env })
    } catch (error) {
      ok = false
      totals.corrupt++
      detail = `git fsck --strict: ${String(error.stderr ?? error.message).trim()}`
    }
    if (result.code === 0 && tipTree !== tree) {
      ok = false
      detail = 'migrate reported success but the branch is not migrated'
    }
    if (result.signal === 'SIGKILL') await probeLeftLock(repo, 'migrate', ['migrate'])
    const again = await mreg(repo, ['migrate'])
    if (again.code !== 0 || git(repo, 'rev-parse', 'model-registry^{tree}') !== tree) {
      ok = false
      detail = `migrate again: exit ${again.code} ${again.stderr.trim()}; tree differs from an uninterrupted run`
    }
    record('migrate', ok, `run ${run}: ${detail}`)
    await rm(repo, { recursive: true, force: true })
  }
  console.log(`migrate: ${MIGRATE_RUNS} runs, ${killed} killed mid-command`)
}

async function resourcesScenario() {
  const repo = await newRepo('resources')
  const peak = async (argv, label) => {
    const hwm = join(work, `hwm-${label}`)
    const result = await mreg(repo, argv, undefined, hwm)
    if (result.code !== 0) throw new Error(`${label}: exit ${result.code}: ${result.stderr}`)
    return { kib: Number(await readFile(hwm, 'utf8')), result }
  }
  const small = await modelFile(join(work, 'small.bin'), 1 << 20, 1)
  const big = join(work, 'big.bin')
  await writeFile(big, 'start')
  await truncate(big, 3 * 1024 ** 3) // sparse: reads as zeros, every byte still read and hashed
  const smallReg = await peak(['--json', 'register', small, '--type', 'small'], 'small-register')
  const bigReg = await peak(['--json', 'register', big, '--type', 'big'], 'big-register')
  const smallFetch = await peak(['fetch', 'small@latest', '--out', join(work, 'small-out.bin')], 'small-fetch')
  const started = Date.now()
  const bigFetch = await peak(['fetch', 'big@latest', '--out', join(work, 'big-out.bin')], 'big-fetch')
  const fetchSeconds = (Date.now() - started) / 1000
  const recorded = JSON.parse(bigReg.result.stdout)
  const expected = execFileSync('sha256sum', [big]).toString().split(' ')[0]
  record('resources', recorded.artifact.sha256 === expected, `3 GiB sha256 ${recorded.artifact.sha256} != sha256sum ${expected}`)
  const fetchedSize = (await stat(join(work, 'big-out.bin'))).size
  record('resources', fetchedSize === 3 * 1024 ** 3, `3 GiB fetch wrote ${fetchedSize} bytes`)
  for (const [what, a, b] of [['register', smallReg, bigReg], ['fetch', smallFetch, bigFetch]]) {
    const ok = b.kib <= a.kib + 64 * 1024
    record('resources', ok, `${what}: peak RSS 3 GiB ${Math.round(b.kib / 1024)} MiB vs 1 MiB ${Math.round(a.kib / 1024)} MiB`)
    console.log(`resources: ${what} peak RSS ${Math.round(a.kib / 1024)} MiB (1 MiB file), ${Math.round(b.kib / 1024)} MiB (3 GiB file)`)
  }
  console.log(`resources: 3 GiB fetch (verified) in ${fetchSeconds.toFixed(1)} s`)
  await rm(join(work, 'big-out.bin'), { force: true })
  await rm(big, { force: true })
  await rm(repo, { recursive: true, force: true })
}

async function fuzzScenario() {
  const results = join(work, 'fuzz.json')
  // not spawnSync: the other scenario running beside this one needs the event loop
  const run = await new Promise(resolve => {
    const child = spawn('npx', ['jest', '--json', `--outputFile=${results}`, 'test/integration/reliability/hostile-'], {
      env: { ...process.env, MREG_FUZZ_RUNS: String(FUZZ_RUNS), NODE_OPTIONS: '--experimental-vm-modules --disable-warning=ExperimentalWarning' },
      stdio: ['ignore', 'ignore', 'pipe']
    })
    let stderr = ''
    child.stderr.on('data', c => (stderr = (stderr + c).slice(-20_000)))
    child.on('close', status => resolve({ status, stderr }))
  })
  let report
  try {
    report = JSON.parse(execFileSync('cat', [results]).toString())
  } catch {
    record('fuzz', false, `jest wrote no results (exit ${run.status}): ${String(run.stderr).slice(-2000)}`)
    return
  }
  for (const file of report.testResults)
    for (const t of file.assertionResults) record('fuzz', t.status === 'passed', `${t.fullName}: ${t.failureMessages.join(' ').slice(0, 600)}`)
  console.log(`fuzz: ${report.numTotalTests} tests (${FUZZ_RUNS} cases per property, full cross products): ${report.numPassedTests} passed, ${report.numFailedTests} failed`)
}

const started = Date.now()
try {
  // longest first (own times in docs/RELIABILITY.md), PARALLEL at a time: each lane takes the
  // next scenario when its own ends
  const scenarios = [
    ['crash', crashScenario],
    ['github', random => githubFaultsScenario({ runsPerCell: GITHUB_RUNS, sites: GITHUB_SITES, random, record, totals })],
    ['fuzz', fuzzScenario],
    ['race', raceScenario],
    ['resources', resourcesScenario],
    ['migrate', migrateScenario],
    ['housekeeping', housekeepingScenario]
  ].filter(([name]) => ONLY.has(name))
  const lane = async () => {
    for (let next = scenarios.shift(); next; next = scenarios.shift()) {
      const [name, scenario] = next
      const t0 = Date.now()
      await scenario(randomFor(name))
      console.log(`  (${name}: ${Math.round((Date.now() - t0) / 1000)} s)`)
    }
  }
  await Promise.all(Array.from({ length: PARALLEL }, lane))
} finally {
  await rm(work, { recursive: true, force: true })
}
for (const failure of failures.slice(0, 50)) console.log(`FAIL ${failure}`)
if (locksLeft > 0) console.log(`branch locks left by kills: ${locksLeft} (each named by the next write, then deleted)`)
console.log(`replay ${REPLAY}, ${Math.round((Date.now() - started) / 1000)} s`)
console.log(`${totals.passed} passed, ${totals.failed} failed (lost ${totals.lost}, corrupt ${totals.corrupt})`)
process.exitCode = totals.failed === 0 && totals.lost === 0 && totals.corrupt === 0 ? 0 : 1
