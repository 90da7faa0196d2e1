/**
 * Registry layout 2: where every document lives on the registry branch, and the derived files
 * (rows, heads, catalog) as pure functions of the version files. Everything here is
 * deterministic: the same version files give the same bytes whatever order they come in, so a
 * rebuild can be compared with what is committed (doctor, check).
 *
 *   catalog.json                                   every model's head summary (marks layout 2)
 *   models/<name>/head.json                        counts, stage holders, newest/highest versions
 *   models/<name>/versions/<a>/<b>/<c>/<v>.json    the truth: one ModelVersion per version
 *   models/<name>/rows/<YYYY>/<MM>/<DD>.json       compact rows of that UTC day, oldest first;
 *                                                  a day with more than SHARD_ROWS rows is a
 *                                                  directory of hours (<DD>/<hh>.json), an hour
 *                                                  of minutes, a minute of seconds
 *
 * <a>/<b>/<c> are the first three hex digits of sha1(version): three levels of 16 keep every
 * tree a write rewrites small (docs/ARCHITECTURE.md has the measurements).
 */
import * as crypto from 'node:crypto'
import { parseName } from './names.js'
import { ARCHIVED_STAGE, byKey, parseRegisteredAt } from './ordering.js'
import { compareSemver, isPrerelease, parseVersion } from './versions.js'
import type { Metrics, ModelVersion } from './types.js'

export const LAYOUT_VERSION = 2
export const CATALOG_PATH = 'catalog.json'
/** A time bucket holding more rows than this is split into the next finer unit. */
export const SHARD_ROWS = 64

export interface VersionRow {
  version: string
  model_id: string
  model_type: string
  registered_at: string
  stage: string
  /** artifact.deleted: retention removed the bytes. */
  deleted: boolean
  tags: string[]
  metrics: Metrics
}

export interface RowShard {
  schema_version: 2
  name: string
  rows: VersionRow[]
}

export interface StageSummary {
  count: number
  newest: string
}

export interface HeadSummary {
  count: number
  /** Newest registration that is not archived. */
  newest: string | null
  /** Highest version of all. */
  highest: string
  /** Highest version that is not archived. */
  highest_live: string | null
  /** name@latest: the highest release not archived, or the highest pre-release when there is no release. */
  latest: string | null
  types: Record<string, number>
  /** metric name → how many versions record it (a filter on an unrecorded metric is refused). */
  metrics: Record<string, number>
  stages: Record<string, StageSummary>
}

export interface ModelHead extends HeadSummary {
  schema_version: 2
  name: string
}

export interface Catalog {
  schema_version: 2
  models: Record<string, HeadSummary>
}

/**
 * sha1 as hex. `crypto.hash` (Node 20.12+) is twice as fast as a Hash object for a short string,
 * which a full listing computes once per version; older Node 20 releases lack it.
 */
const sha1Hex: (text: string) => string =
  typeof crypto.hash === 'function'
    ? text => crypto.hash('sha1', text)
    : text => crypto.createHash('sha1').update(text).digest('hex')

export function versionFanout(version: string): string {
  const hex = sha1Hex(parseVersion(version))
  return `${hex[0]}/${hex[1]}/${hex[2]}`
}

export function modelDir(name: string): string {
  return `models/${parseName(name)}`
}

export function versionFilePath(name: string, version: string): string {
  return `${modelDir(name)}/versions/${versionFanout(version)}/${version}.json`
}

export function headPath(name: string): string {
  return `${modelDir(name)}/head.json`
}

export function rowsDir(name: string): string {
  return `${modelDir(name)}/rows`
}

export function rowOf(v: ModelVersion): VersionRow {
  return {
    version: v.version,
    model_id: v.model_id,
    model_type: v.model_type,
    registered_at: v.registered_at,
    stage: v.deployment_stage,
    deleted: v.artifact.deleted === true,
    tags: v.tags,
    metrics: v.performance_metrics
  }
}

export function isArchivedRow(r: VersionRow): boolean {
  return r.stage === ARCHIVED_STAGE || r.deleted
}

function instant(r: VersionRow): number {
  return parseRegisteredAt(r.registered_at)
}

/** The registry's one order (src/domain/ordering.ts) on rows: registration instant, then semver. */
export function rowOrder(a: VersionRow, b: VersionRow): number {
  return instant(a) - instant(b) || compareSemver(a.version, b.version)
}

/** `YYYY/MM/DD` of the row's registration (UTC); an unreadable time counts as the epoch. */
export function dayOf(r: VersionRow): string {
  return dayOfTime(r.registered_at)
}

export function dayOfTime(registeredAt: string): string {
  const iso = new Date(parseRegisteredAt(registeredAt)).toISOString()
  return `${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)}`
}

/** Finer units a crowded bucket splits into: hour, minute, second (slices of the ISO time). */
const UNITS: [number, number][] = [
  [11, 13],
  [14, 16],
  [17, 19]
]

/**
 * The shard files of one day: path → rows, oldest first. A function of the day's rows alone, so
 * a write re-lays out the day it touches and nothing else.
 */
export function layoutDay(name: string, day: string, rows: VersionRow[]): Map<string, RowShard> {
  return layoutBucket(name, `${rowsDir(name)}/${day}`, 0, rows)
}

/**
 * The shard files of one bucket (`level` 0 a day, 1 an hour, 2 a minute, 3 a second; `prefix` its
 * path without `.json`, as bucketPaths gives it): the bucket's own file, or its finer buckets' when
 * it holds more than SHARD_ROWS. A day is laid out as its buckets are, so a bucket can be laid out
 * again alone when only its rows changed.
 */
export function layoutBucket(
  name: string,
  prefix: string,
  level: number,
  rows: VersionRow[]
): Map<string, RowShard> {
  const out = new Map<string, RowShard>()
  const place = (prefix: string, bucket: VersionRow[], level: number): void => {
    if (bucket.length <= SHARD_ROWS || level >= UNITS.length) {
      out.set(`${prefix}.json`, { schema_version: 2, name, rows: bucket })
      return
    }
    const [from, to] = UNITS[level] as [number, number]
    const groups = new Map<string, VersionRow[]>()
    for (const r of bucket) {
      const key = new Date(instant(r)).toISOString().slice(from, to)
      const group = groups.get(key) ?? []
      group.push(r)
      groups.set(key, group)
    }
    for (const [key, group] of groups) place(`${prefix}/${key}`, group, level + 1)
  }
  if (rows.length > 0) place(prefix, [...rows].sort(rowOrder), level)
  return out
}

/**
 * The buckets that may hold a row registered at `registeredAt`, coarsest first (paths without
 * `.json`; the index is the bucket's level): its day, then its hour, minute and second within the
 * day, as layoutBucket splits a crowded bucket. Which one is a file depends on how many rows share
 * each bucket; a change that keeps every row's registration time keeps those counts, so it
 * rewrites only the shards that hold its rows, and a new row changes only its own buckets.
 */
export function bucketPaths(name: string, registeredAt: string): string[] {
  const iso = new Date(parseRegisteredAt(registeredAt)).toISOString()
  const paths = [`${rowsDir(name)}/${dayOfTime(registeredAt)}`]
  for (const [from, to] of UNITS) paths.push(`${paths.at(-1) as string}/${iso.slice(from, to)}`)
  return paths
}

/** Every shard of a model. */
export function layoutRows(name: string, rows: VersionRow[]): Map<string, RowShard> {
  const days = new Map<string, VersionRow[]>()
  for (const r of rows) {
    const day = dayOf(r)
    const bucket = days.get(day)
    // Appended in place: copying the day's array for each row was quadratic in a day's rows.
    if (bucket) bucket.push(r)
    else days.set(day, [r])
  }
  const out = new Map<string, RowShard>()
  for (const day of [...days.keys()].sort()) {
    for (const [path, shard] of layoutDay(name, day, days.get(day) ?? [])) out.set(path, shard)
  }
  return out
}

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
