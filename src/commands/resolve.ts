/**
 * Turning what users type (references, criteria) into version documents of a snapshot, reading
 * only what the answer needs: a reference is the head plus one version file; criteria scan rows
 * newest first and stop once the answer is complete.
 */
import { invalidInput, isRegistryError, notFound, RegistryError, type FrontWords } from '../domain/errors.js'
import {
  CATALOG_PATH,
  headPath,
  rowOf,
  type Catalog,
  type HeadSummary,
  type ModelHead,
  type VersionRow
} from '../domain/layout.js'
import { nameFromModelId } from '../domain/model-id.js'
import { parseStage } from '../domain/names.js'
import type { Selectable } from '../domain/ordering.js'
import { parseReference, type Reference } from '../domain/references.js'
import { matchesCriteria, selectVersions, type Criteria, type SortKey } from '../domain/selection.js'
import type { ModelVersion, RegistryPolicy } from '../domain/types.js'
import type { RegistrySnapshot } from '../registry/backend.js'
import type { CommandContext } from './context.js'
import { readListedVersion, rowsNewestFirst, rowsWhere } from './registry-reads.js'

export interface Resolved {
  version: ModelVersion
  head: ModelHead
}

export async function resolve(snapshot: RegistrySnapshot, reference: string): Promise<Resolved> {
  const parsed = parseReference(reference)
  if (parsed.kind === 'stage') parseStage(snapshot.policy, parsed.stage)
  const head = await snapshot.readHead(parsed.name)
  if (!head)
    throw notFound(w => `no model named "${parsed.name}"; ${w.command('list')} shows the registered models`, {
      field: 'reference',
      value: parsed.name,
      reason: 'no-such-model'
    })
  return { version: await resolveInModel(snapshot, parsed, head), head }
}

async function resolveInModel(
  snapshot: RegistrySnapshot,
  ref: Reference,
  head: ModelHead
): Promise<ModelVersion> {
  const name = head.name
  const hint = (w: FrontWords): string => `${w.command('list', { name })} shows its versions`
  switch (ref.kind) {
    case 'version': {
      const found = await snapshot.readVersion(name, ref.version)
      if (!found)
        throw notFound(w => `"${name}" has no version ${ref.version}; ${hint(w)}`, {
          field: 'reference',
          value: `${name}@${ref.version}`,
          reason: 'no-such-version'
        })
      return found
    }
    case 'model_id': {
      const row = await findModelId(snapshot, name, ref.model_id)
      if (!row)
        throw notFound(w => `no version of "${name}" has model_id ${ref.model_id}; ${hint(w)}`, {
          field: 'reference',
          value: ref.model_id,
          reason: 'no-such-model-id'
        })
      return readListedVersion(snapshot, name, row.version, { where: rowsWhere(name, row), row })
    }
    case 'latest':
    case 'newest': {
      // latest: the highest version (a pre-release only without a release); newest: the last registration.
      const found = ref.kind === 'newest' ? head.newest : head.latest
      if (!found) throw notFound(`"${name}" has no version that is not archived; register a new one`)
      return readListedVersion(snapshot, name, found, { where: headPath(name), live: true })
    }
    case 'stage': {
      const holder = head.stages[ref.stage]?.newest
      if (!holder) {
        throw notFound(
          w => `no version of "${name}" is in stage "${ref.stage}" (${name}@${ref.stage}); ${hint(w)}`,
          { field: 'reference', value: `${name}@${ref.stage}`, reason: 'stage-empty' }
        )
      }
      return readListedVersion(snapshot, name, holder, { where: headPath(name), stage: ref.stage })
    }
  }
}

/**
 * A model_id names its registration second (`<name>_<YYYYMMDD_HHMMSS>`), so its day is read
 * first; an id from elsewhere (an import) falls back to scanning the rows.
 */
async function findModelId(
  snapshot: RegistrySnapshot,
  name: string,
  modelId: string
): Promise<VersionRow | null> {
  const stamp = /_(\d{4})(\d{2})(\d{2})_\d{6}(?:_\d+)?$/.exec(modelId)
  if (stamp) {
    const found = (await snapshot.readDay(name, `${stamp[1]}/${stamp[2]}/${stamp[3]}`)).rows.find(
      r => r.model_id === modelId
    )
    if (found) return found
  }
  for await (const row of rowsNewestFirst(snapshot, name)) if (row.model_id === modelId) return row
  return null
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

/** Whether a model_id is taken in a model (for a new registration: its second's day is enough). */
export async function modelIdTaken(snapshot: RegistrySnapshot, modelId: string): Promise<boolean> {
  return (await findModelId(snapshot, nameFromModelId(modelId), modelId)) !== null
}

/** Every version document of every model (or of one). Costs the registry's size: for audits. */
export async function allVersions(snapshot: RegistrySnapshot, name?: string): Promise<ModelVersion[]> {
  const names = name === undefined ? await snapshot.modelNames() : [name]
  const indexes = await Promise.all(names.map(n => snapshot.readIndex(n)))
  return indexes.flatMap(index => index?.versions ?? [])
}

interface RowCandidate extends Selectable {
  row: VersionRow
}

function asSelectable(name: string, row: VersionRow): RowCandidate {
  return {
    name,
    model_type: row.model_type,
    version: row.version,
    registered_at: row.registered_at,
    deployment_stage: row.stage,
    tags: row.tags,
    performance_metrics: row.metrics,
    artifact: { deleted: row.deleted },
    row
  }
}

/**
 * The Python registry's list_models and load_latest_model over layout 2: models the catalog rules out are
 * skipped, a stage held once is one version file, and with the registration order and a limit
 * each model's rows are read newest first only until the limit is reached.
 */
export async function selectFromRegistry(
  snapshot: RegistrySnapshot,
  criteria: Criteria,
  sort: SortKey = { by: 'registered' },
  limit?: number
): Promise<ModelVersion[]> {
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0)) {
    throw invalidInput(`invalid limit ${limit}: use a whole number of at least 0`)
  }
  const catalog = await snapshot.readCatalog()
  checkSelection(snapshot.policy, catalog, criteria, sort)
  const names = criteria.name === undefined ? Object.keys(catalog.models) : [criteria.name]
  const candidates: RowCandidate[] = []
  for (const name of names) {
    // own entries only: a name like __proto__ must not find Object.prototype
    const entry = Object.hasOwn(catalog.models, name) ? catalog.models[name] : undefined
    if (!entry) continue
    candidates.push(...(await modelCandidates(snapshot, name, entry, criteria, sort, limit)))
  }
  const chosen = selectVersions(candidates, criteria, sort, limit, snapshot.policy)
  const docs: ModelVersion[] = []
  for (const c of chosen)
    docs.push(
      await readListedVersion(snapshot, c.name, c.version, { where: rowsWhere(c.name, c.row), row: c.row })
    )
  return docs
}

async function modelCandidates(
  snapshot: RegistrySnapshot,
  name: string,
  entry: HeadSummary,
  criteria: Criteria,
  sort: SortKey,
  limit: number | undefined
): Promise<RowCandidate[]> {
  if (criteria.model_type !== undefined && !entry.types[criteria.model_type]) return []
  let cap = entry.count
  if (criteria.stage !== undefined) {
    const held = entry.stages[criteria.stage]
    if (!held) return []
    if (held.count === 1) {
      const doc = await readListedVersion(snapshot, name, held.newest, {
        where: CATALOG_PATH,
        stage: criteria.stage
      })
      return matchesCriteria(doc, criteria) ? [asSelectable(name, rowOf(doc))] : []
    }
    cap = held.count
  }
  if (sort.by === 'registered' && limit !== undefined) cap = Math.min(cap, limit)
  const found: RowCandidate[] = []
  if (cap === 0) return found
  for await (const row of rowsNewestFirst(snapshot, name)) {
    if (criteria.stage !== undefined && row.stage !== criteria.stage) continue
    const candidate = asSelectable(name, row)
    if (!matchesCriteria(candidate, criteria)) continue
    found.push(candidate)
    if (found.length >= cap) break
  }
  return found
}

/**
 * Filters are input like any other: a stage registry.json does not define is refused (as show
 * and promote refuse it), and so is a metric that no version in scope records, for --min and
 * --sort metric:NAME alike — an empty answer would hide the typo. Scope: the versions of the
 * named model, or of every model (the heads count the metric names); an empty registry has no
 * metric names to check against.
 */
export function checkSelection(
  policy: RegistryPolicy,
  catalog: Catalog,
  criteria: Criteria,
  sort?: SortKey
): void {
  if (criteria.stage !== undefined && !policy.stages.includes(criteria.stage)) {
    throw invalidInput(`unknown stage "${criteria.stage}": use one of ${policy.stages.join(', ')}`, {
      field: 'stage',
      stages: policy.stages
    })
  }
  const scope =
    criteria.name === undefined
      ? Object.values(catalog.models)
      : [Object.hasOwn(catalog.models, criteria.name) ? catalog.models[criteria.name] : undefined].filter(
          (e): e is HeadSummary => e !== undefined
        )
  if (scope.length === 0) return
  const recorded = new Set(scope.flatMap(e => Object.keys(e.metrics)))
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

/** The Python registry's load_latest_model(): the newest registration matching every criterion. */
export async function resolveCriteria(snapshot: RegistrySnapshot, criteria: Criteria): Promise<ModelVersion> {
  const [match] = await selectFromRegistry(snapshot, criteria, { by: 'registered' }, 1)
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

/** resolve: the newest version matching the criteria, read from the registry's current tip. */
export async function findVersion(ctx: CommandContext, criteria: Criteria): Promise<ModelVersion> {
  return resolveCriteria(await ctx.backend.snapshot(), criteria)
}
