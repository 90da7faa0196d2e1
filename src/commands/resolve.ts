/**
 * Turning what users type (references, criteria) into version documents of a snapshot, reading
 * only what the answer needs: a reference is the head plus one version file; criteria scan rows
 * newest first and stop once the answer is complete.
 */
import { isRegistryError, notFound, RegistryError, type FrontWords } from '../domain/errors.js'
import { headPath, type ModelHead, type VersionRow } from '../domain/layout.js'
import { nameFromModelId } from '../domain/model-id.js'
import { parseStage } from '../domain/names.js'
import { parseReference, type Reference } from '../domain/references.js'
import type { Criteria, SortKey } from '../domain/selection.js'
import type { ModelVersion } from '../domain/types.js'
import type { RegistrySnapshot } from '../registry/backend.js'
import type { CommandContext } from './context.js'
import { mapLimited, READS_IN_FLIGHT } from './limited.js'
import { readListedVersion, rowsNewestFirst } from './registry-reads.js'
import { selectRows, type RowCandidate } from './select-rows.js'

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
      return readListedVersion(snapshot, name, row.version, { row })
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

/**
 * The versions matching the criteria in `list` order (src/commands/select-rows.ts), as documents.
 * Holds them all: for answers bounded by a limit, or small; `list` streams instead (list.ts).
 */
export async function selectFromRegistry(
  snapshot: RegistrySnapshot,
  criteria: Criteria,
  sort: SortKey = { by: 'registered' },
  limit?: number
): Promise<ModelVersion[]> {
  const { rows } = await selectRows(snapshot, criteria, sort, limit)
  const chosen: RowCandidate[] = []
  for await (const c of rows) chosen.push(c)
  // the chosen rows' version files in one batch of reads
  return mapLimited(chosen, READS_IN_FLIGHT, c =>
    readListedVersion(snapshot, c.name, c.version, { row: c.row })
  )
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
