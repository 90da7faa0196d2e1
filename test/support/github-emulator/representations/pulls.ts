/** `pull-request`, `pull-request-simple`, `pull-request-minimal` and `pull-request-review`. */
import type { EmulatorContext } from '../context.js'
import type { PullRecord, ReviewRecord } from '../state.js'
import { association, nodeId, repoApi, repoWeb, repository, user, type Json } from './common.js'
import { label } from './misc.js'

/** What is computed from the repository at read time. */
export interface PullLive {
  headSha: string
  baseSha: string
  mergeable: boolean | null
  commits: number
  additions: number
  deletions: number
  changedFiles: number
}

/** Fields shared by the full and the simple representation. */
export function pullSimple(ctx: EmulatorContext, pull: PullRecord, live: PullLive): Json {
  const api = `${repoApi(ctx)}/pulls/${pull.number}`
  const issue = `${repoApi(ctx)}/issues/${pull.number}`
  const html = `${repoWeb(ctx)}/pull/${pull.number}`
  const repo = repository(ctx)
  const side = (ref: string, sha: string): Json => ({
    label: `${ctx.owner}:${ref}`,
    ref,
    sha,
    user: user(ctx, ctx.owner),
    repo
  })
  return {
    url: api,
    id: pull.id,
    node_id: nodeId('PullRequest', pull.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issue,
    commits_url: `${api}/commits`,
    review_comments_url: `${api}/comments`,
    review_comment_url: `${repoApi(ctx)}/pulls/comments{/number}`,
    comments_url: `${issue}/comments`,
    statuses_url: `${repoApi(ctx)}/statuses/${live.headSha}`,
    number: pull.number,
    state: pull.state,
    locked: false,
    title: pull.title,
    user: user(ctx, pull.user),
    body: pull.body,
    labels: pull.labels.flatMap(name => {
      const record = ctx.state.labels.find(l => l.name === name)
      return record ? [label(ctx, record)] : []
    }),
    milestone: null,
    active_lock_reason: null,
    created_at: pull.createdAt,
    updated_at: pull.updatedAt,
    closed_at: pull.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: side(pull.head, live.headSha),
    base: side(pull.base, live.baseSha),
    _links: {
      self: { href: api },
      html: { href: html },
      issue: { href: issue },
      comments: { href: `${issue}/comments` },
      review_comments: { href: `${api}/comments` },
      review_comment: { href: `${repoApi(ctx)}/pulls/comments{/number}` },
      commits: { href: `${api}/commits` },
      statuses: { href: `${repoApi(ctx)}/statuses/${live.headSha}` }
    },
    author_association: association(ctx, pull.user),
    auto_merge: null,
    draft: pull.draft
  }
}

export function pullFull(ctx: EmulatorContext, pull: PullRecord, live: PullLive): Json {
  const merged = pull.mergedAt !== null
  return {
    ...pullSimple(ctx, pull, live),
    merged,
    mergeable: pull.state === 'open' ? live.mergeable : null,
    rebaseable: pull.state === 'open' ? live.mergeable : null,
    mergeable_state: pull.state !== 'open' ? 'unknown' : live.mergeable ? 'clean' : 'dirty',
    merged_by: pull.mergedBy ? user(ctx, pull.mergedBy) : null,
    comments: ctx.state.comments.filter(c => c.issueNumber === pull.number).length,
    review_comments: 0,
    maintainer_can_modify: pull.maintainerCanModify,
    commits: live.commits,
    additions: live.additions,
    deletions: live.deletions,
    changed_files: live.changedFiles
  }
}

export function pullMinimal(ctx: EmulatorContext, pull: PullRecord, live: PullLive): Json {
  const repo = { id: ctx.repoId, url: repoApi(ctx), name: ctx.repo }
  return {
    id: pull.id,
    number: pull.number,
    url: `${repoApi(ctx)}/pulls/${pull.number}`,
    head: { ref: pull.head, sha: live.headSha, repo },
    base: { ref: pull.base, sha: live.baseSha, repo }
  }
}

export function review(ctx: EmulatorContext, record: ReviewRecord): Json {
  const html = `${repoWeb(ctx)}/pull/${record.pullNumber}#pullrequestreview-${record.id}`
  const pullUrl = `${repoApi(ctx)}/pulls/${record.pullNumber}`
  return {
    id: record.id,
    node_id: nodeId('PullRequestReview', record.id),
    user: user(ctx, record.user),
    body: record.body,
    state: record.state,
    html_url: html,
    pull_request_url: pullUrl,
    _links: { html: { href: html }, pull_request: { href: pullUrl } },
    submitted_at: record.submittedAt,
    commit_id: record.commitId,
    author_association: association(ctx, record.user)
  }
}
