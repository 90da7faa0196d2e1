/**
 * A Git repository with one commit on main, like a project a team already has: for tests
 * (cli-harness.ts makeProjectRepo) and benchmarks (bench/support/harness.ts), without the CLI's
 * imports so a benchmark bundle stays small.
 */
import { execFileSync } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

export async function initProjectRepo(
  dir: string,
  identity = { name: 'Test User', email: 'test@example.com' }
): Promise<string> {
  await mkdir(dir, { recursive: true })
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' })
  git('init', '-q', '-b', 'main')
  git('config', 'user.name', identity.name)
  git('config', 'user.email', identity.email)
  await writeFile(join(dir, 'README.md'), '# project\n')
  git('add', 'README.md')
  git('commit', '-q', '-m', 'initial')
  return dir
}
