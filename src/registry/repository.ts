/** Finding the Git repository a command runs in, and creating one for `mreg init` in a new directory. */
import fs, { readFileSync, statSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { dirname, isAbsolute, join, resolve } from 'node:path'
import { RegistryError } from '../domain/errors.js'
import { isomorphicGit } from './isomorphic.js'

export interface RepositoryLocation {
  /** The working tree, or the repository itself when bare. */
  dir: string
  /** Where objects, refs and config live. */
  gitdir: string
}

/**
 * Walks up from `startDir` like git does: a `.git` directory, a `.git` file (`gitdir: …`, used by
 * submodules and worktrees) or a bare repository. For a linked worktree the common directory is
 * returned, because branches, objects and config live there and the registry never needs HEAD.
 */
export async function findRepository(startDir: string): Promise<RepositoryLocation> {
  const start = resolve(startDir)
  let current = start
  for (;;) {
    const found = repositoryAt(current)
    if (found) return found
    const parent = dirname(current)
    if (parent === current) break
    current = parent
  }
  throw new RegistryError(
    'not-found',
    w => `no Git repository at or above ${start}; run 'git init' there, or ${w.command('init')} creates one`
  )
}

// Synchronous stats and reads: a few tiny files at every start, each of which cost a thread-pool
// hand-off when asynchronous (src/registry/objects.ts says why, with the measurement).
function repositoryAt(dir: string): RepositoryLocation | null {
  const dotGit = join(dir, '.git')
  const info = statOrNull(dotGit)
  if (info?.isDirectory() && looksLikeGitdir(dotGit)) return { dir, gitdir: dotGit }
  if (info?.isFile()) {
    const text = readFileSync(dotGit, 'utf8')
    const match = /^gitdir:\s*(.+?)\s*$/m.exec(text)
    if (!match?.[1]) throw new RegistryError('integrity', `${dotGit} is a file without a "gitdir:" line`)
    const gitdir = isAbsolute(match[1]) ? match[1] : resolve(dir, match[1])
    return { dir, gitdir: commonDir(gitdir) }
  }
  if (looksLikeGitdir(dir)) return { dir, gitdir: dir }
  return null
}

function commonDir(gitdir: string): string {
  try {
    const pointer = readFileSync(join(gitdir, 'commondir'), 'utf8').trim()
    return isAbsolute(pointer) ? pointer : resolve(gitdir, pointer)
  } catch {
    return gitdir
  }
}

function looksLikeGitdir(dir: string): boolean {
  const [head, objects, refs] = ['HEAD', 'objects', 'refs'].map(name => statOrNull(join(dir, name)))
  return Boolean(head?.isFile() && objects?.isDirectory() && refs?.isDirectory())
}

function statOrNull(path: string): fs.Stats | null {
  try {
    return statSync(path)
  } catch {
    return null
  }
}

/**
 * The repository `dir` is in, or a new one created there (default branch `main`). An existing
 * repository is used as it is: its working tree, index and HEAD are not touched.
 */
export async function openOrCreateRepository(
  dir: string,
  options: { bare?: boolean } = {}
): Promise<RepositoryLocation & { created: boolean }> {
  const target = resolve(dir)
  try {
    return { ...(await findRepository(target)), created: false }
  } catch (error) {
    if (!(error instanceof RegistryError) || error.kind !== 'not-found') throw error
  }
  try {
    await mkdir(target, { recursive: true })
    const git = await isomorphicGit()
    await git.init({ fs, dir: target, bare: options.bare ?? false, defaultBranch: 'main' })
  } catch (error) {
    throw new RegistryError(
      'unavailable',
      `cannot create a Git repository in ${target}: ${(error as Error).message}`
    )
  }
  return { dir: target, gitdir: options.bare ? target : join(target, '.git'), created: true }
}
