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
  createPull,
  findOpenPull,
  getPull,
  listLabels,
  listReviews,
  pullsForCommit,
  updatePull
} from './pulls.js'
import { createCommitStatus } from './statuses.js'

export interface GitHubReviewChannelOptions {
  client: GitHubClient
  owner: string
  repo: string
}

export function createGitHubReviewChannel(options: GitHubReviewChannelOptions): ReviewChannel {
  const { client, owner, repo } = options
  const ref = { owner, repo }

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
      return { approvers: approversOf(reviews, pull.user) }
    },
    labels(pullNumber: number): Promise<string[]> {
      return listLabels(client, { ...ref, issue_number: pullNumber })
    },
    async pullsForCommit(sha: string): Promise<PullForCommit[]> {
      const pulls = await pullsForCommit(client, { ...ref, commit_sha: sha })
      return pulls.map(p => ({ number: p.number, merged: p.merged, url: p.html_url }))
    }
  }
}
