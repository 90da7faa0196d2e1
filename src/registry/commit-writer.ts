/** Turning a ChangeSet into a commit object on top of a parent, and deciding who authors it. */
import { changeFiles, type ChangeSet } from './backend.js'
import { formatCommitMessage } from './commit-message.js'
import type { GitReader } from './git-reader.js'
import { encodeCommit, signatureAt, writeObject, type Signature } from './objects.js'
import { resolveCommitIdentity, type CommitIdentity, type Identity } from './git-identity.js'
import { buildTree } from './tree-writer.js'

export { FALLBACK_IDENTITY, type CommitIdentity, type Identity } from './git-identity.js'

/**
 * The explicit identity for both roles, else git's own resolution (src/registry/git-identity.ts):
 * environment, then system, global and repository config, then `mreg <mreg@localhost>`.
 */
export async function resolveIdentity(
  gitdir: string,
  explicit?: Identity,
  env: Record<string, string | undefined> = process.env
): Promise<CommitIdentity> {
  if (explicit) return { author: explicit, committer: explicit, fallback: [] }
  return resolveCommitIdentity(gitdir, env)
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
  identity: CommitIdentity,
  when: Date
): Promise<WrittenCommit | null> {
  const message = formatCommitMessage(change)
  const tree = await buildTree(reader, parent?.tree ?? null, () => changeFiles(change))
  if (parent && tree === parent.tree) return null
  // The committer's signature is also the reflog's (git writes the committer there).
  const signature = signatureAt(identity.committer, when)
  const body = encodeCommit({
    tree,
    parents: parent ? [parent.commit] : [],
    author: signatureAt(identity.author, when),
    committer: signature,
    message
  })
  return { commit: writeObject(reader.gitdir, 'commit', body), tree, message, signature }
}
