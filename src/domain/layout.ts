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
import { ARCHIVED_STAGE, parseRegisteredAt } from './ordering.js'
import { compareSemver, parseVersion } from './versions.js'
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
