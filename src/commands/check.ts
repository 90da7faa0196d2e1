/**
 * check: the policy check of a proposed change to the registry branch (a pull request), base →
 * head. Both commits are read as data — JSON documents, validated by the domain — and nothing in
 * them is ever executed. Only what the change touched is read (src/commands/check-reads.ts), so
 * the cost follows the size of the change, not of the registry or of a model's history. With a review channel and a pull request number,
 * approvals and labels come from the pull request and the verdict is posted as a commit status.
 */
import {
  requestersOf,
  reviewChange,
  reviewVerdict,
  type ReviewResult,
  type VerdictState
} from '../domain/review.js'
import type { RegistryBackend } from '../registry/backend.js'
import { readChange } from './check-reads.js'
import type { CommandContext } from './context.js'
import { POLICY_STATUS_CONTEXT } from './review-channel.js'

export interface CheckInput {
  /** The commit the change is judged against (the pull request's base), or a ref. */
  base: string
  /** The proposed commit (the pull request's head), or a ref. */
  head: string
  pullNumber?: number
  /** The branch carrying `head` on the remote (the pull request's head branch), fetched if needed. */
  headRef?: string
}

export interface PostedStatus {
  state: VerdictState
  description: string
  context: string
}

export interface CheckOutcome extends ReviewResult {
  base: string
  head: string
  /** 'not-applicable' without a review channel: approvals and labels were not judged. */
  review: 'pull-request' | 'not-applicable'
  pull_request: number | null
  approvals: string[] | null
  labels: string[] | null
  /** The verdict as a commit status; `posted` says whether it went to the review channel. */
  status: PostedStatus & { posted: boolean }
}

export async function check(ctx: CommandContext, input: CheckInput): Promise<CheckOutcome> {
  const from = input.pullNumber === undefined ? [] : [`refs/pull/${input.pullNumber}/head`]
  if (input.headRef) from.unshift(input.headRef)
  const base = await commitOf(ctx.backend, input.base)
  const head = await commitOf(ctx.backend, input.head, from)

  const review = ctx.review
  const pullNumber = input.pullNumber ?? null
  let approvals: string[] | null = null
  let labels: string[] | null = null
  if (review && pullNumber !== null) {
    ;[approvals, labels] = await Promise.all([
      review.approvals(pullNumber).then(a => a.approvers),
      review.labels(pullNumber)
    ])
  } else if (review) {
    // A review channel but no pull request: the change did not come through one.
    approvals = []
    labels = []
  }
  let result: ReviewResult
  if (await builtOn(ctx.backend, head, base)) {
    const change = await readChange(ctx.backend, base, head)
    // Nobody approves their own promotion: whoever asked for it (recorded in the proposal) is not counted.
    const requesters = new Set(
      requestersOf(change.base.versions, change.head.versions).map(u => u.toLowerCase())
    )
    approvals = approvals?.filter(user => !requesters.has(user.toLowerCase())) ?? null
    result = reviewChange({ ...change, approvals, labels, viaPullRequest: pullNumber !== null })
  } else {
    result = staleReview(base)
  }
  const verdict = reviewVerdict(result)
  let posted = false
  if (review && pullNumber !== null) {
    await review.setStatus({
      sha: head,
      state: verdict.state,
      description: verdict.description,
      context: POLICY_STATUS_CONTEXT,
      targetUrl: (await ctx.source)?.workflow_run
    })
    posted = true
  }
  return {
    ...result,
    base,
    head,
    review: review ? 'pull-request' : 'not-applicable',
    pull_request: pullNumber,
    approvals,
    labels,
    status: { ...verdict, context: POLICY_STATUS_CONTEXT, posted }
  }
}

/** How far back from the head the base is looked for; a proposal's parent is its base. */
const MAX_ANCESTRY_WALK = 200

/**
 * Whether `head` is built on `base`. When the registry moved on after the proposal was made, a
 * diff base → head would read as undoing whatever landed meanwhile; merging would not do that,
 * so the honest verdict is "rebuild", not a list of phantom reverts. Unknown (no parent lookup,
 * or history too long to walk) counts as built on it.
 */
async function builtOn(backend: RegistryBackend, head: string, base: string): Promise<boolean> {
  if (head === base || !backend.parents) return true
  const seen = new Set<string>([head])
  const queue = [head]
  while (queue.length > 0 && seen.size <= MAX_ANCESTRY_WALK) {
    for (const parent of await backend.parents(queue.shift() as string)) {
      if (parent === base) return true
      if (!seen.has(parent)) {
        seen.add(parent)
        queue.push(parent)
      }
    }
  }
  return queue.length > 0
}

function staleReview(base: string): ReviewResult {
  return {
    passed: false,
    findings: [
      {
        severity: 'error',
        kind: 'stale-base',
        subject: 'proposal',
        message: `the change is not built on ${base.slice(0, 12)}: the registry branch moved on since; run the promotion again (or rebase the branch) to rebuild it`
      }
    ],
    changes: [],
    gates: []
  }
}

/** A commit id or ref made readable (fetched, for a remote); backends without the hook take ids as given. */
export async function commitOf(backend: RegistryBackend, ref: string, from: string[] = []): Promise<string> {
  if (backend.fetchCommit) return backend.fetchCommit(ref, from)
  return ref
}
