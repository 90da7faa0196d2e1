/**
 * Whether a branch is checked out in a working tree of the repository: the main one (HEAD of a
 * non-bare repository) or a linked one (`git worktree add`, HEAD in `worktrees/<id>/HEAD`). Moving
 * such a branch behind git's back leaves that working tree's index describing the old tip, so
 * the next ordinary `git commit` there silently reverts everything mreg committed; git refuses
 * the same (`git branch -f`: "cannot force update the branch … used by worktree at …").
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

/**
 * The working tree that has `ref` (e.g. `refs/heads/model-registry`) checked out, or null.
 * `mainWorktree` is the main working tree's directory, null for a bare repository.
 */
export async function worktreeHolding(
  gitdir: string,
  ref: string,
  mainWorktree: string | null
): Promise<string | null> {
  // Synchronous: two tiny reads before every write (src/registry/objects.ts says why).
  if (mainWorktree !== null && headNames(join(gitdir, 'HEAD'), ref)) return mainWorktree
  let linked: string[]
  try {
    linked = readdirSync(join(gitdir, 'worktrees'))
  } catch {
    return null
  }
  for (const id of linked) {
    const admin = join(gitdir, 'worktrees', id)
    if (!headNames(join(admin, 'HEAD'), ref)) continue
    // worktrees/<id>/gitdir holds the path of the worktree's `.git` file
    const pointer = readText(join(admin, 'gitdir'))
    return pointer ? dirname(pointer.trim()) : admin
  }
  return null
}

function headNames(headFile: string, ref: string): boolean {
  const head = readText(headFile)
  return head !== null && head.trim() === `ref: ${ref}`
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return null
  }
}
