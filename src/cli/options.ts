/** Parsing what commander hands over into the commands' typed inputs (pure). */
import { invalidInput } from '../domain/errors.js'
import { parseMetricAssignment } from '../domain/metrics.js'
import { parseModelType, parseName, parseTag } from '../domain/names.js'
import { parseSortKey, type Criteria, type SortKey } from '../domain/selection.js'
import type { Metrics } from '../domain/types.js'

/** commander collector for repeatable options (`--tag a --tag b`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value]
}

export function metricsFromAssignments(assignments: string[] = []): Metrics {
  const metrics: Metrics = {}
  for (const assignment of assignments) {
    const [key, value] = parseMetricAssignment(assignment)
    metrics[key] = value
  }
  return metrics
}

export function positiveInteger(value: string, option: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw invalidInput(`${option} must be a whole number ≥ 1, got "${value}"`)
  return Number(value)
}

export function nonNegativeNumber(value: string, option: string): number {
  const number = Number(value)
  if (value.trim() === '' || !Number.isFinite(number) || number < 0) {
    throw invalidInput(`${option} must be a number ≥ 0, got "${value}"`)
  }
  return number
}

export interface CriteriaOptions {
  name?: string
  type?: string
  stage?: string
  tag?: string[]
  min?: string[]
  includeArchived?: boolean
  /** The Action's names for type, tags and minimum metrics (src/cli/vocabulary.ts). */
  modelType?: string
  tags?: string
  minMetrics?: string
}

export function criteriaFrom(options: CriteriaOptions): Criteria {
  const criteria: Criteria = {}
  // checked as the Action checks them: a malformed name is bad input, not an empty answer
  if (options.name !== undefined) criteria.name = parseName(options.name)
  if (options.type !== undefined) criteria.model_type = parseModelType(options.type)
  if (options.stage !== undefined) criteria.stage = options.stage
  if (options.tag?.length) criteria.tags = options.tag.map(parseTag)
  if (options.min?.length) criteria.min_metrics = metricsFromAssignments(options.min)
  if (options.includeArchived) criteria.include_archived = true
  return criteria
}

export function hasCriteria(options: CriteriaOptions): boolean {
  return Boolean(
    options.name ||
    options.type ||
    options.modelType ||
    options.stage ||
    options.tag?.length ||
    options.tags ||
    options.min?.length ||
    options.minMetrics
  )
}

export function sortFrom(value: string | undefined): SortKey | undefined {
  return value === undefined ? undefined : parseSortKey(value)
}
