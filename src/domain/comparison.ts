/** Side-by-side comparison of versions (the seed's compare_models): metrics with deltas vs the first. */
import { invalidInput } from './errors.js'
import { formatReference } from './references.js'
import type { ModelVersion } from './types.js'

export interface ComparedVersion {
  ref: string
  model_id: string
  stage: string
  registered_at: string
}

export interface MetricRow {
  metric: string
  values: (number | null)[]
  /** value − first version's value; null when either is missing. */
  deltas: (number | null)[]
  /** delta / |first value|; null when the first value is 0 or missing. */
  relative: (number | null)[]
  /** Index of the highest value (first on ties); null when no version has the metric. */
  best: number | null
}

export interface Comparison {
  versions: ComparedVersion[]
  metrics: MetricRow[]
}

function metricOf(v: ModelVersion, metric: string): number | null {
  return Object.hasOwn(v.performance_metrics, metric) ? (v.performance_metrics[metric] ?? null) : null
}

function row(metric: string, versions: ModelVersion[]): MetricRow {
  const values = versions.map(v => metricOf(v, metric))
  const base = values[0] ?? null
  const deltas = values.map(x => (x === null || base === null ? null : x - base))
  const relative = deltas.map(d => (d === null || base === null || base === 0 ? null : d / Math.abs(base)))
  let best: number | null = null
  values.forEach((x, i) => {
    if (x === null) return
    const current = best === null ? null : (values[best] ?? null)
    if (current === null || x > current) best = i
  })
  return { metric, values, deltas, relative, best }
}

export function compareModels(versions: ModelVersion[]): Comparison {
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
    metrics: names.map(metric => row(metric, versions))
  }
}
