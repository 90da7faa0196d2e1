/**
 * Commits made by hand with the git CLI, as someone editing the registry branch would, in a
 * throw-away worktree: what the policy check (`mreg check`) judges.
 */
import { readFile, rm, writeFile } from 'node:fs/promises'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { git } from './git-repo.js'

/**
 * A commit on top of `from` (a branch, which moves with it, or a commit id, left detached) with
 * whatever `edit` does to the files in `dir`; returns its id.
 */
export async function handCommit(
  repo: string,
  from: string,
  message: string,
  edit: (dir: string) => Promise<void>
): Promise<string> {
  const dir = join(mkdtempSync(join(tmpdir(), 'mreg-hand-')), 'wt')
  const branch = /^[0-9a-f]{40}$/.test(from) ? ['--detach'] : []
  git(repo, ['worktree', 'add', '--quiet', ...branch, dir, from])
  try {
    await edit(dir)
    git(dir, ['add', '--all'])
    git(dir, ['commit', '--quiet', '-m', message])
    return git(dir, ['rev-parse', 'HEAD'])
  } finally {
    git(repo, ['worktree', 'remove', '--force', dir])
    await rm(join(dir, '..'), { recursive: true, force: true })
  }
}

/** Rewrites a JSON file as the registry writes them (2-space indent, final newline) after `change`. */
export async function editJson<T>(path: string, change: (doc: T) => void): Promise<void> {
  const doc = JSON.parse(await readFile(path, 'utf8')) as T
  change(doc)
  await writeFile(path, `${JSON.stringify(doc, null, 2)}\n`)
}
