/**
 * A model's head (models/<name>/head.json: counts, stage holders, newest and highest versions) and
 * the catalog's entry of it, as pure functions of the model's rows (src/domain/layout.ts): derived
 * whole (deriveHead) or updated by a change (updateHead), which gives the same bytes.
 */
import { byKey } from './ordering.js'
import { compareSemver, isPrerelease } from './versions.js'
import type { ModelVersion } from './types.js'
import {
  headPath,
  isArchivedRow,
  layoutRows,
  rowOf,
  rowOrder,
  type Catalog,
  type HeadSummary,
  type ModelHead,
  type StageSummary,
  type VersionRow
} from './layout.js'

function sortedRecord<T>(entries: Iterable<[string, T]>): Record<string, T> {
  return Object.fromEntries([...entries].sort(byKey))
}

type VersionOrder = (a: string, b: string) => number

/** name@latest's order (src/domain/references.ts highestVersion): any release above any pre-release, then semver. */
export const latestOrder: VersionOrder = (a, b) =>
  Number(!isPrerelease(a)) - Number(!isPrerelease(b)) || compareSemver(a, b)

function highestOf(rows: VersionRow[], order: VersionOrder = compareSemver): string | null {
  let best: string | null = null
  for (const r of rows) if (best === null || order(r.version, best) > 0) best = r.version
  return best
}

function newestOf(rows: VersionRow[]): VersionRow | null {
  let best: VersionRow | null = null
  for (const r of rows) if (best === null || rowOrder(r, best) > 0) best = r
  return best
}

interface HeadParts {
  count: number
  newest: string | null
  highest: string
  highestLive: string | null
  latest: string | null
  types: Iterable<[string, number]>
  metrics: Iterable<[string, number]>
  stages: Iterable<[string, StageSummary]>
}

function assemble(name: string, p: HeadParts): ModelHead {
  return {
    schema_version: 2,
    name,
    count: p.count,
    newest: p.newest,
    highest: p.highest,
    highest_live: p.highestLive,
    latest: p.latest,
    types: sortedRecord(p.types),
    metrics: sortedRecord(p.metrics),
    stages: sortedRecord(p.stages)
  }
}

/** The head the rows derive to; null for a model without versions. */
export function deriveHead(name: string, rows: VersionRow[]): ModelHead | null {
  const highest = highestOf(rows)
  if (highest === null) return null
  const live = rows.filter(r => !isArchivedRow(r))
  const types = new Map<string, number>()
  const metrics = new Map<string, number>()
  const byStage = new Map<string, VersionRow[]>()
  for (const r of rows) {
    types.set(r.model_type, (types.get(r.model_type) ?? 0) + 1)
    for (const m of Object.keys(r.metrics)) metrics.set(m, (metrics.get(m) ?? 0) + 1)
    // Appended in place (as layoutRows does): a copy per row was quadratic in a stage's holders,
    // 90,000 development rows of one model allocating gigabytes of arrays that die at once.
    const held = byStage.get(r.stage)
    if (held) held.push(r)
    else byStage.set(r.stage, [r])
  }
  const stages = [...byStage].map(([stage, held]): [string, StageSummary] => [
    stage,
    { count: held.length, newest: (newestOf(held) as VersionRow).version }
  ])
  return assemble(name, {
    count: rows.length,
    newest: newestOf(live)?.version ?? null,
    highest,
    highestLive: highestOf(live),
    latest: highestOf(live, latestOrder),
    types,
    metrics,
    stages
  })
}

/** What an incremental head update may need to read from the registry after the change. */
export interface HeadLookups {
  /** The row of a version that the change did not touch (its version file's row). */
  row(version: string): Promise<VersionRow>
  /**
   * The newest row after the change that satisfies `keep`, or null. `floor`, a row after the
   * change known to satisfy it, bounds the search: no older row need be looked at.
   */
  newest(keep: (r: VersionRow) => boolean, floor: VersionRow | null): Promise<VersionRow | null>
  /** The highest version after the change (in `order`, semver by default) among rows that satisfy `keep`, or null. */
  highest(keep: (r: VersionRow) => boolean, order?: (a: string, b: string) => number): Promise<string | null>
}

/**
 * The head after replacing `removed` rows by `added` ones (a changed version is in both), equal to
 * deriveHead of the new rows. A best-of field is kept or beaten by an added row without reading
 * anything, and looked up again only when the change took its holder away.
 */
export async function updateHead(
  name: string,
  old: ModelHead | null,
  removed: VersionRow[],
  added: VersionRow[],
  lookups: HeadLookups
): Promise<ModelHead | null> {
  const count = (old?.count ?? 0) - removed.length + added.length
  if (count <= 0) return null
  const gone = new Set(removed.map(r => r.version))
  const types = new Map(Object.entries(old?.types ?? {}))
  const metrics = new Map(Object.entries(old?.metrics ?? {}))
  const stageCounts = new Map(Object.entries(old?.stages ?? {}).map(([s, v]) => [s, v.count]))
  const bump = (map: Map<string, number>, key: string, by: number): void => {
    const next = (map.get(key) ?? 0) + by
    if (next > 0) map.set(key, next)
    else map.delete(key)
  }
  for (const r of removed) {
    bump(types, r.model_type, -1)
    bump(stageCounts, r.stage, -1)
    for (const m of Object.keys(r.metrics)) bump(metrics, m, -1)
  }
  for (const r of added) {
    bump(types, r.model_type, 1)
    bump(stageCounts, r.stage, 1)
    for (const m of Object.keys(r.metrics)) bump(metrics, m, 1)
  }

  const newestWhere = async (
    oldBest: string | null | undefined,
    keep: (r: VersionRow) => boolean,
    held?: number
  ): Promise<string | null> => {
    const candidates = added.filter(keep)
    if (oldBest !== null && oldBest !== undefined && !gone.has(oldBest)) {
      const best = newestOf([await lookups.row(oldBest), ...candidates]) as VersionRow
      return best.version
    }
    const floor = newestOf(candidates)
    // The holder went, and every row that qualifies now was added (an exclusive stage's new
    // holder, older than the one it replaced): nothing else to look for.
    if (oldBest !== null && oldBest !== undefined && candidates.length !== held)
      return (await lookups.newest(keep, floor))?.version ?? null
    // Nothing qualified before: only what was added can.
    return floor?.version ?? null
  }
  const highestWhere = async (
    oldBest: string | null | undefined,
    keep: (r: VersionRow) => boolean,
    order: VersionOrder = compareSemver
  ): Promise<string | null> => {
    const candidates = added.filter(keep).map(r => r.version)
    const max = (a: string, b: string): string => (order(b, a) > 0 ? b : a)
    if (oldBest !== null && oldBest !== undefined && !gone.has(oldBest))
      return [oldBest, ...candidates].reduce(max)
    if (oldBest !== null && oldBest !== undefined) return lookups.highest(keep, order)
    return candidates.length > 0 ? candidates.reduce(max) : null
  }

  const live = (r: VersionRow): boolean => !isArchivedRow(r)
  // The lookups are independent: asked together, a registry read over the network waits for one
  // round trip, not one per stage holder.
  const [stages, newest, highest, highestLive, latest] = await Promise.all([
    Promise.all(
      [...stageCounts].map(async ([stage, held]): Promise<[string, StageSummary]> => {
        const newest = await newestWhere(old?.stages[stage]?.newest ?? null, r => r.stage === stage, held)
        return [stage, { count: held, newest: newest as string }]
      })
    ),
    newestWhere(old?.newest, live),
    highestWhere(old?.highest, () => true),
    highestWhere(old?.highest_live, live),
    highestWhere(old?.latest, live, latestOrder)
  ])
  return assemble(name, {
    count,
    newest,
    highest: highest as string,
    highestLive,
    latest,
    types,
    metrics,
    stages
  })
}

export function summaryOf(head: ModelHead): HeadSummary {
  const { schema_version: _v, name: _n, ...summary } = head
  return summary
}

/** The catalog with one model's entry replaced (null: the model is gone). */
export function withCatalogEntry(catalog: Catalog, name: string, head: ModelHead | null): Catalog {
  const models = new Map(Object.entries(catalog.models))
  if (head) models.set(name, summaryOf(head))
  else models.delete(name)
  return { schema_version: 2, models: sortedRecord(models) }
}

export function deriveCatalog(heads: ModelHead[]): Catalog {
  return { schema_version: 2, models: sortedRecord(heads.map(h => [h.name, summaryOf(h)])) }
}

export const EMPTY_CATALOG: Catalog = { schema_version: 2, models: {} }

/** The derived files of one model as its version files make them: path → document. */
export function deriveModelFiles(name: string, versions: ModelVersion[]): Map<string, unknown> {
  const rows = versions.map(rowOf)
  const files = new Map<string, unknown>(layoutRows(name, rows))
  const head = deriveHead(name, rows)
  if (head) files.set(headPath(name), head)
  return files
}
