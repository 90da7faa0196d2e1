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
  ChangeSet,
  CommitOutcome,
  LogEntry,
  LogOptions,
  ProposeOutcome,
  RegistryBackend,
  RegistrySnapshot
} from './backend.js'
import { resolveIdentity, writeChangeCommit, type Identity, type WrittenCommit } from './commit-writer.js'
import { GitReader } from './git-reader.js'
import { readLog } from './history.js'
import { compareAndSwapRef, readRef, type RefSwapResult } from './ref-lock.js'
import { backoffDelay, DEFAULT_MAX_ATTEMPTS, sleep } from './retry.js'
import { GitSnapshot, POLICY_PATH } from './snapshot.js'
import {
  checkBranchName,
  checkProposalBranch,
  openCommit,
  readJsonAtCommit,
  resolveCommitName,
  DEFAULT_BRANCH,
  INIT_SUBJECT
} from './common.js'

export interface LocalBackendOptions {
  /** The working tree, or the repository itself when bare. */
  dir: string
  gitdir: string
  /** Default `model-registry`. */
  branch?: string
  /** Default: GIT_AUTHOR_NAME/EMAIL, else the repository's user.name/email, else `mreg <mreg@localhost>`. */
  author?: Identity
  /** How many times a change is built before giving up with a 'conflict' error. Default 50. */
  maxAttempts?: number
  now?: () => Date
}

export class LocalRegistryBackend implements RegistryBackend {
  readonly description: string
  readonly dir: string
  readonly gitdir: string
  readonly branch: string
  private readonly ref: string
  private readonly reader: GitReader
  private readonly maxAttempts: number
  private readonly now: () => Date
  private readonly explicitAuthor?: Identity
  private identity?: Promise<Identity>

  constructor(options: LocalBackendOptions) {
    this.dir = resolve(options.dir)
    this.gitdir = resolve(options.gitdir)
    this.branch = checkBranchName(options.branch ?? DEFAULT_BRANCH)
    this.ref = `refs/heads/${this.branch}`
    this.reader = new GitReader(this.gitdir)
    this.maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS)
    this.now = options.now ?? (() => new Date())
    this.explicitAuthor = options.author
    this.description = `${this.dir} (branch ${this.branch})`
  }

  /** The branch tip, or null when the registry has not been initialised. */
  async tip(): Promise<string | null> {
    return readRef(this.gitdir, this.ref)
  }

  async init(policy: RegistryPolicy): Promise<{ created: boolean; commit: string }> {
    validatePolicy(policy, POLICY_PATH, 'invalid-input')
    await this.requireRepository()
    const change: ChangeSet = { subject: INIT_SUBJECT, files: [{ path: POLICY_PATH, content: policy }] }
    for (let attempt = 1; ; attempt++) {
      const tip = await this.tip()
      if (tip) return { created: false, commit: tip }
      const written = (await writeChangeCommit(
        this.reader,
        null,
        change,
        await this.author(),
        this.now()
      )) as WrittenCommit
      const swap = await this.swap(null, written)
      if (swap.swapped) return { created: true, commit: written.commit }
      await this.afterLostRace(swap, attempt)
    }
  }

  async snapshot(): Promise<RegistrySnapshot> {
    return GitSnapshot.open(this.reader, await this.requireTip())
  }

  async snapshotAt(commit: string): Promise<RegistrySnapshot> {
    return GitSnapshot.open(this.reader, await openCommit(this.reader, commit))
  }

  async update<T>(build: ChangeBuilder<T>): Promise<CommitOutcome<T>> {
    for (let attempt = 1; ; attempt++) {
      const tip = await this.requireTip()
      const snapshot = await GitSnapshot.open(this.reader, tip)
      const { change, result } = await build(snapshot)
      if (!change) return { commit: tip, changed: false, result, attempts: attempt }
      const parent = { commit: tip, tree: snapshot.tree }
      const written = await writeChangeCommit(this.reader, parent, change, await this.author(), this.now())
      if (!written) return { commit: tip, changed: false, result, attempts: attempt }
      const swap = await this.swap(tip, written)
      if (swap.swapped) return { commit: written.commit, changed: true, result, attempts: attempt }
      await this.afterLostRace(swap, attempt)
    }
  }

  async log(options: LogOptions = {}): Promise<LogEntry[]> {
    const tip = await this.requireTip()
    return readLog(this.reader, tip, options)
  }

  /**
   * The proposal is built once on the current tip; the proposal branch is then moved under the
   * same lock protocol as the registry branch. Whatever it held (an earlier proposal) is replaced:
   * a proposal is rebuilt from the registry, never merged with an older one.
   */
  async propose<T>(build: ChangeBuilder<T>, branch: string): Promise<ProposeOutcome<T>> {
    const target = `refs/heads/${checkProposalBranch(branch, this.branch)}`
    const tip = await this.requireTip()
    const snapshot = await GitSnapshot.open(this.reader, tip)
    const { change, result } = await build(snapshot)
    if (!change) return { commit: tip, base: tip, result, changed: false }
    const written = await writeChangeCommit(
      this.reader,
      { commit: tip, tree: snapshot.tree },
      change,
      await this.author(),
      this.now()
    )
    if (!written) return { commit: tip, base: tip, result, changed: false }
    for (let attempt = 1; ; attempt++) {
      const current = await readRef(this.gitdir, target)
      const reflog =
        this.dir !== this.gitdir ? { who: written.signature, message: `mreg: ${written.message}` } : undefined
      const swap = await compareAndSwapRef(this.gitdir, target, current, written.commit, { reflog })
      if (swap.swapped) return { commit: written.commit, base: tip, result, changed: true }
      await this.afterLostRace(swap, attempt, branch)
    }
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

  private author(): Promise<Identity> {
    this.identity ??= resolveIdentity(this.gitdir, this.explicitAuthor)
    return this.identity
  }

  private swap(expected: string | null, written: WrittenCommit): Promise<RefSwapResult> {
    // Bare repositories keep no reflogs by default; a working repository does, so `git reflog` shows us.
    const reflog =
      this.dir !== this.gitdir ? { who: written.signature, message: `mreg: ${written.message}` } : undefined
    return compareAndSwapRef(this.gitdir, this.ref, expected, written.commit, { reflog })
  }

  private async afterLostRace(
    swap: RefSwapResult & { swapped: false },
    attempt: number,
    branch = this.branch
  ): Promise<void> {
    if (swap.reason === 'locked' && swap.stale) {
      const minutes = Math.round(swap.lockAgeMs / 60_000)
      throw new RegistryError(
        'conflict',
        `${swap.lockPath} has existed for ${minutes} min; if no git or mreg process is using this repository, delete that file and retry`,
        { lock: swap.lockPath }
      )
    }
    if (attempt >= this.maxAttempts) {
      throw new RegistryError(
        'conflict',
        `could not update branch ${branch} in ${this.dir}: it kept changing under us for ${attempt} attempts; retry later`,
        { attempts: attempt }
      )
    }
    await sleep(backoffDelay(attempt))
  }

  private async requireTip(): Promise<string> {
    const tip = await this.tip()
    if (tip) return tip
    throw new RegistryError(
      'not-initialised',
      `no registry branch "${this.branch}" in ${this.dir}; run 'mreg init' first`
    )
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
