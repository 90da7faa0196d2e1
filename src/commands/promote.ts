/**
 * promote: the seed's update_deployment_stage(). The transition and the gates are checked on
 * the snapshot the commit is built from, so a concurrent change is re-checked on retry.
 * Locally there is no review channel: the change is applied directly.
 */
import { refused } from '../domain/errors.js'
import { evaluateGates, type GateResult } from '../domain/gates.js'
import { indexPath, upsertVersions, versionPath } from '../domain/model-index.js'
import { parseStage } from '../domain/names.js'
import { planPromotion } from '../domain/promotion.js'
import { formatReference } from '../domain/references.js'
import type { ModelVersion } from '../domain/types.js'
import type { ChangeSet } from '../registry/backend.js'
import type { CommandContext } from './context.js'
import { resolve } from './resolve.js'

export interface PromoteInput {
  reference: string
  to: string
  /** How the change came, recorded in stage_history: `promote`, `rollback`, `pull/41`. */
  via?: string
  approvals?: number
  /** Rollback may take a step the graph does not list: history proves the version held the stage. */
  skipTransitionCheck?: boolean
}

export interface PromoteResult {
  version: ModelVersion
  from: string
  to: string
  demoted: ModelVersion[]
  gates: GateResult[]
  commit: string
}

export async function promote(ctx: CommandContext, input: PromoteInput): Promise<PromoteResult> {
  const outcome = await ctx.backend.update(async snapshot => {
    const policy = snapshot.policy
    const to = parseStage(policy, input.to)
    const { version: candidate, index } = await resolve(snapshot, input.reference)
    const via = input.via ?? 'promote'
    const plan = planPromotion({
      policy,
      index,
      candidate,
      to,
      actor: ctx.actor,
      via,
      now: ctx.now(),
      skipTransitionCheck: input.skipTransitionCheck
    })
    const holders = index.versions.filter(v => v.deployment_stage === to && v.version !== candidate.version)
    const verdict = evaluateGates({
      policy,
      candidate,
      stage: to,
      holders,
      channel: ctx.channel,
      approvals: input.approvals,
      viaPullRequest: via.startsWith('pull/')
    })
    if (!verdict.passed) {
      const failed = verdict.results.filter(r => r.status === 'fail')
      throw refused(
        `cannot promote ${formatReference(candidate)} to ${to}: ${failed.map(r => r.message).join('; ')}`,
        { gates: verdict.results }
      )
    }
    const [promoted] = plan.updated as [ModelVersion, ...ModelVersion[]]
    const result: Omit<PromoteResult, 'commit'> = {
      version: promoted,
      from: plan.from,
      to,
      demoted: plan.demoted,
      gates: verdict.results
    }
    return {
      change: promotionChange(candidate.name, plan.from, to, plan.updated, plan.demoted, index, via),
      result
    }
  })
  return { ...outcome.result, commit: outcome.commit }
}

function promotionChange(
  name: string,
  from: string,
  to: string,
  updated: ModelVersion[],
  demoted: ModelVersion[],
  index: Parameters<typeof upsertVersions>[0],
  via: string
): ChangeSet {
  const [promoted] = updated as [ModelVersion]
  const trailers: Record<string, string> = {
    'Model-Id': promoted.model_id,
    Stage: `${from} -> ${to}`,
    Via: via
  }
  if (demoted.length > 0)
    trailers.Demoted = demoted.map(d => `${d.version} -> ${d.deployment_stage}`).join(', ')
  const verb = via === 'rollback' ? 'rollback' : 'promote'
  return {
    subject: `${verb} ${name} ${promoted.version}: ${from} → ${to}`,
    body:
      demoted.length > 0
        ? demoted.map(d => `demote ${name} ${d.version}: ${to} → ${d.deployment_stage}`).join('\n')
        : undefined,
    trailers,
    files: [
      ...updated.map(v => ({ path: versionPath(name, v.version), content: v })),
      { path: indexPath(name), content: upsertVersions(index, name, updated) }
    ]
  }
}
