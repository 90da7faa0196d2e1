/**
 * What follows from a review, and the rules around it that check and apply share: the commit
 * status, who approved, which stages a push moved, and which moves may skip review.
 */
import { ARCHIVED_STAGE } from './ordering.js'
import { isOpenRegistrationStage } from './policy.js'
import {
  stageChangeOf,
  versionKey,
  type DocumentAt,
  type ReviewFinding,
  type ReviewResult,
  type StageChange
} from './review-model.js'
import type { ModelVersion, RegistryPolicy } from './types.js'

export type VerdictState = 'success' | 'pending' | 'failure'

/**
 * The commit status for a review: pending while approvals are all that is missing (the pull
 * request is fine, people have yet to act), failure for anything else that is wrong.
 */
export function reviewVerdict(result: ReviewResult): { state: VerdictState; description: string } {
  const errors = result.findings.filter(f => f.severity === 'error')
  if (errors.length === 0) {
    const moves = result.changes.map(c => `${c.name} ${c.version}: ${c.from ?? 'new'} → ${c.to}`)
    return {
      state: 'success',
      description: moves.length > 0 ? `policy passed: ${moves.join('; ')}` : 'policy passed: no stage changes'
    }
  }
  if (errors.every(f => f.kind === 'gate' && f.gate === 'min_approvals')) {
    return { state: 'pending', description: `waiting for review: ${errors[0]?.message ?? ''}` }
  }
  const first = errors[0] as ReviewFinding
  const more = errors.length > 1 ? ` (+${errors.length - 1} more)` : ''
  return { state: 'failure', description: `${first.subject}: ${first.message}${more}` }
}

export interface Review {
  user: string | null
  state: string
  /** The head commit the review was submitted on; null when GitHub gave none. */
  commit_id?: string | null
}

export interface ApprovalRules {
  /** The pull request's author: nobody approves their own change. */
  author: string | null
  /** The pull request's current head: an approval of an older head does not count. */
  headSha?: string
}

/**
 * Who approves a pull request, as GitHub counts it: per reviewer the latest review that takes a
 * position (approved, changes requested, dismissed); comments leave the position as it was. An
 * approval counts only on the current head commit, and never the author's. Reviews arrive oldest
 * first. Whether a reviewer may approve at all (write access) is the review channel's question.
 */
export function approversOf(reviews: Review[], rules: ApprovalRules): string[] {
  const position = new Map<string, Review>()
  for (const r of reviews) {
    if (!r.user) continue
    if (r.state === 'APPROVED' || r.state === 'CHANGES_REQUESTED' || r.state === 'DISMISSED') {
      position.set(r.user, r)
    }
  }
  const author = (rules.author ?? '').toLowerCase()
  return [...position.entries()]
    .filter(([user, review]) => review.state === 'APPROVED' && user.toLowerCase() !== author)
    .filter(([, review]) => rules.headSha === undefined || review.commit_id === rules.headSha)
    .map(([user]) => user)
    .sort()
}

/**
 * Who asked for the stage changes in a proposal: the `by` of the stage_history entries the
 * head adds to each version (the workflow's actor, recorded when promote made the proposal).
 * They may not approve their own promotion.
 */
export function requestersOf(base: DocumentAt[], head: DocumentAt[]): string[] {
  const before = new Map(base.map(d => [d.path, historyOf(d.content).length]))
  const requesters = new Set<string>()
  for (const doc of head) {
    const history = historyOf(doc.content)
    for (const entry of history.slice(before.get(doc.path) ?? 0)) {
      if (typeof entry?.by === 'string' && entry.by) requesters.add(entry.by)
    }
  }
  return [...requesters].sort()
}

function historyOf(content: unknown): { by?: unknown }[] {
  const history = (content as { stage_history?: unknown } | null)?.stage_history
  return Array.isArray(history) ? (history as { by?: unknown }[]) : []
}

/** Versions whose stage differs between two sets of documents; a version new in `after` has from null. */
export function stageChanges(before: ModelVersion[], after: ModelVersion[]): StageChange[] {
  const previous = new Map(before.map(v => [versionKey(v.name, v.version), v]))
  return after
    .filter(v => previous.get(versionKey(v.name, v.version))?.deployment_stage !== v.deployment_stage)
    .map(v => stageChangeOf(v, previous.get(versionKey(v.name, v.version))?.deployment_stage ?? null))
}

/**
 * Stage changes that may land on the registry branch without a pull request, by design: a
 * registration into a stage `register` allows, and retention archiving a version it may touch.
 * Everything else that moves a stage is a promotion and belongs in a reviewed pull request.
 */
export function isDirectChangeAllowed(
  policy: RegistryPolicy,
  change: StageChange,
  version: ModelVersion
): boolean {
  if (change.from === null) {
    return version.stage_history.length === 1 && isOpenRegistrationStage(policy, change.to)
  }
  return (
    change.to === ARCHIVED_STAGE &&
    version.stage_history.at(-1)?.via === 'cleanup' &&
    !policy.retention.protect_stages.includes(change.from)
  )
}
