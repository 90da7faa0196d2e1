/** Pull request reviews: list, and create (tests usually add them with state.addReview). */
import { parseAuthorization } from '../auth.js'
import {
  ApiError,
  notFound,
  paginate,
  type ApiRequest,
  type EmulatorContext,
  type Handler
} from '../context.js'
import { review } from '../representations/pulls.js'
import type { ReviewState } from '../state.js'
import { livePull } from './pulls.js'

/** The login that GitHub Actions' own token (GITHUB_TOKEN) acts as. */
const ACTIONS_LOGIN = 'github-actions[bot]'

/**
 * Rule actions-pull-request-setting: with the setting off, the Actions token (GITHUB_TOKEN) may
 * not create or approve pull requests; another token (a GitHub App's installation token, a
 * person's) is not concerned by the setting.
 */
export function refuseIfActionsMayNotApprove(ctx: EmulatorContext, req: ApiRequest): void {
  if (ctx.state.actionsCanCreatePullRequests) return
  const token = parseAuthorization(req.headers.authorization as string | undefined)?.token ?? ''
  const login = ctx.state.tokens.grant(token)?.login ?? ctx.state.viewer
  if (login !== ACTIONS_LOGIN) return
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
  if (input.event === 'APPROVE') refuseIfActionsMayNotApprove(ctx, req)
  const live = await livePull(ctx, pull)
  const record = ctx.state.addReview(pull.number, {
    user: ctx.state.viewer,
    state: input.event ? (EVENT_STATES[input.event] ?? 'COMMENTED') : 'PENDING',
    body: input.body ?? '',
    commitId: input.commit_id ?? live.headSha
  })
  return { status: 200, body: review(ctx, record) }
}
