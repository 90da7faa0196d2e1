/**
 * The optimistic update both backends run: read the tip, build the change on a snapshot of it,
 * write the commit, and move the branch only if it still holds that tip; a lost race backs off
 * and builds again on the new tip. How a tip is read and how a branch is moved is the backend's
 * (a ref-lock compare-and-swap in a local repository, a push without force to a remote), so it
 * comes in through a BranchEndpoint and the loop itself exists once.
 */
import type { RegistryError } from '../domain/errors.js'
import { CATALOG_PATH } from '../domain/layout.js'
import { EMPTY_CATALOG } from '../domain/model-head.js'
import type { RegistryPolicy } from '../domain/types.js'
import type { ChangeBuilder, ChangeSet, CommitOutcome, ProposeOutcome } from './backend.js'
import { checkProposalBranch, INIT_SUBJECT } from './common.js'
import { resolveIdentity, type CommitIdentity, type Identity, type WrittenCommit } from './commit-writer.js'
import type { GitReader } from './git-reader.js'
import { backoffDelay, DEFAULT_MAX_ATTEMPTS, sleep } from './retry.js'
import { GitSnapshot, POLICY_PATH } from './snapshot.js'

/** What differs between backends: where the registry branch's tip is read and how branches move. */
export interface BranchEndpoint {
  /** The registry branch's tip as it is now; null when the branch does not exist. */
  readTip(): Promise<string | null>
  /**
   * Writes the change's blobs, trees and commit on `parent` where the branch lives (the local
   * object store: commit-writer.ts; GitHub's Git Database API: src/github/git-database-backend.ts).
   * Null when the files leave the parent's tree as it was.
   */
  writeCommit(
    parent: { commit: string; tree: string } | null,
    change: ChangeSet,
    identity: CommitIdentity,
    when: Date
  ): Promise<WrittenCommit | null>
  /**
   * Moves the registry branch to `written.commit` only if it still holds `expected` (null: must
   * not exist). False when someone else moved it first; `attempt` counts from 1.
   */
  swapTip(expected: string | null, written: WrittenCommit, attempt: number): Promise<boolean>
  /** Points the proposal branch at `written.commit`, replacing what it held; false on a lost race. */
  swapProposal(written: WrittenCommit, branch: string): Promise<boolean>
  /**
   * After a proposal lost its race: true to read the tip and build the proposal again, false to
   * retry the commit already built (its base is the tip read for it, which stays a valid parent).
   */
  readonly rebuildLostProposals: boolean
  /** The error for a registry branch that does not exist yet. */
  notInitialised(): RegistryError
  /** The error once `attempts` attempts in a row lost their race on `branch`. */
  keptChanging(branch: string, attempts: number): RegistryError
}

/** What the writer reads from a backend's options (both backends' options carry these fields). */
export interface OptimisticWriterSettings {
  /** Author and committer of every commit; without it, `identity`, else resolveIdentity's order. */
  author?: Identity
  /**
   * Asked once, at the first commit (so a read-only command never resolves or reports it):
   * the front's resolution, e.g. from its own environment, with its notice for a fallback.
   */
  identity?: () => Promise<CommitIdentity>
  /** How many times a change is built before giving up with a 'conflict' error. Default 50. */
  maxAttempts?: number
  now?: () => Date
}

interface Built<T> {
  tip: string
  result: T
  /** Null when the builder returned no change or the change left the tree as it was. */
  written: WrittenCommit | null
}

export class OptimisticWriter {
  private readonly maxAttempts: number
  private readonly now: () => Date
  private readonly explicitAuthor?: Identity
  private readonly identityProvider?: () => Promise<CommitIdentity>
  private identity?: Promise<CommitIdentity>

  constructor(
    private readonly endpoint: BranchEndpoint,
    private readonly reader: GitReader,
    /** The registry branch, which a proposal must not name. */
    private readonly branch: string,
    options: OptimisticWriterSettings
  ) {
    this.maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS)
    this.now = options.now ?? (() => new Date())
    this.explicitAuthor = options.author
    this.identityProvider = options.identity
  }

  async requireTip(): Promise<string> {
    const tip = await this.endpoint.readTip()
    if (tip) return tip
    throw this.endpoint.notInitialised()
  }

  /** Creates the registry branch holding `policy` unless it exists; the caller has validated the policy. */
  async init(policy: RegistryPolicy): Promise<{ created: boolean; commit: string }> {
    const change: ChangeSet = {
      subject: INIT_SUBJECT,
      files: [
        { path: POLICY_PATH, content: policy },
        { path: CATALOG_PATH, content: EMPTY_CATALOG }
      ]
    }
    for (let attempt = 1; ; attempt++) {
      const tip = await this.endpoint.readTip()
      if (tip) return { created: false, commit: tip }
      // without a parent there is no tree to leave unchanged, so a commit is always written
      const written = (await this.endpoint.writeCommit(
        null,
        change,
        await this.author(),
        this.now()
      )) as WrittenCommit
      if (await this.endpoint.swapTip(null, written, attempt)) {
        return { created: true, commit: written.commit }
      }
      await this.afterLostRace(attempt)
    }
  }

  async update<T>(build: ChangeBuilder<T>): Promise<CommitOutcome<T>> {
    for (let attempt = 1; ; attempt++) {
      const { tip, result, written } = await this.buildOnTip(build)
      if (!written) return { commit: tip, changed: false, result, attempts: attempt }
      if (await this.endpoint.swapTip(tip, written, attempt)) {
        return { commit: written.commit, changed: true, result, attempts: attempt }
      }
      await this.afterLostRace(attempt)
    }
  }

  /** Builds the change on the registry tip and points the proposal branch at it; the registry branch never moves. */
  async propose<T>(build: ChangeBuilder<T>, branch: string): Promise<ProposeOutcome<T>> {
    checkProposalBranch(branch, this.branch)
    let built = await this.buildOnTip(build)
    for (let attempt = 1; ; attempt++) {
      const { tip, result, written } = built
      if (!written) return { commit: tip, base: tip, result, changed: false }
      if (await this.endpoint.swapProposal(written, branch)) {
        return { commit: written.commit, base: tip, result, changed: true }
      }
      await this.afterLostRace(attempt, branch)
      if (this.endpoint.rebuildLostProposals) built = await this.buildOnTip(build)
    }
  }

  private async buildOnTip<T>(build: ChangeBuilder<T>): Promise<Built<T>> {
    const tip = await this.requireTip()
    const snapshot = await GitSnapshot.open(this.reader, tip)
    const { change, result } = await build(snapshot)
    if (!change) return { tip, result, written: null }
    const parent = { commit: tip, tree: snapshot.tree }
    const written = await this.endpoint.writeCommit(parent, change, await this.author(), this.now())
    return { tip, result, written }
  }

  private author(): Promise<CommitIdentity> {
    this.identity ??=
      this.explicitAuthor === undefined && this.identityProvider
        ? this.identityProvider()
        : resolveIdentity(this.reader.gitdir, this.explicitAuthor)
    return this.identity
  }

  private async afterLostRace(attempt: number, branch = this.branch): Promise<void> {
    if (attempt >= this.maxAttempts) throw this.endpoint.keptChanging(branch, attempt)
    await sleep(backoffDelay(attempt))
  }
}
