/**
 * registry.json: the default policy written by `init`, the cross-field checks the JSON Schema
 * cannot express (every stage named anywhere must be declared), and the transition graph.
 */
import { RegistryError, refused, invalidInput, type ErrorKind } from './errors.js'
import { ARCHIVED_STAGE } from './ordering.js'
import type { ArtifactStoreKind, Gate, RegistryPolicy } from './types.js'

export function defaultPolicy(store: ArtifactStoreKind = 'local'): RegistryPolicy {
  return {
    schema_version: 1,
    stages: ['development', 'staging', 'canary', 'production', 'shadow', 'deprecated', 'archived'],
    initial_stage: 'development',
    transitions: {
      development: ['staging', 'shadow', 'deprecated'],
      staging: ['canary', 'shadow', 'production', 'development', 'deprecated'],
      shadow: ['staging', 'canary', 'deprecated'],
      canary: ['production', 'staging', 'deprecated'],
      production: ['staging', 'deprecated'],
      deprecated: ['staging', 'archived'],
      archived: []
    },
    exclusive_stages: ['production', 'canary'],
    demote_to: 'deprecated',
    gates: {
      production: { min_metrics: {}, must_beat: null, min_approvals: 1, require_pull_request: true }
    },
    require_metadata: [],
    retention: {
      keep_last: 10,
      min_age_days: 0,
      protect_stages: ['production', 'canary', 'staging', 'shadow'],
      mode: 'archive',
      auto_cleanup: false,
      cleanup_interval_hours: 24
    },
    artifacts: { store, max_part_bytes: 2147483000, compression: 'none' },
    metrics: {}
  }
}

/** Whether smaller values of `metric` are better, as registry.json's `metrics` says (default: no). */
export function lowerIsBetter(policy: RegistryPolicy | undefined, metric: string): boolean {
  const settings = policy?.metrics
  return (
    settings !== undefined && Object.hasOwn(settings, metric) && settings[metric]?.lower_is_better === true
  )
}

/** Own keys only: a stage may legally be called `constructor`, which every object inherits. */
function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined
}

/**
 * Run after schema validation. `kind` follows validate.ts: 'integrity' for the file on the
 * registry branch, 'invalid-input' for a policy a user is about to write.
 */
export function checkPolicyConsistency(
  policy: RegistryPolicy,
  where = 'registry.json',
  kind: ErrorKind = 'integrity'
): RegistryPolicy {
  const declared = new Set(policy.stages)
  const fail = (path: string, message: string): never => {
    throw new RegistryError(kind, `${where}: ${path} ${message}`, { file: where, path })
  }
  const requireStage = (stage: string, path: string): void => {
    if (!declared.has(stage)) {
      fail(
        path,
        `names unknown stage "${stage}"; add it to $.stages or use one of ${policy.stages.join(', ')}`
      )
    }
  }
  requireStage(policy.initial_stage, '$.initial_stage')
  for (const [from, targets] of Object.entries(policy.transitions)) {
    requireStage(from, `$.transitions.${from}`)
    targets.forEach((to, i) => requireStage(to, `$.transitions.${from}[${i}]`))
  }
  policy.exclusive_stages.forEach((s, i) => requireStage(s, `$.exclusive_stages[${i}]`))
  requireStage(policy.demote_to, '$.demote_to')
  // Demoting a holder of an exclusive stage into another exclusive stage would itself demote,
  // and into the same one would demote nobody: either way the promotion would not be one commit.
  if (policy.exclusive_stages.includes(policy.demote_to)) {
    fail(
      '$.demote_to',
      `is the exclusive stage "${policy.demote_to}"; demote to a non-exclusive stage such as deprecated`
    )
  }
  for (const stage of Object.keys(policy.gates)) requireStage(stage, `$.gates.${stage}`)
  policy.retention.protect_stages.forEach((s, i) => requireStage(s, `$.retention.protect_stages[${i}]`))
  // A must_beat that states a direction must agree with the metric's own setting: two places
  // saying opposite things about "better" would make compare and the gate disagree.
  for (const [stage, gate] of Object.entries(policy.gates)) {
    const rule = gate.must_beat
    if (rule === null || rule === undefined || typeof rule === 'string') continue
    if (rule.lower_is_better === undefined || policy.metrics === undefined) continue
    if (!Object.hasOwn(policy.metrics, rule.metric)) continue
    if (rule.lower_is_better !== lowerIsBetter(policy, rule.metric)) {
      fail(
        `$.gates.${stage}.must_beat.lower_is_better`,
        `is ${rule.lower_is_better} but $.metrics.${rule.metric}.lower_is_better says ${lowerIsBetter(policy, rule.metric)}; remove it from must_beat or make them agree`
      )
    }
  }
  return policy
}

export function allowedTargets(policy: RegistryPolicy, from: string): string[] {
  return own(policy.transitions, from) ?? []
}

export function checkTransition(policy: RegistryPolicy, from: string, to: string): void {
  if (!policy.stages.includes(to)) {
    throw invalidInput(`unknown stage "${to}": use one of ${policy.stages.join(', ')}`)
  }
  if (from === to) throw refused(`already in stage "${to}": choose a different target stage`)
  const allowed = allowedTargets(policy, from)
  if (!allowed.includes(to)) {
    throw refused(
      `cannot move from "${from}" to "${to}": allowed from ${from}: ${allowed.length ? allowed.join(', ') : 'none'}`,
      { from, to, allowed }
    )
  }
}

export function gateFor(policy: RegistryPolicy, stage: string): Gate {
  return own(policy.gates, stage) ?? {}
}

/** What `register` allows without review: the initial stage, or a stage with no gate that is not exclusive. */
export function isOpenRegistrationStage(policy: RegistryPolicy, stage: string): boolean {
  if (stage === policy.initial_stage) return true
  if (stage === ARCHIVED_STAGE || policy.exclusive_stages.includes(stage)) return false
  const gate = gateFor(policy, stage)
  return (
    Object.keys(gate.min_metrics ?? {}).length === 0 &&
    (gate.must_beat === undefined || gate.must_beat === null) &&
    (gate.min_approvals ?? 0) === 0 &&
    gate.require_pull_request !== true
  )
}
