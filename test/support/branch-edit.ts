/**
 * Edits of the registry branch made outside the tool, with git's plumbing (a private index, no
 * working tree): what a person with push rights, a bad merge or a broken script could commit.
 */
import { execFileSync } from 'node:child_process'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'

const BRANCH = 'refs/heads/model-registry'

function git(repo: string, args: string[], env: NodeJS.ProcessEnv = {}, input?: Buffer | string): string {
  return execFileSync('git', args, {
    cwd: repo,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Outsider',
      GIT_AUTHOR_EMAIL: 'outsider@example.test',
      GIT_COMMITTER_NAME: 'Outsider',
      GIT_COMMITTER_EMAIL: 'outsider@example.test',
      ...env
    },
    input,
    stdio: 'pipe',
    maxBuffer: 64 << 20
  })
    .toString()
    .trim()
}

/** The content of `path` on the registry branch (or at `commit`). */
export function branchFile(repo: string, path: string, commit = BRANCH): Buffer {
  return execFileSync('git', ['cat-file', 'blob', `${commit}:${path}`], { cwd: repo, maxBuffer: 64 << 20 })
}

/** Every file path on the registry branch. */
export function branchPaths(repo: string, commit = BRANCH): string[] {
  return git(repo, ['ls-tree', '-r', '--name-only', commit]).split('\n').filter(Boolean)
}

/**
 * One commit on the registry branch that writes `files` (path → bytes) and removes `removed`,
 * parented on the tip; returns the new tip. `removed` paths that do not exist are ignored.
 */
export async function commitOnBranch(
  repo: string,
  files: Record<string, Buffer | string>,
  removed: string[] = [],
  message = 'edited outside mreg'
): Promise<string> {
  const index = join(repo, '.git', `outsider-index-${process.pid}-${Date.now()}`)
  const env = { GIT_INDEX_FILE: index }
  try {
    const tip = git(repo, ['rev-parse', '--verify', BRANCH])
    git(repo, ['read-tree', tip], env)
    for (const path of removed) git(repo, ['update-index', '--force-remove', path], env)
    for (const [path, content] of Object.entries(files)) {
      const blob = git(repo, ['hash-object', '-w', '--stdin'], {}, content)
      git(repo, ['update-index', '--add', '--replace', '--cacheinfo', `100644,${blob},${path}`], env)
    }
    const tree = git(repo, ['write-tree'], env)
    const commit = git(repo, ['commit-tree', tree, '-p', tip, '-m', message])
    git(repo, ['update-ref', BRANCH, commit, tip])
    return commit
  } finally {
    await rm(index, { force: true })
  }
}

/** Puts the registry branch back at `commit` (undoing outside edits between cases). */
export function resetBranch(repo: string, commit: string): void {
  git(repo, ['update-ref', BRANCH, commit])
}
