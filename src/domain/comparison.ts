/** Side-by-side comparison of versions (the Python registry's compare_models): metrics with deltas vs the first. */
import { invalidInput } from './errors.js'
import { lowerIsBetter } from './policy.js'
import { formatReference } from './references.js'
import type { Comparison, MetricRow } from './shapes.js'
import type { ModelVersion, RegistryPolicy } from './types.js'

export type { Comparison, ComparedVersion, MetricRow } from './shapes.js'

function metricOf(v: ModelVersion, metric: string): number | null {
  return Object.hasOwn(v.performance_metrics, metric) ? (v.performance_metrics[metric] ?? null) : null
}

function row(metric: string, versions: ModelVersion[], policy: RegistryPolicy | undefined): MetricRow {
  const values = versions.map(v => metricOf(v, metric))
  const base = values[0] ?? null
  const deltas = values.map(x => (x === null || base === null ? null : x - base))
  const relative = deltas.map(d => (d === null || base === null || base === 0 ? null : d / Math.abs(base)))
  const better = lowerIsBetter(policy, metric) ? 'lower' : 'higher'
  const present = values.filter((x): x is number => x !== null)
  const top = present.length === 0 ? null : better === 'lower' ? Math.min(...present) : Math.max(...present)
  const winners = top === null ? [] : values.flatMap((x, i) => (x === top ? [i] : []))
  return {
    metric,
    values,
    deltas,
    relative,
    better,
    best: winners.length === 1 ? (winners[0] as number) : null,
    tied: winners.length > 1 ? winners : []
  }
}

/** `policy` says per metric whether lower is better (registry.json `metrics`); without it, higher is. */
export function compareModels(versions: ModelVersion[], policy?: RegistryPolicy): Comparison {
  if (versions.length < 2) {
    throw invalidInput(
      `compare needs at least 2 versions, got ${versions.length}; name two or more references`
    )
  }
  const names = [...new Set(versions.flatMap(v => Object.keys(v.performance_metrics)))].sort()
  return {
    versions: versions.map(v => ({
      ref: formatReference(v),
      model_id: v.model_id,
      stage: v.deployment_stage,
      registered_at: v.registered_at
    })),
    metrics: names.map(metric => row(metric, versions, policy))
  }
}

/** The BEST cell of a comparison row, the same words in every front: a ref, a tie, or a dash. */
export function describeBest(row: MetricRow, refs: string[]): string {
  if (row.tied.length > 0) return `tie: ${row.tied.map(i => refs[i]).join(', ')}`
  return row.best === null ? '—' : (refs[row.best] ?? '—')
}

/** The metric's name as a comparison shows it, with the direction when lower is better. */
export function describeMetric(row: MetricRow): string {
  return row.better === 'lower' ? `${row.metric} (lower is better)` : row.metric
}
