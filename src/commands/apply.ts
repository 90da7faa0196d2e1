/**
 * apply: what a push to the registry branch changed, for the deploy jobs that follow — which
 * versions moved stage between `before` and `after`, each with the commit that moved it — and
 * which of those moves did not come through a merged pull request. The commits are walked along
 * the first-parent chain, as the branch itself advanced: a merge commit counts as one step, the
 * step its pull request made.
 */
import { isRegistryError, RegistryError } from '../domain/errors.js'
import { defaultPolicy } from '../domain/policy.js'
import { isDirectChangeAllowed, parsePolicy, stageChanges, type StageChange } from '../domain/review.js'
import type { ModelVersion, RegistryPolicy } from '../domain/types.js'
import { validateModelVersion } from '../domain/validate.js'
import type { RegistryBackend } from '../registry/backend.js'
import { commitOf } from './check.js'
import { readChange } from './check-reads.js'
import type { CommandContext } from './context.js'
import type { ReviewChannel } from './review-channel.js'

export interface ApplyInput {
  /** The branch tip before the push; null (or all zeros, as GitHub sends it) when the push created the branch. */
  before: string | null
  after: string
}

export interface AppliedChange extends StageChange {
  /** The commit that made the move (the last one, when a version moved more than once). */
  commit: string
}

export interface UnreviewedChange extends AppliedChange {
  reason: string
}

export interface ApplyOutcome {
  before: string | null
  after: string
  /** Net stage changes, in the order of each version's last move; one that moved away and back is not listed. */
  changes: AppliedChange[]
  /** Every move, per commit, that should have come through a merged pull request and did not. */
  unreviewed: UnreviewedChange[]
  /** 'not-applicable' without a review channel: nothing can be flagged, and nothing is. */
  review: 'pull-request' | 'not-applicable'
  /** How many commits the push brought (first-parent steps). */
  commits: number
  /**
   * True when `before` is not on `after`'s first-parent chain (the branch was rewritten, e.g.
   * force-pushed): the push is then judged as one step, attributed to `after`.
   */
  rewritten: boolean
}

/** How far back a push is walked before it is treated as one step. */
const MAX_STEPS = 500

const ZERO = /^0{40}$/

export async function apply(ctx: CommandContext, input: ApplyInput): Promise<ApplyOutcome> {
  const after = await commitOf(ctx.backend, input.after)
  const before =
    input.before === null || ZERO.test(input.before) ? null : await commitOf(ctx.backend, input.before)
  const { steps, rewritten } = await walk(ctx.backend, before, after)

  const moves: { change: StageChange; commit: string; version: ModelVersion; policy: RegistryPolicy }[] = []
  for (const step of steps) {
    for (const move of await stepChanges(ctx.backend, step.parent, step.commit)) {
      moves.push({ ...move, commit: step.commit })
    }
  }

  const net = new Map<string, AppliedChange>()
  for (const { change, commit } of moves) {
    const key = `${change.name}@${change.version}`
    const earlier = net.get(key)
    net.delete(key) // re-inserted last, so the order is that of each version's latest move
    net.set(key, { ...change, from: earlier ? earlier.from : change.from, commit })
  }
  const changes = [...net.values()].filter(c => c.from !== c.to)

  const unreviewed: UnreviewedChange[] = []
  const review = ctx.review
  if (review) {
    const why = new Map<string, string | null>()
    for (const { change, commit, version, policy } of moves) {
      if (isDirectChangeAllowed(policy, change, version)) continue
      if (!why.has(commit)) why.set(commit, await unmergedReason(ctx.backend, review, commit))
      const reason = why.get(commit)
      if (reason) {
        unreviewed.push({
          ...change,
          commit,
          reason: `commit ${commit.slice(0, 12)} moved ${change.name}@${change.version} ${change.from ?? '(new)'} → ${change.to} without a merged pull request: ${reason}`
        })
      }
    }
  }
  return {
    before,
    after,
    changes,
    unreviewed,
    review: review ? 'pull-request' : 'not-applicable',
    commits: steps.length,
    rewritten
  }
}

/**
 * Null when a merged pull request brought the commit; otherwise what was found instead. GitHub
 * links a merge to its commits with a delay, so the lookup waits a bounded while first; a merge
 * commit without a pull request is then likely still being linked, a plain commit pushed directly.
 */
async function unmergedReason(
  backend: RegistryBackend,
  review: ReviewChannel,
  commit: string
): Promise<string | null> {
  const { merged, pulls, waitedMs } = await review.mergedPullFor(commit)
  if (merged) return null
  const seconds = `${Math.round(waitedMs / 100) / 10} s`
  if (pulls.length > 0) {
    return `its pull request ${pulls.map(p => `#${p.number}`).join(', ')} is not merged`
  }
  const parents = backend.parents ? await backend.parents(commit) : []
  return parents.length > 1
    ? `no pull request found after ${seconds} (GitHub may still be linking it)`
    : `pushed directly (no pull request found after ${seconds})`
}

interface Step {
  parent: string | null
  commit: string
}

/**
 * First parents from `after` back to `before`, oldest step first. When `before` is not on that
 * chain (a rewritten branch), or the chain is too long, or the backend cannot list parents, the
 * push is judged as a single step before → after.
 */
async function walk(
  backend: RegistryBackend,
  before: string | null,
  after: string
): Promise<{ steps: Step[]; rewritten: boolean }> {
  if (before === after) return { steps: [], rewritten: false }
  const whole = (rewritten: boolean) => ({ steps: [{ parent: before, commit: after }], rewritten })
  if (!backend.parents || before === null) return whole(false)
  const steps: Step[] = []
  let commit = after
  while (steps.length < MAX_STEPS) {
    const [parent] = await backend.parents(commit)
    steps.push({ parent: parent ?? null, commit })
    if (parent === before) return { steps: steps.reverse(), rewritten: false }
    if (parent === undefined) return whole(true)
    commit = parent
  }
  return whole(false)
}

async function stepChanges(
  backend: RegistryBackend,
  parent: string | null,
  commit: string
): Promise<{ change: StageChange; version: ModelVersion; policy: RegistryPolicy }[]> {
  const read = await readStep(backend, parent, commit)
  const policy = read.policy
  const byKey = new Map(read.after.map(v => [`${v.name}@${v.version}`, v]))
  return stageChanges(read.before, read.after).map(change => ({
    change,
    version: byKey.get(`${change.name}@${change.version}`) as ModelVersion,
    policy
  }))
}

async function readStep(
  backend: RegistryBackend,
  parent: string | null,
  commit: string
): Promise<{ before: ModelVersion[]; after: ModelVersion[]; policy: RegistryPolicy }> {
  if (parent === null) {
    const snapshot = await backend.snapshotAt(commit)
    const documents: ModelVersion[] = []
    for (const name of await snapshot.modelNames()) {
      for (const version of await snapshot.versionFileNames(name).catch(() => [])) {
        const doc = await snapshot.readVersion(name, version).catch(ignoreInvalid)
        if (doc) documents.push(doc)
      }
    }
    return {
      before: [],
      after: documents,
      policy: policyOf(await backend.readJsonAt(commit, 'registry.json'))
    }
  }
  const { base, head } = await readChange(backend, parent, commit)
  return {
    before: valid(base.versions),
    after: valid(head.versions),
    // The rules in force when the step was made: its parent's.
    policy: policyOf(base.policy)
  }
}

function valid(documents: { path: string; content: unknown; error?: string }[]): ModelVersion[] {
  return documents.flatMap(d => {
    if (d.error !== undefined) return []
    try {
      return [validateModelVersion(d.content, d.path)]
    } catch (error) {
      if (isRegistryError(error)) return []
      throw error
    }
  })
}

/** A broken registry.json must not hide moves: judge them by the default policy instead. */
function policyOf(raw: unknown): RegistryPolicy {
  const parsed = parsePolicy(raw)
  return typeof parsed === 'string' ? defaultPolicy() : parsed
}

function ignoreInvalid(error: unknown): null {
  if (error instanceof RegistryError && (error.kind === 'integrity' || error.kind === 'invalid-input'))
    return null
  throw error
}
