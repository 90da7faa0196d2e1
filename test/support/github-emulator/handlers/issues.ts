/**
 * Issue comments and labels, on pull requests (the only issues this repository has). Adding a
 * label the repository lacks creates it, as GitHub does.
 */
import { ApiError, notFound, paginate, type EmulatorContext, type Handler } from '../context.js'
import { issueComment, label } from '../representations/misc.js'
import { timestamp, type CommentRecord, type PullRecord } from '../state.js'

function findIssue(ctx: EmulatorContext, number: unknown): PullRecord {
  const pull = ctx.state.pull(Number(number))
  if (!pull) throw notFound()
  return pull
}

export const createComment: Handler = (ctx, req) => {
  const issue = findIssue(ctx, req.params.issue_number)
  const now = timestamp()
  const record: CommentRecord = {
    id: ctx.state.nextId(),
    issueNumber: issue.number,
    body: (req.body as { body: string }).body,
    user: ctx.state.viewer,
    createdAt: now,
    updatedAt: now
  }
  ctx.state.comments.push(record)
  const body = issueComment(ctx, record)
  return { status: 201, body, headers: { location: body.url as string } }
}

export const listComments: Handler = (ctx, req) => {
  const issue = findIssue(ctx, req.params.issue_number)
  const comments = ctx.state.comments.filter(c => c.issueNumber === issue.number)
  const { page, headers } = paginate(req, comments)
  return { status: 200, body: page.map(c => issueComment(ctx, c)), headers }
}

export const updateComment: Handler = (ctx, req) => {
  const record = ctx.state.comments.find(c => c.id === Number(req.params.comment_id))
  if (!record) throw notFound()
  record.body = (req.body as { body: string }).body
  record.updatedAt = timestamp()
  return { status: 200, body: issueComment(ctx, record) }
}

function labelsOf(ctx: EmulatorContext, issue: PullRecord): Record<string, unknown>[] {
  return issue.labels.flatMap(name => {
    const record = ctx.state.labels.find(l => l.name === name)
    return record ? [label(ctx, record)] : []
  })
}

export const listLabels: Handler = (ctx, req) => {
  const issue = findIssue(ctx, req.params.issue_number)
  const { page, headers } = paginate(req, labelsOf(ctx, issue))
  return { status: 200, body: page, headers }
}

export const addLabels: Handler = (ctx, req) => {
  const issue = findIssue(ctx, req.params.issue_number)
  const input = req.body as { labels?: (string | { name: string })[] } | string[]
  const names = (Array.isArray(input) ? input : (input.labels ?? [])).map(l =>
    typeof l === 'string' ? l : l.name
  )
  for (const name of names) {
    if (!ctx.state.labels.some(l => l.name === name)) {
      ctx.state.labels.push({ id: ctx.state.nextId(), name, color: 'ededed', description: null })
    }
    if (!issue.labels.includes(name)) issue.labels.push(name)
  }
  issue.updatedAt = timestamp()
  return { status: 200, body: labelsOf(ctx, issue) }
}

export const removeLabel: Handler = (ctx, req) => {
  const issue = findIssue(ctx, req.params.issue_number)
  const name = String(req.params.name)
  if (!issue.labels.includes(name)) throw new ApiError(404, 'Label does not exist')
  issue.labels = issue.labels.filter(l => l !== name)
  issue.updatedAt = timestamp()
  return { status: 200, body: labelsOf(ctx, issue) }
}
