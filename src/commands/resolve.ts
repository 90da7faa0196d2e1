/** Turning what users type (references, criteria) into version documents of a snapshot. */
import { invalidInput, isRegistryError, notFound, RegistryError } from '../domain/errors.js'
import { parseReference, resolveReference } from '../domain/references.js'
import { selectLatest, type Criteria, type SortKey } from '../domain/selection.js'
import type { ModelIndex, ModelVersion, RegistryPolicy } from '../domain/types.js'
import type { RegistrySnapshot } from '../registry/backend.js'

export interface Resolved {
  version: ModelVersion
  index: ModelIndex
}

export async function resolve(snapshot: RegistrySnapshot, reference: string): Promise<Resolved> {
  const parsed = parseReference(reference)
  const index = await snapshot.readIndex(parsed.name)
  const version = resolveReference(parsed, index, snapshot.policy)
  // resolveReference has thrown when the index is missing.
  return { version, index: index as ModelIndex }
}

export async function resolveParent(snapshot: RegistrySnapshot, reference: string): Promise<ModelVersion> {
  try {
    return (await resolve(snapshot, reference)).version
  } catch (error) {
    if (!isRegistryError(error)) throw error
    throw new RegistryError(error.kind, w => `parent ${error.wordedFor(w)}`, {
      ...error.details,
      field: 'parent',
      value: reference
    })
  }
}

/** Every version document of every model (or of one), from the indexes: one blob per model. */
export async function allVersions(snapshot: RegistrySnapshot, name?: string): Promise<ModelVersion[]> {
  const names = name === undefined ? await snapshot.modelNames() : [name]
  const indexes = await Promise.all(names.map(n => snapshot.readIndex(n)))
  return indexes.flatMap(index => index?.versions ?? [])
}

/**
 * Filters are input like any other: a stage registry.json does not define is refused (as show
 * and promote refuse it), and so is a metric that no version in scope records, for --min and
 * --sort metric:NAME alike — an empty answer would hide the typo. Scope: the versions of the
 * named model, or of every model; an empty registry has no metric names to check against.
 */
export function checkSelection(
  policy: RegistryPolicy,
  versions: readonly ModelVersion[],
  criteria: Criteria,
  sort?: SortKey
): void {
  if (criteria.stage !== undefined && !policy.stages.includes(criteria.stage)) {
    throw invalidInput(`unknown stage "${criteria.stage}": use one of ${policy.stages.join(', ')}`, {
      field: 'stage',
      stages: policy.stages
    })
  }
  if (versions.length === 0) return
  const recorded = new Set(versions.flatMap(v => Object.keys(v.performance_metrics)))
  const known = recorded.size > 0 ? [...recorded].sort().join(', ') : 'none'
  const check = (metric: string, field: 'min_metrics' | 'sort') => {
    if (!recorded.has(metric))
      throw invalidInput(`no version records the metric "${metric}" (recorded: ${known})`, {
        field,
        metric,
        recorded: [...recorded].sort()
      })
  }
  for (const metric of Object.keys(criteria.min_metrics ?? {})) check(metric, 'min_metrics')
  if (sort?.by === 'metric') check(sort.metric, 'sort')
}

/** The seed's load_latest_model(): the newest registration matching every criterion. */
export async function resolveCriteria(snapshot: RegistrySnapshot, criteria: Criteria): Promise<ModelVersion> {
  const versions = await allVersions(snapshot, criteria.name)
  checkSelection(snapshot.policy, versions, criteria)
  const match = selectLatest(versions, criteria)
  if (!match)
    throw notFound(
      w =>
        `no model version matches ${describeCriteria(criteria)}; ${w.command('list')} shows what is registered`,
      { field: 'criteria', reason: 'no-match' }
    )
  return match
}

export function describeCriteria(criteria: Criteria): string {
  const parts: string[] = []
  if (criteria.name) parts.push(`name ${criteria.name}`)
  if (criteria.model_type) parts.push(`type ${criteria.model_type}`)
  if (criteria.stage) parts.push(`stage ${criteria.stage}`)
  if (criteria.tags?.length) parts.push(`tags ${criteria.tags.join(',')}`)
  for (const [metric, min] of Object.entries(criteria.min_metrics ?? {})) parts.push(`${metric} ≥ ${min}`)
  return parts.length > 0 ? parts.join(', ') : 'the criteria'
}
