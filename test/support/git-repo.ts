/**
 * Real Git repositories in temporary directories for integration tests, driven by the git CLI so
 * tests check our writes against git's own reading of them. The environment pins identity and
 * hides the user's and system's git config so results do not depend on the machine.
 */
import { execFile, execFileSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const execFileAsync = promisify(execFile)

export const TEST_IDENTITY = { name: 'Test Runner', email: 'runner@example.test' }

export const GIT_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: TEST_IDENTITY.name,
  GIT_AUTHOR_EMAIL: TEST_IDENTITY.email,
  GIT_COMMITTER_NAME: TEST_IDENTITY.name,
  GIT_COMMITTER_EMAIL: TEST_IDENTITY.email,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_TERMINAL_PROMPT: '0'
}

/** Runs git in `cwd` and returns stdout without the final newline; throws with git's stderr on failure. */
export function git(
  cwd: string,
  args: string[],
  options: { input?: string; env?: NodeJS.ProcessEnv } = {}
): string {
  try {
    return execFileSync('git', args, {
      cwd,
      env: { ...GIT_ENV, ...options.env },
      input: options.input,
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'pipe']
    }).replace(/\n$/, '')
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? ''
    throw new Error(`git ${args.join(' ')} failed in ${cwd}: ${stderr.trim() || (error as Error).message}`)
  }
}

export async function gitAsync(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  const { stdout } = await execFileAsync('git', args, { cwd, env: { ...GIT_ENV, ...env } })
  return stdout.replace(/\n$/, '')
}

export async function makeTempDir(prefix = 'mreg-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix))
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true })
}

export interface TestRepo {
  dir: string
  gitdir: string
}

/**
 * A new repository. `commit` makes an initial commit on `main` with a README, so HEAD, the index
 * and a working tree exist, as in a user's project.
 */
export async function createRepo(options: { bare?: boolean; commit?: boolean } = {}): Promise<TestRepo> {
  const dir = await makeTempDir()
  if (options.bare) {
    git(dir, ['init', '--quiet', '--bare', '--initial-branch=main'])
    return { dir, gitdir: dir }
  }
  git(dir, ['init', '--quiet', '--initial-branch=main'])
  if (options.commit) {
    git(dir, ['commit', '--quiet', '--allow-empty', '-m', 'initial'])
  }
  return { dir, gitdir: join(dir, '.git') }
}
