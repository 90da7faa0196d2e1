/**
 * A stage change as data: the candidate's new document plus, for an exclusive stage, the
 * demotion of whoever held it, so both land in the same commit and the stage never has two
 * holders. Pure: returns new documents, never mutates its input.
 */
import { refused } from './errors.js'
import { parseStage } from './names.js'
import { checkTransition } from './policy.js'
import { formatReference } from './references.js'
import type { ModelVersion, RegistryPolicy } from './types.js'

export interface PromotionInput {
  policy: RegistryPolicy
  /** The versions holding `to` now (src/commands/registry-reads.ts stageHolders). */
  holders: ModelVersion[]
  candidate: ModelVersion
  to: string
  actor: string
  via: string
  now: Date
  /** Rollback only: history proves the version held the stage, so the graph is not consulted. */
  skipTransitionCheck?: boolean
}

export interface PromotionPlan {
  /** The candidate first, then the demoted versions. */
  updated: ModelVersion[]
  from: string
  demoted: ModelVersion[]
}

function moved(v: ModelVersion, stage: string, at: string, by: string, via: string): ModelVersion {
  const copy = structuredClone(v)
  copy.deployment_stage = stage
  copy.deployed_at = at
  copy.stage_history = [...copy.stage_history, { stage, at, by, via }]
  return copy
}

export function planPromotion(input: PromotionInput): PromotionPlan {
  const { policy, holders, candidate, to, actor, via, now } = input
  parseStage(policy, to)
  const from = candidate.deployment_stage
  if (input.skipTransitionCheck) {
    if (from === to) throw refused(`already in stage "${to}": choose a different target stage`)
  } else {
    checkTransition(policy, from, to)
  }
  if (candidate.artifact.deleted === true) {
    throw refused(
      `${formatReference(candidate)} is archived (retention deleted its artifact); register the model again instead`
    )
  }
  const at = now.toISOString()
  const promoted = moved(candidate, to, at, actor, via)
  const demoted = policy.exclusive_stages.includes(to)
    ? holders
        .filter(v => v.deployment_stage === to && v.version !== candidate.version)
        .map(v => moved(v, policy.demote_to, at, actor, `demoted-by:${formatReference(candidate)}`))
    : []
  return { updated: [promoted, ...demoted], from, demoted }
}
