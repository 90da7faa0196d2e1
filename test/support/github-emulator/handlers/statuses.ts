/** Commit statuses (create, combined, list) and check runs (create, update, get, list for a ref). */
import { ApiError, notFound, paginate, type EmulatorContext, type Handler } from '../context.js'
import { checkRun, combinedStatus, status } from '../representations/misc.js'
import { pullMinimal } from '../representations/pulls.js'
import { timestamp, type CheckRunRecord, type StatusRecord } from '../state.js'
import type { Json } from '../representations/common.js'
import { livePull } from './pulls.js'

async function commitOf(ctx: EmulatorContext, name: string): Promise<string> {
  const sha = await ctx.git.resolveCommit(name)
  if (!sha) throw new ApiError(422, `No commit found for SHA: ${name}`)
  return sha
}

/** A ref as the statuses endpoints take it: a SHA, a branch or a tag name. */
async function refCommit(ctx: EmulatorContext, ref: string): Promise<string> {
  const sha = await ctx.git.resolveCommit(ref)
  if (!sha) throw notFound()
  return sha
}

export const createStatus: Handler = async (ctx, req) => {
  const sha = String(req.params.sha)
  if (!/^[0-9a-f]{40}$/.test(sha) || !(await ctx.git.objectExists(sha))) {
    throw new ApiError(422, `No commit found for SHA: ${sha}`)
  }
  const input = req.body as {
    state: StatusRecord['state']
    target_url?: string | null
    description?: string | null
    context?: string
  }
  const now = timestamp()
  const record: StatusRecord = {
    id: ctx.state.nextId(),
    sha,
    state: input.state,
    context: input.context ?? 'default',
    description: input.description ?? null,
    targetUrl: input.target_url ?? null,
    creator: ctx.state.viewer,
    createdAt: now,
    updatedAt: now
  }
  ctx.state.statuses.push(record)
  return {
    status: 201,
    body: status(ctx, record),
    headers: { location: `${status(ctx, record).url as string}` }
  }
}

export const combinedStatusForRef: Handler = async (ctx, req) => {
  const sha = await refCommit(ctx, String(req.params.ref))
  const records = ctx.state.statuses.filter(s => s.sha === sha)
  return { status: 200, body: combinedStatus(ctx, sha, records) }
}

export const listStatusesForRef: Handler = async (ctx, req) => {
  const sha = await refCommit(ctx, String(req.params.ref))
  const records = ctx.state.statuses.filter(s => s.sha === sha).reverse()
  const { page, headers } = paginate(req, records)
  return { status: 200, body: page.map(r => status(ctx, r)), headers }
}

interface CheckRunInput {
  name?: string
  head_sha?: string
  details_url?: string
  external_id?: string
  status?: string
  conclusion?: string
  started_at?: string
  completed_at?: string
  output?: { title?: string; summary?: string; text?: string; annotations?: unknown[] }
}

/** Rule check-run-conclusion-completes. */
function apply(record: CheckRunRecord, input: CheckRunInput): void {
  if (input.name !== undefined) record.name = input.name
  if (input.details_url !== undefined) record.detailsUrl = input.details_url
  if (input.external_id !== undefined) record.externalId = input.external_id
  if (input.started_at !== undefined) record.startedAt = input.started_at
  if (input.status !== undefined) record.status = input.status
  if (input.conclusion !== undefined) {
    record.conclusion = input.conclusion
    record.status = 'completed'
  }
  if (input.completed_at !== undefined) record.completedAt = input.completed_at
  if (record.status === 'completed' && record.completedAt === null) record.completedAt = timestamp()
  if (input.output) {
    record.output = {
      title: input.output.title ?? record.output.title,
      summary: input.output.summary ?? record.output.summary,
      text: input.output.text ?? record.output.text,
      // annotations accumulate across updates, as on GitHub
      annotations: [...record.output.annotations, ...(input.output.annotations ?? [])]
    }
  }
}

async function renderCheckRun(ctx: EmulatorContext, record: CheckRunRecord): Promise<Json> {
  const pulls = []
  for (const pull of ctx.state.pulls.filter(p => p.state === 'open')) {
    const live = await livePull(ctx, pull)
    if (live.headSha === record.headSha) pulls.push(pullMinimal(ctx, pull, live))
  }
  return checkRun(ctx, record, pulls)
}

export const createCheckRun: Handler = async (ctx, req) => {
  const input = req.body as CheckRunInput & { name: string; head_sha: string }
  const headSha = await commitOf(ctx, input.head_sha)
  const record: CheckRunRecord = {
    id: ctx.state.nextId(),
    name: input.name,
    headSha,
    status: 'queued',
    conclusion: null,
    externalId: null,
    detailsUrl: null,
    startedAt: timestamp(),
    completedAt: null,
    output: { title: null, summary: null, text: null, annotations: [] }
  }
  apply(record, input)
  ctx.state.checkRuns.push(record)
  return { status: 201, body: await renderCheckRun(ctx, record) }
}

function findCheckRun(ctx: EmulatorContext, id: unknown): CheckRunRecord {
  const record = ctx.state.checkRuns.find(r => r.id === Number(id))
  if (!record) throw notFound()
  return record
}

export const updateCheckRun: Handler = async (ctx, req) => {
  const record = findCheckRun(ctx, req.params.check_run_id)
  apply(record, req.body as CheckRunInput)
  return { status: 200, body: await renderCheckRun(ctx, record) }
}

export const getCheckRun: Handler = async (ctx, req) => ({
  status: 200,
  body: await renderCheckRun(ctx, findCheckRun(ctx, req.params.check_run_id))
})

export const listCheckRunsForRef: Handler = async (ctx, req) => {
  const sha = await refCommit(ctx, String(req.params.ref))
  const name = req.query.check_name === undefined ? undefined : String(req.query.check_name)
  const wanted = req.query.status === undefined ? undefined : String(req.query.status)
  const records = ctx.state.checkRuns
    .filter(
      r =>
        r.headSha === sha &&
        (name === undefined || r.name === name) &&
        (wanted === undefined || r.status === wanted)
    )
    .reverse()
  const { page, headers } = paginate(req, records)
  const runs = []
  for (const record of page) runs.push(await renderCheckRun(ctx, record))
  return { status: 200, body: { total_count: records.length, check_runs: runs }, headers }
}
