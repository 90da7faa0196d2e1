/**
 * Pull requests between branches of the one repository: create, get, list, update, list files,
 * the pulls associated with a commit, and merge — which really writes the merge (or squash, or
 * rebased) commits into the bare repository and moves the base branch.
 */
import {
  ApiError,
  notFound,
  paginate,
  validationFailed,
  type EmulatorContext,
  type Handler
} from '../context.js'
import { diffEntry } from '../representations/misc.js'
import { pullFull, pullSimple, type PullLive } from '../representations/pulls.js'
import { timestamp, type PullRecord } from '../state.js'
import { refuseIfActionsMayNotApprove } from './reviews.js'

function findPull(ctx: EmulatorContext, number: unknown): PullRecord {
  const pull = ctx.state.pull(Number(number))
  if (!pull) throw notFound()
  return pull
}

/** Head and base as they are now (open) or were when the pull request closed. */
async function tips(ctx: EmulatorContext, pull: PullRecord): Promise<{ headSha: string; baseSha: string }> {
  if (pull.state !== 'open') return { headSha: pull.headSha, baseSha: pull.baseSha }
  const headSha = (await ctx.git.resolveCommit(`refs/heads/${pull.head}`)) ?? pull.headSha
  const baseSha = (await ctx.git.resolveCommit(`refs/heads/${pull.base}`)) ?? pull.baseSha
  pull.headSha = headSha
  pull.baseSha = baseSha
  return { headSha, baseSha }
}

export async function livePull(ctx: EmulatorContext, pull: PullRecord): Promise<PullLive> {
  const { headSha, baseSha } = await tips(ctx, pull)
  const mergeBase = (await ctx.git.mergeBase(baseSha, headSha)) ?? baseSha
  const files = await ctx.git.diffFiles(mergeBase, headSha)
  const commits = pull.mergedAt
    ? pull.mergedCommits.length
    : (await ctx.git.commitsBetween(baseSha, headSha)).length
  const mergeable = pull.state === 'open' ? (await ctx.git.mergeTree(baseSha, headSha)) !== undefined : null
  return {
    headSha,
    baseSha,
    mergeable,
    commits,
    additions: files.reduce((sum, f) => sum + f.additions, 0),
    deletions: files.reduce((sum, f) => sum + f.deletions, 0),
    changedFiles: files.length
  }
}

/** `owner:branch` or `branch` → branch of this repository. */
function branchOf(ctx: EmulatorContext, value: string): string | undefined {
  const colon = value.indexOf(':')
  if (colon < 0) return value
  return value.slice(0, colon) === ctx.owner ? value.slice(colon + 1) : undefined
}

export const createPull: Handler = async (ctx, req) => {
  const input = req.body as {
    title?: string
    head: string
    base: string
    body?: string
    draft?: boolean
    maintainer_can_modify?: boolean
  }
  refuseIfActionsMayNotApprove(ctx, req)
  if (input.title === undefined)
    throw validationFailed([{ resource: 'PullRequest', code: 'missing_field', field: 'title' }])
  const head = branchOf(ctx, input.head)
  const headSha = head ? await ctx.git.resolveCommit(`refs/heads/${head}`) : undefined
  if (!head || !headSha) throw validationFailed([{ resource: 'PullRequest', code: 'invalid', field: 'head' }])
  const baseSha = await ctx.git.resolveCommit(`refs/heads/${input.base}`)
  if (!baseSha) throw validationFailed([{ resource: 'PullRequest', code: 'invalid', field: 'base' }])
  if (ctx.state.pulls.some(p => p.state === 'open' && p.head === head && p.base === input.base)) {
    throw validationFailed([
      {
        resource: 'PullRequest',
        code: 'custom',
        message: `A pull request already exists for ${ctx.owner}:${head}.`
      }
    ])
  }
  if ((await ctx.git.commitsBetween(baseSha, headSha)).length === 0) {
    throw validationFailed([
      { resource: 'PullRequest', code: 'custom', message: `No commits between ${input.base} and ${head}` }
    ])
  }
  const now = timestamp()
  const pull: PullRecord = {
    id: ctx.state.nextId(),
    number: ctx.state.nextIssueNumber(),
    title: input.title,
    body: input.body ?? null,
    user: ctx.state.viewer,
    head,
    base: input.base,
    state: 'open',
    draft: input.draft ?? false,
    maintainerCanModify: input.maintainer_can_modify ?? false,
    labels: [],
    createdAt: now,
    updatedAt: now,
    closedAt: null,
    mergedAt: null,
    mergedBy: null,
    mergeCommitSha: null,
    headSha,
    baseSha,
    mergedCommits: []
  }
  ctx.state.pulls.push(pull)
  const body = pullFull(ctx, pull, await livePull(ctx, pull))
  return { status: 201, body, headers: { location: body.url as string } }
}

export const getPull: Handler = async (ctx, req) => {
  const pull = findPull(ctx, req.params.pull_number)
  return { status: 200, body: pullFull(ctx, pull, await livePull(ctx, pull)) }
}

export const listPulls: Handler = async (ctx, req) => {
  const state = String(req.query.state ?? 'open')
  const head = req.query.head === undefined ? undefined : branchOf(ctx, String(req.query.head))
  const base = req.query.base === undefined ? undefined : String(req.query.base)
  const sort = String(req.query.sort ?? 'created')
  const direction = String(req.query.direction ?? (sort === 'created' || sort === 'updated' ? 'desc' : 'asc'))
  const key = (p: PullRecord): string =>
    (sort === 'updated' ? p.updatedAt : p.createdAt) + String(p.number).padStart(9, '0')
  const selected = ctx.state.pulls
    .filter(p => state === 'all' || p.state === state)
    .filter(p => req.query.head === undefined || p.head === head)
    .filter(p => base === undefined || p.base === base)
    .sort((a, b) => (direction === 'asc' ? key(a).localeCompare(key(b)) : key(b).localeCompare(key(a))))
  const { page, headers } = paginate(req, selected)
  const body = []
  for (const pull of page) body.push(pullSimple(ctx, pull, await livePull(ctx, pull)))
  return { status: 200, body, headers }
}

export const updatePull: Handler = async (ctx, req) => {
  const pull = findPull(ctx, req.params.pull_number)
  const input = req.body as {
    title?: string
    body?: string
    state?: 'open' | 'closed'
    base?: string
    maintainer_can_modify?: boolean
  }
  if (input.base !== undefined && input.base !== pull.base) {
    if (!(await ctx.git.resolveCommit(`refs/heads/${input.base}`))) {
      throw validationFailed([{ resource: 'PullRequest', code: 'invalid', field: 'base' }])
    }
    pull.base = input.base
  }
  if (input.state === 'closed' && pull.state === 'open') {
    await tips(ctx, pull) // freeze
    pull.state = 'closed'
    pull.closedAt = timestamp()
  } else if (input.state === 'open' && pull.state === 'closed') {
    if (pull.mergedAt)
      throw validationFailed([
        { resource: 'PullRequest', code: 'custom', message: 'Cannot reopen a merged pull request' }
      ])
    pull.state = 'open'
    pull.closedAt = null
  }
  if (input.title !== undefined) pull.title = input.title
  if (input.body !== undefined) pull.body = input.body
  if (input.maintainer_can_modify !== undefined) pull.maintainerCanModify = input.maintainer_can_modify
  pull.updatedAt = timestamp()
  return { status: 200, body: pullFull(ctx, pull, await livePull(ctx, pull)) }
}

export const listPullFiles: Handler = async (ctx, req) => {
  const pull = findPull(ctx, req.params.pull_number)
  const { headSha, baseSha } = await tips(ctx, pull)
  const mergeBase = (await ctx.git.mergeBase(baseSha, headSha)) ?? baseSha
  const files = await ctx.git.diffFiles(mergeBase, headSha)
  const { page, headers } = paginate(req, files)
  return { status: 200, body: page.map(f => diffEntry(ctx, headSha, f)), headers }
}

/**
 * The pull requests that brought a commit (merged), or that carry it (open). `commit_sha` may be
 * a branch name, as the description allows.
 */
export const pullsForCommit: Handler = async (ctx, req) => {
  const sha = await ctx.git.resolveCommit(String(req.params.commit_sha))
  if (!sha) throw new ApiError(422, `No commit found for SHA: ${String(req.params.commit_sha)}`)
  const found: PullRecord[] = []
  for (const pull of ctx.state.pulls) {
    if (pull.linkedFrom !== undefined && Date.now() < pull.linkedFrom) {
      ctx.state.unlinkedAnswers++
      continue // rule pull-link-delay
    }
    const { headSha, baseSha } = await tips(ctx, pull)
    const carries =
      pull.mergeCommitSha === sha ||
      headSha === sha ||
      pull.mergedCommits.includes(sha) ||
      (pull.state === 'open' && (await ctx.git.commitsBetween(baseSha, headSha)).includes(sha))
    if (carries) found.push(pull)
  }
  found.sort((a, b) => b.number - a.number)
  const { page, headers } = paginate(req, found)
  const body = []
  for (const pull of page) body.push(pullSimple(ctx, pull, await livePull(ctx, pull)))
  return { status: 200, body, headers }
}
