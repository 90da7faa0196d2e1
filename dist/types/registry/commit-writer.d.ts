/** Turning a ChangeSet into a commit object on top of a parent, and deciding who authors it. */
import { type ChangeSet } from './backend.js';
import type { GitReader } from './git-reader.js';
import { type Signature } from './objects.js';
import { type CommitIdentity, type Identity } from './git-identity.js';
export { FALLBACK_IDENTITY, type CommitIdentity, type Identity } from './git-identity.js';
/**
 * The explicit identity for both roles, else git's own resolution (src/registry/git-identity.ts):
 * environment, then system, global and repository config, then `mreg <mreg@localhost>`.
 */
export declare function resolveIdentity(gitdir: string, explicit?: Identity, env?: Record<string, string | undefined>): Promise<CommitIdentity>;
export interface WrittenCommit {
    commit: string;
    tree: string;
    message: string;
    signature: Signature;
}
/**
 * Writes the change's blobs, trees and commit. Returns null when the files leave the tree as it
 * was: an empty commit would only add noise to the audit log.
 */
export declare function writeChangeCommit(reader: GitReader, parent: {
    commit: string;
    tree: string;
} | null, change: ChangeSet, identity: CommitIdentity, when: Date): Promise<WrittenCommit | null>;
