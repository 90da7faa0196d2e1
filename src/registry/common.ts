/** What the local and the remote backend share: names, commit lookup, reading a file at a commit. */
import fs from 'node:fs'
import { RegistryError } from '../domain/errors.js'
import type { GitReader } from './git-reader.js'
import { isomorphicGit } from './isomorphic.js'

export const DEFAULT_BRANCH = 'model-registry'
export const INIT_SUBJECT = 'init model registry'
const MAX_BRANCH_CHARS = 1000

/** git check-ref-format's rules, minus the rarely met ones; names become paths under refs/heads. */
export function checkBranchName(branch: string): string {
  // a ref is a file path: each part must fit in a file name (255 bytes), leave room for `.lock`
  if (branch.length > MAX_BRANCH_CHARS || branch.split('/').some(part => Buffer.byteLength(part) > 200)) {
    throw new RegistryError(
      'invalid-input',
      `branch name is too long (${branch.length} characters; at most ${MAX_BRANCH_CHARS}, 200 bytes per part between slashes)`
    )
  }
  const bad =
    !/^[A-Za-z0-9._/-]+$/.test(branch) ||
    branch.startsWith('/') ||
    branch.endsWith('/') ||
    branch.endsWith('.') ||
    branch.includes('..') ||
    branch.includes('//') ||
    branch.split('/').some(part => part.startsWith('.') || part.endsWith('.lock') || part.startsWith('-'))
  if (bad) throw new RegistryError('invalid-input', `not a valid branch name: "${branch}"`)
  return branch
}

/** A full or abbreviated commit id, checked to exist and to be a commit. */
export async function openCommit(reader: GitReader, commit: string): Promise<string> {
  const id = commit.trim().toLowerCase()
  if (!/^[0-9a-f]{4,40}$/.test(id)) throw new RegistryError('invalid-input', `not a commit id: "${commit}"`)
  try {
    const oid =
      id.length === 40
        ? id
        : await (await isomorphicGit()).expandOid({ fs, gitdir: reader.gitdir, oid: id, cache: reader.cache })
    await reader.readCommit(oid)
    return oid
  } catch (error) {
    const code = (error as { code?: string }).code
    if (code === 'NotFoundError')
      throw new RegistryError('not-found', `no commit ${commit} in the registry repository`)
    if (code === 'AmbiguousError')
      throw new RegistryError('invalid-input', `commit id ${commit} is ambiguous; give more digits`)
    if (code === 'ObjectTypeError') throw new RegistryError('invalid-input', `${commit} is not a commit`)
    throw error
  }
}

export async function readJsonAtCommit(
  reader: GitReader,
  commit: string,
  path: string
): Promise<unknown | null> {
  const { tree } = await reader.readCommit(await openCommit(reader, commit))
  return reader.readJson(tree, path)
}

const HEX = /^[0-9a-f]{4,40}$/i

/**
 * A commit id, or a branch, tag or full ref name of the repository (`main`, `refs/heads/x`,
 * `v1`), to the commit id it names; annotated tags are peeled. Revision expressions (`HEAD~1`)
 * are not understood: name a commit or a ref.
 */
export async function resolveCommitName(reader: GitReader, ref: string): Promise<string> {
  if (HEX.test(ref)) {
    try {
      return await openCommit(reader, ref)
    } catch (error) {
      if (!(error instanceof RegistryError) || error.kind !== 'not-found') throw error
    }
  }
  const git = await isomorphicGit()
  let oid: string
  try {
    oid = await git.resolveRef({ fs, gitdir: reader.gitdir, ref })
  } catch {
    throw new RegistryError('not-found', `no commit, branch or tag "${ref}" in the registry repository`)
  }
  for (let depth = 0; depth < 8; depth++) {
    let read
    try {
      read = await git.readObject({ fs, gitdir: reader.gitdir, oid, cache: reader.cache })
    } catch (error) {
      // a 40-digit name git.resolveRef hands back unchanged, or a ref naming a missing object
      if ((error as { code?: string }).code === 'NotFoundError')
        throw new RegistryError('not-found', `no commit, branch or tag "${ref}" in the registry repository`)
      throw error
    }
    if (read.type !== 'tag') break
    oid = (read.object as { object: string }).object
  }
  return openCommit(reader, oid)
}

/** Proposal branches are any valid branch but the registry branch, which only ever moves by CAS. */
export function checkProposalBranch(branch: string, registryBranch: string): string {
  checkBranchName(branch)
  if (branch === registryBranch || branch === `refs/heads/${registryBranch}`) {
    throw new RegistryError(
      'invalid-input',
      `a proposal cannot be made on the registry branch "${registryBranch}" itself; name another branch`
    )
  }
  return branch
}
