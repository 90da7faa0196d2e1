/**
 * Rulesets meet a branch update made through the REST API as they meet a push: the same rules,
 * the same bypass list, judged by the same code (git/push-rules.ts). GitHub answers the API with
 * 422 and the rule lines instead of git's `ng` (rules.ts: api-ref-ruleset-violation).
 */
import { parseAuthorization } from '../auth.js'
import { ApiError, type ApiRequest, type EmulatorContext } from '../context.js'
import { ZERO_SHA } from '../git/repo.js'

export function refuseByRulesets(
  ctx: EmulatorContext,
  req: ApiRequest,
  update: { ref: string; oldSha: string | null; newSha: string }
): void {
  const token = parseAuthorization(req.headers.authorization as string | undefined)?.token ?? ''
  const refusal = ctx.pushRules.refusal(
    { ref: update.ref, oldSha: update.oldSha ?? ZERO_SHA, newSha: update.newSha },
    token,
    ctx.state.statuses
  )
  if (!refusal) return
  const head = refusal.classic
    ? `Protected branch update failed for ${update.ref}.`
    : 'Repository rule violations found'
  throw new ApiError(422, `${head}\n\n${refusal.lines.join('\n\n')}\n\n`, {
    rule: 'api-ref-ruleset-violation'
  })
}
