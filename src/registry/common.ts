/** What the local and the remote backend share: names, commit lookup, reading a file at a commit. */
import fs from 'node:fs'
import git from 'isomorphic-git'
import { RegistryError } from '../domain/errors.js'
import type { GitReader } from './git-reader.js'

export const DEFAULT_BRANCH = 'model-registry'
export const INIT_SUBJECT = 'init model registry'

/** git check-ref-format's rules, minus the rarely met ones; names become paths under refs/heads. */
export function checkBranchName(branch: string): string {
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
      id.length === 40 ? id : await git.expandOid({ fs, gitdir: reader.gitdir, oid: id, cache: reader.cache })
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
