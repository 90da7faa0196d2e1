/**
 * The registry branch in a local Git repository. Writes are objects plus a compare-and-swap of the
 * branch ref under git's lock protocol, so any number of mreg processes and the git CLI can update
 * the branch at once; a lost race re-runs the change builder on the new tip.
 */
import { stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { RegistryError } from '../domain/errors.js'
import type { RegistryPolicy } from '../domain/types.js'
import { validatePolicy } from '../domain/validate.js'
import type {
  ChangeBuilder,
  CommitOutcome,
  LogEntry,
  LogOptions,
  ProposeOutcome,
  RegistryBackend,
  RegistrySnapshot
} from './backend.js'
import { writeChangeCommit, type CommitIdentity, type Identity, type WrittenCommit } from './commit-writer.js'
import { GitReader } from './git-reader.js'
import type { ObjectReaderChoice } from './object-source.js'
import { readLog } from './history.js'
import { OptimisticWriter } from './optimistic-writer.js'
import { sleep } from './retry.js'
import { worktreeHolding } from './checked-out.js'
import { compareAndSwapRef, readRef } from './ref-lock.js'
import { GitSnapshot, POLICY_PATH } from './snapshot.js'
import { checkBranchName, openCommit, readJsonAtCommit, resolveCommitName, DEFAULT_BRANCH } from './common.js'

/** How long a ref lock held by someone else is waited for before it is reported (git waits 100 ms). */
const LOCK_PATIENCE_MS = 5000
const LOCK_POLL_MS = 25

export interface LocalBackendOptions {
  /** The working tree, or the repository itself when bare. */
  dir: string
  gitdir: string
  /** Default `model-registry`. */
  branch?: string
  /** Default: git's resolution (src/registry/git-identity.ts), else `mreg <mreg@localhost>`. */
  author?: Identity
  /** Asked at the first commit when `author` is not given (OptimisticWriterSettings.identity). */
  identity?: () => Promise<CommitIdentity>
  /** How many times a change is built before giving up with a 'conflict' error. Default 50. */
  maxAttempts?: number
  now?: () => Date
  /** How Git objects are read: `auto` (default) is `git cat-file --batch` when git runs, else isomorphic-git. */
  objects?: ObjectReaderChoice
}

export class LocalRegistryBackend implements RegistryBackend {
  readonly description: string
  readonly dir: string
  readonly gitdir: string
  readonly branch: string
  private readonly ref: string
  private readonly reader: GitReader
  private readonly writer: OptimisticWriter

  constructor(options: LocalBackendOptions) {
    this.dir = resolve(options.dir)
    this.gitdir = resolve(options.gitdir)
    this.branch = checkBranchName(options.branch ?? DEFAULT_BRANCH)
    this.ref = `refs/heads/${this.branch}`
    this.reader = new GitReader(this.gitdir, options.objects)
    this.description = `${this.dir} (branch ${this.branch})`
    this.writer = new OptimisticWriter(
      {
        readTip: () => this.tip(),
        writeCommit: (parent, change, identity, when) =>
          writeChangeCommit(this.reader, parent, change, identity, when),
        swapTip: (expected, written) => this.swap(this.ref, expected, written),
        swapProposal: async (written, branch) => {
          const target = `refs/heads/${branch}`
          return this.swap(target, await readRef(this.gitdir, target), written)
        },
        // The race was over the proposal ref, not the registry branch: the commit built is still valid.
        rebuildLostProposals: false,
        notInitialised: () =>
          new RegistryError(
            'not-initialised',
            w => `no registry branch "${this.branch}" in ${this.dir}; ${w.command('init')} creates it`,
            { field: 'registry-branch', value: this.branch, reason: 'absent' }
          ),
        keptChanging: (branch, attempts) =>
          new RegistryError(
            'conflict',
            `could not update branch ${branch} in ${this.dir}: it kept changing under us for ${attempts} attempts; retry later`,
            { attempts }
          )
      },
      this.reader,
      this.branch,
      options
    )
  }

  /** The branch tip, or null when the registry has not been initialised. */
  async tip(): Promise<string | null> {
    const tip = await readRef(this.gitdir, this.ref)
    if (tip) await this.checkTip(tip)
    return tip
  }

  /**
   * The branch must name a commit whose tree is there: a ref pointed at a blob, or at objects a
   * careless prune or copy lost, is a damaged registry (exit 3) with what to do, never a bug.
   */
  private async checkTip(tip: string): Promise<void> {
    try {
      await this.reader.readTree((await this.reader.readCommit(tip)).tree)
    } catch (error) {
      if (error instanceof RegistryError) throw error
      const code = (error as { code?: string }).code
      if (code !== 'ObjectTypeError' && code !== 'NotFoundError') throw error
      const what =
        code === 'ObjectTypeError'
          ? `which is not a commit (${(error as Error).message})`
          : `whose objects are missing (${(error as Error).message})`
      throw new RegistryError(
        'integrity',
        `branch ${this.branch} in ${this.dir} points at ${tip}, ${what}; point it at a good commit (see 'git reflog ${this.branch}') and run 'git fsck'`,
        { ref: this.ref, commit: tip }
      )
    }
  }

  async init(policy: RegistryPolicy): Promise<{ created: boolean; commit: string }> {
    validatePolicy(policy, POLICY_PATH, 'invalid-input')
    await this.requireRepository()
    return this.writer.init(policy)
  }

  async snapshot(): Promise<RegistrySnapshot> {
    return GitSnapshot.open(this.reader, await this.writer.requireTip())
  }

  async snapshotAt(commit: string): Promise<RegistrySnapshot> {
    return GitSnapshot.open(this.reader, await openCommit(this.reader, commit))
  }

  async update<T>(build: ChangeBuilder<T>): Promise<CommitOutcome<T>> {
    return this.writer.update(build)
  }

  async log(options: LogOptions = {}): Promise<LogEntry[]> {
    const tip = await this.writer.requireTip()
    return readLog(this.reader, tip, options)
  }

  /**
   * The proposal is built once on the current tip; the proposal branch is then moved under the
   * same lock protocol as the registry branch. Whatever it held (an earlier proposal) is replaced:
   * a proposal is rebuilt from the registry, never merged with an older one.
   */
  async propose<T>(build: ChangeBuilder<T>, branch: string): Promise<ProposeOutcome<T>> {
    return this.writer.propose(build, branch)
  }

  async fetchCommit(ref: string): Promise<string> {
    return resolveCommitName(this.reader, ref)
  }

  async parents(commit: string): Promise<string[]> {
    return (await this.reader.readCommit(await openCommit(this.reader, commit))).parents
  }

  async readJsonAt(commit: string, path: string): Promise<unknown | null> {
    return readJsonAtCommit(this.reader, commit, path)
  }

  /**
   * A lock held by someone else is a lost race to retry, unless it has been there so long that
   * its owner has probably died: retrying cannot help then, only a person can.
   */
  private async swap(ref: string, expected: string | null, written: WrittenCommit): Promise<boolean> {
    const worktree = await worktreeHolding(this.gitdir, ref, this.dir !== this.gitdir ? this.dir : null)
    if (worktree !== null) {
      const branch = ref.replace(/^refs\/heads\//, '')
      throw new RegistryError(
        'refused',
        `branch ${branch} is checked out in the working tree ${worktree}; mreg will not move it under that tree (as 'git branch -f' will not): switch it to another branch there ('git -C ${worktree} switch --detach') and retry`,
        { branch, worktree }
      )
    }
    // Bare repositories keep no reflogs by default; a working repository does, so `git reflog` shows us.
    const reflog =
      this.dir !== this.gitdir ? { who: written.signature, message: `mreg: ${written.message}` } : undefined
    // A writer holds the lock for milliseconds (write, flush, rename): wait for it to go, then let
    // the writer rebuild if the tip moved. A lock that stays is one a killed process left (git
    // leaves them too): rebuilding the change 50 times would not help, only a person can.
    const giveUpAt = Date.now() + LOCK_PATIENCE_MS
    for (;;) {
      const swap = await compareAndSwapRef(this.gitdir, ref, expected, written.commit, { reflog })
      if (swap.swapped || swap.reason !== 'locked') return swap.swapped
      if (swap.stale || Date.now() >= giveUpAt) {
        const age =
          swap.lockAgeMs >= 120_000
            ? `${Math.round(swap.lockAgeMs / 60_000)} min`
            : `${Math.round(swap.lockAgeMs / 1000)} s`
        throw new RegistryError(
          'conflict',
          `${swap.lockPath} has existed for ${age}: a git or mreg process is updating the branch, or one was killed while it did; if none is running, delete that file and retry`,
          { lock: swap.lockPath }
        )
      }
      await sleep(LOCK_POLL_MS)
    }
  }

  private async requireRepository(): Promise<void> {
    try {
      if ((await stat(join(this.gitdir, 'objects'))).isDirectory()) return
    } catch {
      // reported below
    }
    throw new RegistryError(
      'not-found',
      `${this.dir} is not a Git repository (no ${join(this.gitdir, 'objects')})`
    )
  }
}
