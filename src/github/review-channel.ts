/**
 * The review channel on GitHub: proposals are pull requests, approval is GitHub's review state,
 * the verdict is a commit status. Every failure is a one-line RegistryError from the client.
 */
import type {
  Proposal,
  ProposalRequest,
  PullForCommit,
  ReviewChannel,
  StatusRequest
} from '../commands/review-channel.js'
import { approversOf } from '../domain/review.js'
import type { GitHubClient } from './client.js'
import {
  addLabels,
  collaboratorPermission,
  createPull,
  findOpenPull,
  getPull,
  listLabels,
  listReviews,
  pullsForCommit,
  updatePull
} from './pulls.js'
import { createCommitStatus } from './statuses.js'
import { sleep } from './timing.js'

/**
 * Associations that can come with write access; CONTRIBUTOR, FIRST_TIMER, NONE… cannot.
 * https://docs.github.com/en/graphql/reference/enums#commentauthorassociation
 */
const WRITE_ASSOCIATIONS = new Set(['OWNER', 'MEMBER', 'COLLABORATOR'])
/** Permissions that may approve a change: what a required review on GitHub counts. */
const WRITE_PERMISSIONS = new Set(['admin', 'write'])

export interface GitHubReviewChannelOptions {
  client: GitHubClient
  owner: string
  repo: string
  /**
   * Waits between lookups of a commit's merged pull request: GitHub links a merge to its
   * commits asynchronously, so the first answer may not list it yet. Default 0.5, 1, 2 and 4 s
   * (7.5 s in all).
   */
  linkRetryDelaysMs?: readonly number[]
  sleep?: (ms: number) => Promise<void>
}

const DEFAULT_LINK_RETRY_DELAYS_MS = [500, 1000, 2000, 4000] as const

export function createGitHubReviewChannel(options: GitHubReviewChannelOptions): ReviewChannel {
  const { client, owner, repo } = options
  const ref = { owner, repo }
  const delays = options.linkRetryDelaysMs ?? DEFAULT_LINK_RETRY_DELAYS_MS
  const wait = options.sleep ?? sleep

  async function listed(sha: string): Promise<PullForCommit[]> {
    const pulls = await pullsForCommit(client, { ...ref, commit_sha: sha })
    return pulls.map(p => ({ number: p.number, merged: p.merged, url: p.html_url }))
  }

  async function openOrUpdateProposal(p: ProposalRequest): Promise<Proposal> {
    const lookup = { ...ref, branch: p.branch, base: p.base }
    const existing = await findOpenPull(client, lookup)
    let created = false
    let pull =
      existing &&
      (await updatePull(client, { ...ref, pull_number: existing.number, title: p.title, body: p.body }))
    if (!pull) {
      pull = await createPull(client, { ...lookup, title: p.title, body: p.body })
      created = pull !== null
    }
    if (!pull) {
      // Another run opened it between our lookup and our create: update that one.
      const raced = await findOpenPull(client, lookup)
      if (!raced) {
        throw client.fail(
          new Error(`GitHub reported an open pull request for ${p.branch}, but none is listed`),
          `opening a pull request from ${p.branch}`,
          `${owner}/${repo}`
        )
      }
      pull = await updatePull(client, { ...ref, pull_number: raced.number, title: p.title, body: p.body })
    }
    const labels = pull.labels
    await addLabels(client, {
      ...ref,
      issue_number: pull.number,
      labels: (p.labels ?? []).filter(l => !labels.includes(l))
    })
    return { number: pull.number, url: pull.html_url, created }
  }

  return {
    openOrUpdateProposal,
    async setStatus(s: StatusRequest): Promise<void> {
      await createCommitStatus(client, {
        ...ref,
        sha: s.sha,
        state: s.state,
        description: s.description,
        context: s.context,
        target_url: s.targetUrl
      })
    },
    async approvals(pullNumber: number): Promise<{ approvers: string[] }> {
      const [pull, reviews] = await Promise.all([
        getPull(client, { ...ref, pull_number: pullNumber }),
        listReviews(client, { ...ref, pull_number: pullNumber })
      ])
      const positions = approversOf(reviews, { author: pull.user, headSha: pull.head.sha })
      const associations = new Map(reviews.map(r => [r.user, r.author_association]))
      // author_association first: someone with no relation to the repository cannot have write
      // access, and asking GitHub costs a request per reviewer. Then the permission itself.
      const related = positions.filter(user => WRITE_ASSOCIATIONS.has(associations.get(user) ?? ''))
      const permissions = await Promise.all(
        related.map(username => collaboratorPermission(client, { ...ref, username }))
      )
      return { approvers: related.filter((_, i) => WRITE_PERMISSIONS.has(permissions[i] ?? 'none')) }
    },
    labels(pullNumber: number): Promise<string[]> {
      return listLabels(client, { ...ref, issue_number: pullNumber })
    },
    pullsForCommit: listed,
    async mergedPullFor(sha: string) {
      let waitedMs = 0
      for (let attempt = 0; ; attempt++) {
        const pulls = await listed(sha)
        const merged = pulls.find(p => p.merged) ?? null
        const delay = delays[attempt]
        if (merged || delay === undefined) return { merged, pulls, waitedMs }
        await wait(delay)
        waitedMs += delay
      }
    }
  }
}
