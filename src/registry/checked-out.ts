/**
 * Whether a branch is checked out in a working tree of the repository: the main one (HEAD of a
 * non-bare repository) or a linked one (`git worktree add`, HEAD in `worktrees/<id>/HEAD`). Moving
 * such a branch behind git's back leaves that working tree's index describing the old tip, so
 * the next ordinary `git commit` there silently reverts everything mreg committed; git refuses
 * the same (`git branch -f`: "cannot force update the branch … used by worktree at …").
 */
import { readdir, readFile } from 'node:fs/promises'
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
  if (mainWorktree !== null && (await headNames(join(gitdir, 'HEAD'), ref))) return mainWorktree
  let linked: string[]
  try {
    linked = await readdir(join(gitdir, 'worktrees'))
  } catch {
    return null
  }
  for (const id of linked) {
    const admin = join(gitdir, 'worktrees', id)
    if (!(await headNames(join(admin, 'HEAD'), ref))) continue
    // worktrees/<id>/gitdir holds the path of the worktree's `.git` file
    const pointer = await readText(join(admin, 'gitdir'))
    return pointer ? dirname(pointer.trim()) : admin
  }
  return null
}

async function headNames(headFile: string, ref: string): Promise<boolean> {
  const head = await readText(headFile)
  return head !== null && head.trim() === `ref: ${ref}`
}

async function readText(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8')
  } catch {
    return null
  }
}
