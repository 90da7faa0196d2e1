/**
 * Finding versions by criteria: the Python registry's list_models filters and load_latest_model
 * ("newest registration of this type, in this stage, with these tags, above these metrics").
 */
import { invalidInput } from './errors.js'
import { parseMetricName } from './names.js'
import { ARCHIVED_STAGE, isArchived, newestFirst, type Selectable } from './ordering.js'
import { lowerIsBetter } from './policy.js'
import { compareSemver } from './versions.js'
import type { Metrics, ModelVersion, RegistryPolicy } from './types.js'

export interface Criteria {
  name?: string
  model_type?: string
  stage?: string
  tags?: string[]
  min_metrics?: Metrics
  include_archived?: boolean
}

export type SortKey = { by: 'registered' } | { by: 'version' } | { by: 'metric'; metric: string }

const SORT_FORMS = 'use registered, version or metric:<name>, e.g. metric:f1_score'

export function parseSortKey(input: string): SortKey {
  if (input === 'registered') return { by: 'registered' }
  if (input === 'version') return { by: 'version' }
  if (input.startsWith('metric:')) {
    const metric = input.slice('metric:'.length)
    try {
      return { by: 'metric', metric: parseMetricName(metric) }
    } catch {
      throw invalidInput(`invalid sort key "${input}": "${metric}" is not a metric name; ${SORT_FORMS}`)
    }
  }
  throw invalidInput(`invalid sort key "${input}": ${SORT_FORMS}`)
}

function metricOf(v: Selectable, metric: string): number | undefined {
  return Object.hasOwn(v.performance_metrics, metric) ? v.performance_metrics[metric] : undefined
}

export function matchesCriteria(v: Selectable, criteria: Criteria): boolean {
  if (criteria.name !== undefined && v.name !== criteria.name) return false
  if (criteria.model_type !== undefined && v.model_type !== criteria.model_type) return false
  if (criteria.stage !== undefined && v.deployment_stage !== criteria.stage) return false
  // Asking for the archived stage is asking for tombstones; otherwise they are hidden by default.
  if (isArchived(v) && !criteria.include_archived && criteria.stage !== ARCHIVED_STAGE) return false
  if (criteria.tags && !criteria.tags.every(t => v.tags.includes(t))) return false
  for (const [metric, min] of Object.entries(criteria.min_metrics ?? {})) {
    const value = metricOf(v, metric)
    if (value === undefined || !(value >= min)) return false
  }
  return true
}

/** Newest registration, then highest version, then name: the same list always reads the same. */
function tieBreak(a: Selectable, b: Selectable): number {
  return newestFirst(a, b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
}

/** `metric:NAME` puts the best value first: the highest, or the lowest when the policy says so. */
export function sortComparator(
  sort: SortKey,
  policy?: RegistryPolicy
): (a: Selectable, b: Selectable) => number {
  switch (sort.by) {
    case 'registered':
      return tieBreak
    case 'version':
      return (a, b) => compareSemver(b.version, a.version) || tieBreak(a, b)
    case 'metric':
      return (a, b) => {
        const x = metricOf(a, sort.metric)
        const y = metricOf(b, sort.metric)
        if (x === undefined || y === undefined) {
          // Versions lacking the metric go last, among themselves in the tie-break order.
          if (x !== y) return x === undefined ? 1 : -1
          return tieBreak(a, b)
        }
        const better = lowerIsBetter(policy, sort.metric) ? x - y : y - x
        return better || tieBreak(a, b)
      }
  }
}

export function selectVersions<T extends Selectable = ModelVersion>(
  versions: T[],
  criteria: Criteria,
  sort: SortKey = { by: 'registered' },
  limit?: number,
  policy?: RegistryPolicy
): T[] {
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0)) {
    throw invalidInput(`invalid limit ${limit}: use a whole number of at least 0`)
  }
  const selected = versions.filter(v => matchesCriteria(v, criteria)).sort(sortComparator(sort, policy))
  return limit === undefined ? selected : selected.slice(0, limit)
}

/** The Python registry's load_latest_model: the newest registration matching the criteria. */
export function selectLatest(versions: ModelVersion[], criteria: Criteria): ModelVersion | null {
  return selectVersions(versions, criteria, { by: 'registered' }, 1)[0] ?? null
}
