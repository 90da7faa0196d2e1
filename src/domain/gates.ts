/**
 * Promotion gates: what a version must satisfy to enter a stage. Every gate reports a result,
 * including the ones that cannot be judged here (approvals without a review channel), so a
 * local promotion never reads as if review had happened.
 */
import { gateFor, lowerIsBetter } from './policy.js'
import { formatReference } from './references.js'
import type { Gate, ModelVersion, MustBeat, RegistryPolicy } from './types.js'

/** `exempt`: the gate does not apply to this move by rule (must_beat for a proven rollback). */
export type GateStatus = 'pass' | 'fail' | 'not-applicable' | 'exempt'

export interface GateResult {
  gate: string
  status: GateStatus
  message: string
}

export interface GateInput {
  policy: RegistryPolicy
  candidate: ModelVersion
  stage: string
  /** Versions holding `stage` now; the candidate itself is ignored if present. */
  holders: ModelVersion[]
  channel: 'local' | 'pull-request'
  approvals?: number
  viaPullRequest?: boolean
  /**
   * A rollback: the candidate returns to a stage its own stage_history shows it held. It need
   * not beat the holder it replaces (that holder is usually why the rollback happens); every
   * other gate still applies.
   */
  rollback?: boolean
}

/** The `via` of a rollback's stage_history entry: `rollback`, or `rollback:pull/12` through a pull request. */
export const ROLLBACK_VIA = 'rollback'

export function isRollbackVia(via: string | undefined): boolean {
  return via === ROLLBACK_VIA || (via?.startsWith(`${ROLLBACK_VIA}:`) ?? false)
}

/** Whether `v`'s recorded history shows it in `stage` at some point: the proof a rollback needs. */
export function heldBefore(v: ModelVersion, stage: string): boolean {
  return v.stage_history.some(e => e.stage === stage)
}

const fmt = (n: number): string => String(Number(n.toPrecision(12)))

function metricOf(v: ModelVersion, metric: string): number | undefined {
  return Object.hasOwn(v.performance_metrics, metric) ? v.performance_metrics[metric] : undefined
}

function minMetrics(gate: Gate, input: GateInput): GateResult[] {
  return Object.entries(gate.min_metrics ?? {}).map(([metric, threshold]) => {
    const name = `min_metrics.${metric}`
    const value = metricOf(input.candidate, metric)
    if (value === undefined) {
      return {
        gate: name,
        status: 'fail',
        message: `${metric} is missing; ${input.stage} requires ${metric} >= ${fmt(threshold)}`
      }
    }
    return value >= threshold
      ? { gate: name, status: 'pass', message: `${metric} ${fmt(value)} >= ${fmt(threshold)}` }
      : {
          gate: name,
          status: 'fail',
          message: `${metric} ${fmt(value)} is below the ${fmt(threshold)} ${input.stage} requires`
        }
  })
}

/** The rule with its direction settled: its own lower_is_better, else registry.json's `metrics`. */
export function normaliseMustBeat(mustBeat: Gate['must_beat'], policy: RegistryPolicy): MustBeat | null {
  if (mustBeat === undefined || mustBeat === null) return null
  const rule = typeof mustBeat === 'string' ? { metric: mustBeat } : mustBeat
  return { ...rule, lower_is_better: rule.lower_is_better ?? lowerIsBetter(policy, rule.metric) }
}

/**
 * "Beat" is strict: a tie does not beat. With min_delta the improvement must reach it, within
 * floating-point noise (0.95 - 0.90 is 0.0499999…, which must still count as 0.05).
 */
export function beats(candidate: number, holder: number, rule: MustBeat): boolean {
  const improvement = rule.lower_is_better ? holder - candidate : candidate - holder
  const minDelta = rule.min_delta ?? 0
  if (minDelta <= 0) return improvement > 0
  const tolerance = 1e-9 * Math.max(1, Math.abs(candidate), Math.abs(holder))
  return improvement >= minDelta - tolerance
}

function mustBeat(gate: Gate, input: GateInput): GateResult[] {
  const rule = normaliseMustBeat(gate.must_beat, input.policy)
  if (!rule) return []
  const { metric } = rule
  const name = `must_beat.${metric}`
  const direction = rule.lower_is_better ? 'lower' : 'higher'
  if (input.rollback) {
    return [
      {
        gate: name,
        status: 'exempt',
        message: `exempt: a rollback — ${formatReference(input.candidate)} held ${input.stage} before (its stage_history), so it need not beat the current holder; every other gate applies`
      }
    ]
  }
  const value = metricOf(input.candidate, metric)
  if (value === undefined) {
    return [
      {
        gate: name,
        status: 'fail',
        message: `${metric} is missing; ${input.stage} requires beating the current holder on it`
      }
    ]
  }
  const holders = input.holders.filter(
    h => !(h.name === input.candidate.name && h.version === input.candidate.version)
  )
  if (holders.length === 0) {
    return [{ gate: name, status: 'pass', message: `no current holder of ${input.stage} to beat` }]
  }
  const comparable = holders.filter(h => metricOf(h, metric) !== undefined)
  const lacking = holders.filter(h => metricOf(h, metric) === undefined).map(formatReference)
  const note = lacking.length ? `; ${lacking.join(', ')} has no ${metric}` : ''
  if (comparable.length === 0) {
    return [
      { gate: name, status: 'pass', message: `nothing to beat: ${lacking.join(', ')} has no ${metric}` }
    ]
  }
  const delta = rule.min_delta ? ` by at least ${fmt(rule.min_delta)}` : ''
  const losers = comparable.filter(h => !beats(value, metricOf(h, metric) as number, rule))
  const against = (hs: ModelVersion[]): string =>
    hs.map(h => `${formatReference(h)} ${fmt(metricOf(h, metric) as number)}`).join(', ')
  if (losers.length) {
    return [
      {
        gate: name,
        status: 'fail',
        message: `${metric} ${fmt(value)} does not beat ${against(losers)} (${direction} is better${delta})${note}`
      }
    ]
  }
  return [
    {
      gate: name,
      status: 'pass',
      message: `${metric} ${fmt(value)} beats ${against(comparable)} (${direction} is better${delta})${note}`
    }
  ]
}

const NO_REVIEW = 'no review channel locally; enforced on pull requests to the registry branch'

function review(gate: Gate, input: GateInput): GateResult[] {
  const results: GateResult[] = []
  if (gate.min_approvals !== undefined) {
    const need = gate.min_approvals
    if (input.channel === 'local') {
      results.push({
        gate: 'min_approvals',
        status: 'not-applicable',
        message: `${need} approval(s) required: ${NO_REVIEW}`
      })
    } else {
      const have = input.approvals ?? 0
      results.push(
        have >= need
          ? { gate: 'min_approvals', status: 'pass', message: `${have} approval(s), ${need} required` }
          : {
              gate: 'min_approvals',
              status: 'fail',
              message: `${have} approval(s), ${need} required; get the pull request approved`
            }
      )
    }
  }
  if (gate.require_pull_request === true) {
    if (input.channel === 'local') {
      results.push({
        gate: 'require_pull_request',
        status: 'not-applicable',
        message: `pull request required: ${NO_REVIEW}`
      })
    } else {
      results.push(
        input.viaPullRequest
          ? {
              gate: 'require_pull_request',
              status: 'pass',
              message: 'the change comes through a pull request'
            }
          : {
              gate: 'require_pull_request',
              status: 'fail',
              message: `a move to ${input.stage} must come through a pull request; promote on GitHub opens one`
            }
      )
    }
  }
  return results
}

export function evaluateGates(input: GateInput): { passed: boolean; results: GateResult[] } {
  const gate = gateFor(input.policy, input.stage)
  const results = [...minMetrics(gate, input), ...mustBeat(gate, input), ...review(gate, input)]
  return { passed: results.every(r => r.status !== 'fail'), results }
}

function present(value: unknown): boolean {
  if (value === null || value === undefined) return false
  if (typeof value === 'string') return value.trim() !== ''
  if (Array.isArray(value)) return value.length > 0
  if (typeof value === 'object') return Object.keys(value).length > 0
  return true
}

const METRIC_PREFIX = 'performance_metrics.'

/** registry.json's require_metadata, checked at registration. */
export function checkRequiredMetadata(policy: RegistryPolicy, doc: ModelVersion): GateResult[] {
  return policy.require_metadata.map(field => {
    const gate = `require_metadata.${field}`
    if (field.startsWith(METRIC_PREFIX)) {
      const metric = field.slice(METRIC_PREFIX.length)
      const value = metricOf(doc, metric)
      return value !== undefined && Number.isFinite(value)
        ? { gate, status: 'pass', message: `${metric} = ${fmt(value)}` }
        : {
            gate,
            status: 'fail',
            message: `metric ${metric} is required by registry.json; register it with a value`
          }
    }
    const record = doc as unknown as Record<string, unknown>
    const value = Object.hasOwn(record, field) ? record[field] : undefined
    return present(value)
      ? { gate, status: 'pass', message: `${field} is set` }
      : {
          gate,
          status: 'fail',
          message: `${field} is required by registry.json and is empty; set it when registering`
        }
  })
}
