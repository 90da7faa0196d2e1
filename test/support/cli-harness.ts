/**
 * Running mreg in tests: in-process through runCli (fast, same code as the binary) or as a
 * real child process of a fresh esbuild bundle (for concurrency and crash tests).
 */
import { afterAll, beforeAll } from '@jest/globals'
import { execFileSync, spawn } from 'node:child_process'
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { build } from 'esbuild'
import { runCli } from '../../src/cli/program.js'
import { BANNER } from '../../scripts/bundle-options.mjs'
import { BUNDLE_DEFINE } from './bundle-define.js'
import { initProjectRepo } from './project-repo.js'

export interface RunResult {
  code: number
  stdout: string
  stderr: string
}

export async function tempDir(prefix = 'mreg-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix))
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true })
}

/** A Git repository with one commit on main, like a project a team already has. */
export async function makeProjectRepo(): Promise<string> {
  return initProjectRepo(await tempDir('mreg-repo-'))
}

export function gitOutput(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, stdio: 'pipe' }).toString().trim()
}

export const testEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  MREG_ACTOR: 'tester',
  ...extra
})

/**
 * The GitHub client's timings for in-process runs against the emulator: no spacing of writes
 * (GitHub asks for 1 s between them; the emulator needs none) and quick retries. Production
 * defaults otherwise: the binary never sets them.
 */
export const CLI_GITHUB_TUNING = { writeSpacingMs: 0, retryBaseMs: 10 }

/** mreg in-process; argv as a user types it after `mreg`. */
export async function mreg(
  cwd: string,
  args: string[],
  env: NodeJS.ProcessEnv = testEnv()
): Promise<RunResult> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(['--registry', cwd, ...args], {
    stdout: text => void (stdout += text),
    stderr: text => void (stderr += text),
    drained: () => Promise.resolve(),
    env,
    interactive: false,
    githubTuning: CLI_GITHUB_TUNING
  })
  return { code, stdout, stderr }
}

/** Where `mreg --github` finds a repository: the emulator's (test/support/github-emulator) or any GitHub. */
export interface GitHubTarget {
  owner: string
  repo: string
  apiUrl: string
  serverUrl: string
}

/** argv for `mreg --github owner/repo --api-url … --server-url … …args` against `gh`. */
export function githubCliArgs(gh: GitHubTarget, ...args: string[]): string[] {
  return ['--github', `${gh.owner}/${gh.repo}`, '--api-url', gh.apiUrl, '--server-url', gh.serverUrl, ...args]
}

export interface ProjectRegistry {
  /** A project repository (makeProjectRepo), with the registry branch unless `init: false`. */
  repo: string
  /** A scratch directory for model files and fetch targets. */
  work: string
}

/**
 * The setup most CLI test files share: made in beforeAll (registered first, so it runs before
 * the file's own), removed in afterAll. Read `repo` and `work` inside hooks and tests.
 */
export function projectRegistry(options: { init?: boolean } = {}): ProjectRegistry {
  const project: ProjectRegistry = { repo: '', work: '' }
  beforeAll(async () => {
    project.repo = await makeProjectRepo()
    project.work = await tempDir()
    if (options.init === false) return
    const init = await mreg(project.repo, ['init'])
    if (init.code !== 0) throw new Error(`mreg init failed (${init.code}): ${init.stderr}`)
  })
  afterAll(async () => {
    await removeDir(project.repo)
    await removeDir(project.work)
  })
  return project
}

export async function mregJson<T = unknown>(cwd: string, args: string[]): Promise<T> {
  const result = await mreg(cwd, ['--json', ...args])
  if (result.code !== 0) throw new Error(`mreg ${args.join(' ')} failed (${result.code}): ${result.stderr}`)
  return JSON.parse(result.stdout) as T
}

/** Bundles the CLI once per test file for child processes; returns the path of the bundle. */
export async function bundleCli(outDir: string): Promise<string> {
  const outfile = join(outDir, 'mreg.mjs')
  await build({
    entryPoints: ['src/cli/main.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    define: BUNDLE_DEFINE,
    banner: { js: BANNER }
  })
  return outfile
}

/**
 * mreg as a child process. With `timeoutMs`, a child still running then is killed (SIGKILL) and
 * the result has code -1 and `timedOut`: for tests whose failure mode is a hang.
 */
export function runChild(
  bundle: string,
  cwd: string,
  args: string[],
  env = testEnv(),
  options: { timeoutMs?: number } = {}
): Promise<RunResult & { timedOut?: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, '--registry', cwd, ...args], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    let timedOut = false
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true
            child.kill('SIGKILL')
          }, options.timeoutMs)
    child.stdout.on('data', chunk => (stdout += chunk))
    child.stderr.on('data', chunk => (stderr += chunk))
    child.on('error', reject)
    child.on('close', code => {
      clearTimeout(timer)
      resolve({ code: timedOut ? -1 : (code ?? -1), stdout, stderr, ...(timedOut ? { timedOut } : {}) })
    })
  })
}

/** The path of the local store's object holding `sha256` in a repository made by makeProjectRepo. */
export function objectPathOf(repo: string, sha256: string): string {
  return join(repo, '.git', 'mreg', 'objects', 'sha256', sha256.slice(0, 2), sha256)
}

/** Everything a failed command must leave exactly as it was: the registry ref and the store's files. */
export async function registryState(repo: string): Promise<{ ref: string; files: string[] }> {
  let ref = ''
  try {
    ref = gitOutput(repo, 'rev-parse', '--verify', '-q', 'refs/heads/model-registry')
  } catch {
    ref = '(none)'
  }
  return { ref, files: await listFiles(join(repo, '.git', 'mreg')) }
}

async function listFiles(root: string): Promise<string[]> {
  const found: string[] = []
  const walk = async (dir: string): Promise<void> => {
    let entries
    try {
      entries = await readdir(dir, { withFileTypes: true })
    } catch {
      return
    }
    for (const entry of entries) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) await walk(path)
      else found.push(`${relative(root, path)}:${(await stat(path)).size}`)
    }
  }
  await walk(root)
  return found.sort()
}

/** A small binary standing in for a trained model. */
export async function modelFile(dir: string, name: string, variant: number, size = 4096): Promise<string> {
  const bytes = Buffer.alloc(size)
  let x = variant * 2654435761
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0
    bytes[i] = x >>> 24
  }
  const path = join(dir, name)
  await writeFile(path, bytes)
  return path
}
