/** Labels, commit statuses, check runs, issue comments, git refs and diff entries. */
import type { EmulatorContext } from '../context.js'
import type { CheckRunRecord, CommentRecord, LabelRecord, StatusRecord } from '../state.js'
import type { RefEntry } from '../git/repo.js'
import {
  actionsApp,
  association,
  enc,
  nodeId,
  repoApi,
  repoWeb,
  repository,
  user,
  type Json
} from './common.js'

export function label(ctx: EmulatorContext, record: LabelRecord): Json {
  return {
    id: record.id,
    node_id: nodeId('Label', record.id),
    url: `${repoApi(ctx)}/labels/${enc(record.name)}`,
    name: record.name,
    // pull-request-simple declares a label description as a non-null string; GitHub sends "" for none
    description: record.description ?? '',
    color: record.color,
    default: false
  }
}

export function status(ctx: EmulatorContext, record: StatusRecord): Json {
  return {
    url: `${repoApi(ctx)}/statuses/${record.sha}`,
    avatar_url: user(ctx, record.creator).avatar_url,
    id: record.id,
    node_id: nodeId('StatusContext', record.id),
    state: record.state,
    description: record.description,
    target_url: record.targetUrl,
    context: record.context,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
    creator: user(ctx, record.creator)
  }
}

/**
 * The combined status: the latest status per context; failure if any is error or failure,
 * pending if any is pending or there are none, success otherwise.
 * https://docs.github.com/en/rest/commits/statuses#get-the-combined-status-for-a-specific-reference
 */
export function combinedStatus(ctx: EmulatorContext, sha: string, records: StatusRecord[]): Json {
  const latest = new Map<string, StatusRecord>()
  for (const record of records) latest.set(record.context, record)
  const statuses = [...latest.values()]
  const states = statuses.map(s => s.state)
  const state = states.some(s => s === 'error' || s === 'failure')
    ? 'failure'
    : states.length === 0 || states.includes('pending')
      ? 'pending'
      : 'success'
  return {
    state,
    statuses: statuses.map(record => {
      const full = status(ctx, record)
      delete full.creator
      return full
    }),
    sha,
    total_count: statuses.length,
    repository: repository(ctx),
    commit_url: `${repoApi(ctx)}/commits/${sha}`,
    url: `${repoApi(ctx)}/commits/${sha}/status`
  }
}

export function checkRun(ctx: EmulatorContext, record: CheckRunRecord, pullRequests: Json[]): Json {
  return {
    id: record.id,
    head_sha: record.headSha,
    node_id: nodeId('CheckRun', record.id),
    external_id: record.externalId,
    url: `${repoApi(ctx)}/check-runs/${record.id}`,
    html_url: `${repoWeb(ctx)}/runs/${record.id}`,
    details_url: record.detailsUrl,
    status: record.status,
    conclusion: record.conclusion,
    started_at: record.startedAt,
    completed_at: record.completedAt,
    output: {
      title: record.output.title,
      summary: record.output.summary,
      text: record.output.text,
      annotations_count: record.output.annotations.length,
      annotations_url: `${repoApi(ctx)}/check-runs/${record.id}/annotations`
    },
    name: record.name,
    check_suite: { id: record.id + 1_000_000 },
    app: actionsApp(ctx),
    pull_requests: pullRequests
  }
}

export function issueComment(ctx: EmulatorContext, record: CommentRecord): Json {
  return {
    id: record.id,
    node_id: nodeId('IssueComment', record.id),
    url: `${repoApi(ctx)}/issues/comments/${record.id}`,
    html_url: `${repoWeb(ctx)}/pull/${record.issueNumber}#issuecomment-${record.id}`,
    body: record.body,
    user: user(ctx, record.user),
    created_at: record.createdAt,
    updated_at: record.updatedAt,
    issue_url: `${repoApi(ctx)}/issues/${record.issueNumber}`,
    author_association: association(ctx, record.user)
  }
}

export function gitRef(ctx: EmulatorContext, entry: RefEntry): Json {
  const short = entry.ref.replace(/^refs\//, '')
  return {
    ref: entry.ref,
    node_id: nodeId('Ref', entry.ref),
    url: `${repoApi(ctx)}/git/refs/${short.split('/').map(enc).join('/')}`,
    object: {
      type: entry.type,
      sha: entry.sha,
      url: `${repoApi(ctx)}/git/${entry.type === 'tag' ? 'tags' : entry.type === 'commit' ? 'commits' : `${entry.type}s`}/${entry.sha}`
    }
  }
}

export function diffEntry(
  ctx: EmulatorContext,
  headSha: string,
  file: {
    status: string
    filename: string
    previous?: string
    additions: number
    deletions: number
    sha: string | null
  }
): Json {
  const path = file.filename.split('/').map(enc).join('/')
  const entry: Json = {
    sha: file.sha,
    filename: file.filename,
    status: file.status,
    additions: file.additions,
    deletions: file.deletions,
    changes: file.additions + file.deletions,
    blob_url: `${repoWeb(ctx)}/blob/${headSha}/${path}`,
    raw_url: `${repoWeb(ctx)}/raw/${headSha}/${path}`,
    contents_url: `${repoApi(ctx)}/contents/${path}?ref=${headSha}`
  }
  if (file.previous !== undefined) entry.previous_filename = file.previous
  return entry
}
