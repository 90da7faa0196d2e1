/**
 * The review channel: where a change to the registry branch is proposed, reviewed and judged.
 * On GitHub it is pull requests, reviews, labels and commit statuses (src/github/review-channel.ts);
 * locally there is none, and the gates that need one are reported as not applicable.
 * Types only, so commands can depend on the port without loading an API client.
 */

export interface ProposalRequest {
  /** The branch carrying the proposed commit, e.g. `mreg/promote/theft-detector/1.1.0-to-production`. */
  branch: string
  /** The registry branch the proposal would be merged into. */
  base: string
  title: string
  /** Markdown. */
  body: string
  labels?: string[]
}

export interface Proposal {
  number: number
  url: string
  /** False when an open proposal for the branch existed and was updated. */
  created: boolean
}

export type StatusState = 'success' | 'failure' | 'pending' | 'error'

export interface StatusRequest {
  sha: string
  state: StatusState
  /** One line; GitHub keeps at most 140 characters. */
  description: string
  /** e.g. `model-registry/policy`; the latest status per context counts. */
  context: string
  targetUrl?: string
}

export interface PullForCommit {
  number: number
  merged: boolean
  url: string
}

export interface ReviewChannel {
  /** Opens a proposal for `branch` against `base`, or updates the open one (title, body, labels). */
  openOrUpdateProposal(p: ProposalRequest): Promise<Proposal>
  setStatus(p: StatusRequest): Promise<void>
  /** Users whose latest review is an approval; the proposal's author never counts. */
  approvals(pullNumber: number): Promise<{ approvers: string[] }>
  labels(pullNumber: number): Promise<string[]>
  /** Proposals that carry or brought the commit (open, closed or merged), as listed now. */
  pullsForCommit(sha: string): Promise<PullForCommit[]>
  /**
   * The merged proposal that brought the commit, waiting a bounded while for one to appear (a
   * channel may link a merge to its commits with a delay); `waitedMs` is how long it waited.
   */
  mergedPullFor(
    sha: string
  ): Promise<{ merged: PullForCommit | null; pulls: PullForCommit[]; waitedMs: number }>
}

/** The context of the policy verdict posted on proposal commits. */
export const POLICY_STATUS_CONTEXT = 'model-registry/policy'
