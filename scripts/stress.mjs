#!/usr/bin/env node
/**
 * npm run stress — the long runs of the reliability suite (issue 11; results in docs/RELIABILITY.md).
 *
 *   crash       kill -9 at a random moment during register, promote, cleanup and delete
 *               (--crash-runs, default 300); afterwards the ref resolves, `git fsck --strict` is
 *               clean, every registration that reported success is present and fetchable, doctor
 *               reports no problem, and one cleanup leaves no orphan, temp file or pin behind.
 *   race        register of already-stored bytes against delete --force / cleanup of the other
 *               version using them (--race-runs, default 40): every reported success fetchable.
 *   housekeeping  git gc --aggressive --prune=now, pack-refs --all, repack -ad, then every command,
 *               then mreg writers and git CLI writers on the registry branch at once: nothing lost.
 *   github      every GitHub call × every fault kind against the emulator (--github-runs per cell,
 *               default 5: 235 faulted runs; scripts/stress-github-faults.mjs).
 *
 * Prints one line per scenario and then `N passed, N failed (lost L, corrupt C)`; exits 1 when
 * anything failed. Options: --crash-runs N --race-runs N --github-runs N --seed N
 * --only crash,race,housekeeping,github
 */
import { execFileSync, spawn } from 'node:child_process'
import { mkdtemp, open, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'esbuild'
import { githubFaultsScenario } from './stress-github-faults.mjs'

const args = process.argv.slice(2)
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1] : fallback
}
const CRASH_RUNS = Number(option('crash-runs', 300))
const RACE_RUNS = Number(option('race-runs', 40))
// kills land anywhere in this window; a command that finishes first counts as a reported success
const KILL_WINDOW_MS = Number(option('kill-window-ms', 3000))
const GITHUB_RUNS = Number(option('github-runs', 5))
const ONLY = new Set(option('only', 'crash,race,housekeeping,github').split(','))
let seed = Number(option('seed', Date.now() % 1_000_000))
const SEED = seed
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)

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

/** mreg in a child process; `killAfterMs` sends SIGKILL then. */
function mreg(repo, argv, killAfterMs) {
  return new Promise(resolve => {
    const child = spawn(process.execPath, [bundle, '--registry', repo, ...argv], { env, stdio: ['ignore', 'pipe', 'pipe'] })
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
    const out = join(work, 'fetched.bin')
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
      execFileSync('git', ['fsck', '--strict', '--no-progress'], { cwd: repo, env, stdio: 'pipe' })
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

async function crashScenario() {
  const repo = await newRepo('crash')
  const files = []
  for (let i = 0; i < 6; i++) files.push(await modelFile(join(work, `crash-${i}.bin`), i % 3 === 0 ? 24 << 20 : 64 << 10, i))
  const registered = []
  const ops = ['register', 'register', 'promote', 'cleanup', 'delete']
  let killed = 0
  for (let run = 0; run < CRASH_RUNS; run++) {
    const op = ops[Math.floor(random() * ops.length)]
    const listed = JSON.parse((await mreg(repo, ['--json', 'list'])).stdout || '[]')
    const someone = listed[Math.floor(random() * listed.length)]
    let argv
    if (op === 'register' || !someone) {
      argv = ['--json', 'register', files[Math.floor(random() * files.length)], '--type', `crash${Math.floor(random() * 3)}`]
    } else if (op === 'promote') {
      argv = ['--json', 'promote', `${someone.name}@${someone.version}`, '--to', random() < 0.5 ? 'staging' : 'deprecated']
    } else if (op === 'cleanup') {
      argv = ['--json', 'cleanup', '--keep-last', '3']
    } else {
      argv = ['--json', 'delete', `${someone.name}@${someone.version}`, '--force']
    }
    const before = totals.failed
    const result = await mreg(repo, argv, Math.floor(random() * KILL_WINDOW_MS))
    if (result.signal === 'SIGKILL') killed++
    if (result.code === 0 && argv[1] === 'register') registered.push(JSON.parse(result.stdout))
    // a delete, even one killed (it may have committed first), takes its version out of what must survive
    if (argv[1] === 'delete') {
      const gone = registered.findIndex(v => v.name === someone.name && v.version === someone.version)
      if (gone >= 0) registered.splice(gone, 1)
    }
    await checkRepository(repo, 'crash', { fsck: run % 25 === 24 })
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
  console.log(`crash: ${CRASH_RUNS} runs, ${killed} killed mid-command, ${registered.length} registrations reported and checked`)
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

async function housekeepingScenario() {
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

const started = Date.now()
try {
  if (ONLY.has('crash')) await crashScenario()
  if (ONLY.has('race')) await raceScenario()
  if (ONLY.has('housekeeping')) await housekeepingScenario()
  if (ONLY.has('github')) await githubFaultsScenario({ runsPerCell: GITHUB_RUNS, random, record, totals })
} finally {
  await rm(work, { recursive: true, force: true })
}
for (const failure of failures.slice(0, 50)) console.log(`FAIL ${failure}`)
console.log(`seed ${SEED}, ${Math.round((Date.now() - started) / 1000)} s`)
console.log(`${totals.passed} passed, ${totals.failed} failed (lost ${totals.lost}, corrupt ${totals.corrupt})`)
process.exitCode = totals.failed === 0 && totals.lost === 0 && totals.corrupt === 0 ? 0 : 1
