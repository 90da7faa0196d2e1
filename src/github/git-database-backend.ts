/**
 * The registry branch of a GitHub repository through the REST API, for a runner that has
 * nothing cached: a read fetches the ref, the commit, the trees on the paths it walks and each
 * file it reads (contents API); a write is one tree on the tip's tree (every file inline), one
 * commit, and a fast-forward-only update of the branch, the server's compare-and-swap: a lost
 * race re-runs the builder on the new tip (src/registry/optimistic-writer.ts).
 *
 * Commits named by full id (a pull request's base and head, a commit found in the log) are read
 * the same way. Only the audit log walks history, which one request per commit would make slow:
 * it (and expanding an abbreviated id) reads a git fetch of the branch instead
 * (src/registry/remote-backend.ts), fetched only when such a question is asked.
 */
import { RegistryError } from '../domain/errors.js'
import type { RegistryPolicy } from '../domain/types.js'
import { validatePolicy } from '../domain/validate.js'
import {
  changeFiles,
  documentValue,
  type ChangeBuilder,
  type ChangeSet,
  type CommitOutcome,
  type LogEntry,
  type LogOptions,
  type ProposeOutcome,
  type RegistryBackend,
  type RegistrySnapshot
} from '../registry/backend.js'
import { formatCommitMessage } from '../registry/commit-message.js'
import type { CommitIdentity, Identity, WrittenCommit } from '../registry/commit-writer.js'
import { checkBranchName, DEFAULT_BRANCH, openCommit, readJsonAtCommit } from '../registry/common.js'
import { splitPath } from '../registry/git-reader.js'
import { signatureAt } from '../registry/objects.js'
import { OptimisticWriter } from '../registry/optimistic-writer.js'
import type { RemoteRegistryBackend } from '../registry/remote-backend.js'
import { GitSnapshot, POLICY_PATH } from '../registry/snapshot.js'
import { serialiseJson } from '../registry/tree-writer.js'
import type { RepoRef } from './call.js'
import type { GitHubClient } from './client.js'
import { GitDatabase, type ApiPerson, type TreeWrite } from './git-database.js'
import { GitHubReader } from './git-objects.js'

/** How many attempts a ref update failing in transit gets before the failure is reported. */
const TRANSIENT_UPDATE_ATTEMPTS = 4
const FULL_ID = /^[0-9a-f]{40}$/i

export interface GitDatabaseBackendOptions extends RepoRef {
  client: GitHubClient
  /** Default `model-registry`. */
  branch?: string
  /** Author and committer of every commit (GitHub mode always knows who acts). */
  author: Identity
  /** How many times a change is built before giving up with a 'conflict' error. Default 50. */
  maxAttempts?: number
  now?: () => Date
  /** Answers the history questions (a git fetch of the same branch). */
  history: RemoteRegistryBackend
  /** Named in messages, e.g. `https://github.com/acme/models`. */
  displayUrl: string
}

export class GitDatabaseBackend implements RegistryBackend {
  readonly description: string
  readonly branch: string
  private readonly api: GitDatabase
  private readonly reader: GitHubReader
  private readonly writer: OptimisticWriter
  private readonly history: RemoteRegistryBackend
  private readonly displayUrl: string
  /** A snapshot being opened: callers asking at the same moment share its requests. */
  private opening: Promise<RegistrySnapshot> | null = null

  constructor(options: GitDatabaseBackendOptions) {
    this.displayUrl = options.displayUrl
    this.branch = checkBranchName(options.branch ?? DEFAULT_BRANCH)
    this.description = `${options.displayUrl} (branch ${this.branch})`
    this.history = options.history
    this.api = new GitDatabase(options.client, { owner: options.owner, repo: options.repo })
    this.reader = new GitHubReader(this.api, '.')
    this.writer = new OptimisticWriter(
      {
        readTip: () => this.api.branchTip(this.branch),
        writeCommit: (parent, change, identity, when) => this.writeCommit(parent, change, identity, when),
        swapTip: (expected, written, attempt) => this.swapTip(expected, written.commit, attempt),
        swapProposal: async (written, branch) => {
          await this.api.setBranch(branch, written.commit)
          return true
        },
        rebuildLostProposals: true,
        notInitialised: () =>
          new RegistryError(
            'not-initialised',
            w =>
              `no registry branch "${this.branch}" at ${options.displayUrl} yet: the first register creates it, or ${w.command('init')}`,
            { field: 'registry-branch', value: this.branch, reason: 'absent' }
          ),
        keptChanging: (branch, attempts) =>
          new RegistryError(
            'conflict',
            `could not update branch ${branch} at ${options.displayUrl}: it kept changing for ${attempts} attempts; retry later`,
            { attempts }
          )
      },
      this.reader,
      this.branch,
      { author: options.author, maxAttempts: options.maxAttempts, now: options.now }
    )
  }

  async init(policy: RegistryPolicy): Promise<{ created: boolean; commit: string }> {
    validatePolicy(policy, POLICY_PATH, 'invalid-input')
    return this.writer.init(policy)
  }

  /**
   * Callers that ask while a snapshot is still being opened get that one (register asks for the
   * tip and, opening the release store, for the policy at once): the tip read then is as fresh as
   * one of its own would be, and costs one request, not two.
   */
  snapshot(): Promise<RegistrySnapshot> {
    if (this.opening) return this.opening
    const opening = (async () => GitSnapshot.open(this.reader, await this.writer.requireTip()))()
    this.opening = opening
    const done = () => {
      if (this.opening === opening) this.opening = null
    }
    opening.then(done, done)
    return opening
  }

  update<T>(build: ChangeBuilder<T>): Promise<CommitOutcome<T>> {
    return this.writer.update(build)
  }

  propose<T>(build: ChangeBuilder<T>, branch: string): Promise<ProposeOutcome<T>> {
    return this.writer.propose(build, branch)
  }

  /** A full commit id is read through the API; an abbreviated one needs the fetched history to expand it. */
  async snapshotAt(commit: string): Promise<RegistrySnapshot> {
    if (!FULL_ID.test(commit.trim())) return this.history.snapshotAt(commit)
    return GitSnapshot.open(this.reader, await openCommit(this.reader, commit))
  }

  /** The audit log walks history: one request per commit would not do, so it reads a git fetch. */
  log(options?: LogOptions): Promise<LogEntry[]> {
    return this.history.log(options)
  }

  async readJsonAt(commit: string, path: string): Promise<unknown | null> {
    if (!FULL_ID.test(commit.trim())) return this.history.readJsonAt(commit, path)
    return readJsonAtCommit(this.reader, commit, path)
  }

  /**
   * A full id is looked up through the API (every commit of the repository is there, a pull
   * request's head too); a branch or ref name is read as a ref; an abbreviated id is expanded
   * in the fetched history.
   */
  async fetchCommit(ref: string, from: string[] = []): Promise<string> {
    if (FULL_ID.test(ref.trim())) return openCommit(this.reader, ref)
    if (/^[0-9a-f]{4,39}$/i.test(ref)) return this.history.fetchCommit(ref, from)
    const name = ref.startsWith('refs/') ? ref.slice('refs/'.length) : `heads/${checkBranchName(ref)}`
    const tip = await this.api.refTarget(name)
    if (!tip) throw new RegistryError('not-found', `no branch or ref "${ref}" at ${this.displayUrl}`)
    return openCommit(this.reader, tip)
  }

  async parents(commit: string): Promise<string[]> {
    return (await this.reader.readCommit(await openCommit(this.reader, commit))).parents
  }

  /** One tree on the parent's (files inline, nested paths), then the commit; null for an unchanged tree. */
  private async writeCommit(
    parent: { commit: string; tree: string } | null,
    change: ChangeSet,
    identity: CommitIdentity,
    when: Date
  ): Promise<WrittenCommit | null> {
    const files: TreeWrite[] = []
    for (const file of changeFiles(change)) {
      splitPath(file.path)
      if (file.content !== null) {
        files.push({
          path: file.path,
          content: serialiseJson(await documentValue(file.content)).toString('utf8')
        })
        continue
      }
      // GitHub refuses to delete a file that does not exist; the local writer skips it: so do we.
      if (parent && (await this.reader.lookup(parent.tree, file.path))?.type === 'blob') {
        files.push({ path: file.path, content: null })
      }
    }
    if (parent && files.length === 0) return null
    const tree = await this.api.createTree(parent?.tree ?? null, files)
    if (parent && tree === parent.tree) return null
    const message = formatCommitMessage(change)
    const date = `${when.toISOString().slice(0, 19)}Z`
    const author: ApiPerson = { ...identity.author, date }
    const committer: ApiPerson = { ...identity.committer, date }
    const commit = await this.api.createCommit({
      message,
      tree,
      parents: parent ? [parent.commit] : [],
      author,
      committer
    })
    return { commit, tree, message, signature: signatureAt(identity.committer, when) }
  }

  /**
   * An update that fails in transit may have been applied before the answer was lost; reporting
   * failure would make register delete an artifact whose metadata landed. So the tip is read:
   * our commit there means it landed; otherwise it is tried again, a few times, like a lost race.
   */
  private async swapTip(expected: string | null, commit: string, attempt: number): Promise<boolean> {
    try {
      const outcome =
        expected === null
          ? await this.api.createBranch(this.branch, commit)
          : await this.api.fastForward(this.branch, commit)
      return outcome === 'updated'
    } catch (error) {
      if (!(error instanceof RegistryError) || error.kind !== 'unavailable' || expected === null) throw error
      let tip: string | null
      try {
        tip = await this.api.branchTip(this.branch)
      } catch {
        throw error
      }
      if (tip === commit) return true
      if (attempt >= TRANSIENT_UPDATE_ATTEMPTS) throw error
      return false
    }
  }
}
