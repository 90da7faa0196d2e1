/** Turning a ChangeSet into a commit object on top of a parent, and deciding who authors it. */
import fs from 'node:fs'
import git from 'isomorphic-git'
import type { ChangeSet } from './backend.js'
import { formatCommitMessage } from './commit-message.js'
import type { GitReader } from './git-reader.js'
import { encodeCommit, signatureAt, writeObject, type Signature } from './objects.js'
import { buildTree } from './tree-writer.js'

export interface Identity {
  name: string
  email: string
}

export const FALLBACK_IDENTITY: Identity = { name: 'mreg', email: 'mreg@localhost' }

/**
 * The explicit identity, else GIT_AUTHOR_NAME/EMAIL, else the repository's user.name/user.email,
 * else `mreg <mreg@localhost>`; each field falls back on its own.
 */
export async function resolveIdentity(gitdir: string, explicit?: Identity): Promise<Identity> {
  if (explicit) return explicit
  const fromConfig = async (path: string): Promise<string | undefined> => {
    try {
      const value: unknown = await git.getConfig({ fs, gitdir, path })
      return typeof value === 'string' && value.trim() ? value.trim() : undefined
    } catch {
      return undefined
    }
  }
  return {
    name: process.env.GIT_AUTHOR_NAME?.trim() || (await fromConfig('user.name')) || FALLBACK_IDENTITY.name,
    email: process.env.GIT_AUTHOR_EMAIL?.trim() || (await fromConfig('user.email')) || FALLBACK_IDENTITY.email
  }
}

export interface WrittenCommit {
  commit: string
  tree: string
  message: string
  signature: Signature
}

/**
 * Writes the change's blobs, trees and commit. Returns null when the files leave the tree as it
 * was: an empty commit would only add noise to the audit log.
 */
export async function writeChangeCommit(
  reader: GitReader,
  parent: { commit: string; tree: string } | null,
  change: ChangeSet,
  identity: Identity,
  when: Date
): Promise<WrittenCommit | null> {
  const message = formatCommitMessage(change)
  const tree = await buildTree(reader, parent?.tree ?? null, change.files)
  if (parent && tree === parent.tree) return null
  const signature = signatureAt(identity, when)
  const body = encodeCommit({
    tree,
    parents: parent ? [parent.commit] : [],
    author: signature,
    committer: signature,
    message
  })
  return { commit: await writeObject(reader.gitdir, 'commit', body), tree, message, signature }
}
