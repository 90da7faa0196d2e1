/** Turning what users type (references, criteria) into version documents of a snapshot. */
import { notFound } from '../domain/errors.js'
import { parseReference, resolveReference } from '../domain/references.js'
import { selectLatest, type Criteria } from '../domain/selection.js'
import type { ModelIndex, ModelVersion } from '../domain/types.js'
import type { RegistrySnapshot } from '../registry/backend.js'
import type { CommandContext } from './context.js'

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
    if (error instanceof Error) error.message = `parent ${error.message}`
    throw error
  }
}

/** Every version document of every model (or of one), from the indexes: one blob per model. */
export async function allVersions(snapshot: RegistrySnapshot, name?: string): Promise<ModelVersion[]> {
  const names = name === undefined ? await snapshot.modelNames() : [name]
  const indexes = await Promise.all(names.map(n => snapshot.readIndex(n)))
  return indexes.flatMap(index => index?.versions ?? [])
}

/** The seed's load_latest_model(): the newest registration matching every criterion. */
export async function resolveCriteria(snapshot: RegistrySnapshot, criteria: Criteria): Promise<ModelVersion> {
  const match = selectLatest(await allVersions(snapshot, criteria.name), criteria)
  if (!match)
    throw notFound(
      `no model version matches ${describeCriteria(criteria)}; run 'mreg list' to see what is registered`
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
