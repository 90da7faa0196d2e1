/** Pull request reviews: list, and create (tests usually add them with state.addReview). */
import { ApiError, notFound, paginate, type EmulatorContext, type Handler } from '../context.js'
import { review } from '../representations/pulls.js'
import type { ReviewState } from '../state.js'
import { livePull } from './pulls.js'

/** Rule actions-pull-request-setting: the Actions token may not create or approve pull requests. */
export function refuseIfActionsMayNotApprove(ctx: EmulatorContext): void {
  if (ctx.state.actionsCanCreatePullRequests) return
  throw new ApiError(403, 'GitHub Actions is not permitted to create or approve pull requests.', {
    rule: 'actions-pull-request-setting'
  })
}

export const listReviews: Handler = (ctx, req) => {
  const number = Number(req.params.pull_number)
  if (!ctx.state.pull(number)) throw notFound()
  const reviews = ctx.state.reviews.filter(r => r.pullNumber === number)
  const { page, headers } = paginate(req, reviews)
  return { status: 200, body: page.map(r => review(ctx, r)), headers }
}

const EVENT_STATES: Record<string, ReviewState> = {
  APPROVE: 'APPROVED',
  REQUEST_CHANGES: 'CHANGES_REQUESTED',
  COMMENT: 'COMMENTED'
}

export const createReview: Handler = async (ctx, req) => {
  const pull = ctx.state.pull(Number(req.params.pull_number))
  if (!pull) throw notFound()
  const input = req.body as { event?: string; body?: string; commit_id?: string }
  // Rule no-self-approval: the token opened it, so it cannot approve it.
  if (input.event !== undefined && input.event !== 'COMMENT' && pull.user === ctx.state.viewer) {
    throw new ApiError(422, 'Unprocessable Entity', {
      errors: ['Can not approve your own pull request'],
      rule: 'no-self-approval'
    })
  }
  if (input.event === 'APPROVE') refuseIfActionsMayNotApprove(ctx)
  const live = await livePull(ctx, pull)
  const record = ctx.state.addReview(pull.number, {
    user: ctx.state.viewer,
    state: input.event ? (EVENT_STATES[input.event] ?? 'COMMENTED') : 'PENDING',
    body: input.body ?? '',
    commitId: input.commit_id ?? live.headSha
  })
  return { status: 200, body: review(ctx, record) }
}
