/**
 * Reading layout 2 the way an answer needs it: a model's rows newest first, day by day (so a
 * recent question stops after the last days), and version files by path.
 */
import { integrityError } from '../domain/errors.js'
import {
  dayOf,
  headPath,
  isArchivedRow,
  rowOf,
  rowsDir,
  versionFilePath,
  type VersionRow
} from '../domain/layout.js'
import type { ModelVersion } from '../domain/types.js'
import type { RegistrySnapshot } from '../registry/backend.js'
import { mapLimited, READS_IN_FLIGHT } from './limited.js'

/**
 * The model's rows, newest registration first. `replaced` substitutes whole days (a write reads
 * the registry as it will be after its change).
 */
export async function* rowsNewestFirst(
  snapshot: RegistrySnapshot,
  name: string,
  replaced?: ReadonlyMap<string, VersionRow[]>
): AsyncGenerator<VersionRow> {
  const days = new Set(await snapshot.rowDays(name))
  for (const day of replaced?.keys() ?? []) days.add(day)
  const order = [...days].sort().reverse()
  const read = (day: string | undefined): Promise<VersionRow[]> | undefined => {
    if (day === undefined) return undefined
    const substitute = replaced?.get(day)
    if (substitute) return Promise.resolve(substitute)
    const rows = snapshot.readDay(name, day).then(shards => shards.rows)
    // Its failure is thrown when its day comes; until then it must not count as unhandled.
    rows.catch(() => undefined)
    return rows
  }
  // The next day is asked for once half of this one is given out: a listing of every day rarely
  // waits for the object reader, and a short answer (`--limit 20` of a day of a thousand
  // registrations) does not read and parse a day it never shows.
  let current = read(order[0])
  for (let d = 0; current; d++) {
    const rows = await current
    let next: Promise<VersionRow[]> | undefined
    let asked = false
    const half = Math.floor(rows.length / 2)
    // Shards hold a day oldest first (src/domain/layout.ts).
    for (let i = rows.length - 1; i >= 0; i--) {
      if (!asked && rows.length - 1 - i >= half) {
        next = read(order[d + 1])
        asked = true
      }
      yield rows[i] as VersionRow
    }
    current = asked ? next : read(order[d + 1])
  }
}

/**
 * What a derived file said about a version, to be checked against its version file (the truth):
 * the row it was found by, the stage a head or the catalog said it holds, or that it is live
 * (a head's newest/latest). `where` names the derived file for the message; a row's is its day's
 * shards, worked out only when a message needs it (a full listing checks 100,000 rows).
 */
export type DerivedClaim =
  { where: string; row?: VersionRow; stage?: string; live?: boolean } | { where?: undefined; row: VersionRow }

function claimWhere(name: string, claim: DerivedClaim): string {
  return claim.where ?? rowsWhere(name, claim.row)
}

/** Where a row was read: the shards of its day. */
function rowsWhere(name: string, row: VersionRow): string {
  return `${rowsDir(name)}/${dayOf(row)}…`
}

/**
 * A version the derived files name: its file must exist and agree with what they said, or the
 * registry is inconsistent (edited outside mreg): an answer is never built on derived data the
 * truth contradicts.
 */
export async function readListedVersion(
  snapshot: RegistrySnapshot,
  name: string,
  version: string,
  claim?: DerivedClaim
): Promise<ModelVersion> {
  const doc = await snapshot.readVersion(name, version)
  if (!doc) {
    const file = versionFilePath(name, version)
    const where = claim ? claimWhere(name, claim) : undefined
    throw integrityError(
      `${where ?? `models/${name}: the derived files`} names ${name}@${version} but its version file ${file} is missing: the derived files were edited outside mreg; run 'mreg doctor'`,
      { path: where ?? `models/${name}`, version_file: file }
    )
  }
  if (claim) checkClaim(name, doc, claim)
  return doc
}

function checkClaim(name: string, doc: ModelVersion, claim: DerivedClaim): void {
  const truth = rowOf(doc)
  let field: string | undefined
  let said: unknown
  let is: unknown
  if ('stage' in claim && claim.stage !== undefined && truth.stage !== claim.stage) {
    ;[field, said, is] = ['stage', claim.stage, truth.stage]
  } else if ('live' in claim && claim.live && isArchivedRow(truth)) {
    ;[field, said, is] = ['archived', false, true]
  } else if (claim.row) {
    const row = claim.row as unknown as Record<string, unknown>
    const real = truth as unknown as Record<string, unknown>
    field = [...Object.keys(real), ...Object.keys(row)].find(key => !sameJson(row[key], real[key]))
    if (field !== undefined) [said, is] = [row[field], real[field]]
  }
  if (field === undefined) return
  const where = claimWhere(name, claim)
  throw integrityError(
    `${where} disagrees with the version file ${versionFilePath(name, doc.version)} of ${name}@${doc.version} on ${field} (derived ${JSON.stringify(said)}, version file ${JSON.stringify(is)}): the derived files were edited outside mreg; run 'mreg doctor'`,
    { path: where, version_file: versionFilePath(name, doc.version), field_name: field }
  )
}

/**
 * Whether two parsed JSON values are equal (isDeepStrictEqual's answer for them): a full listing
 * compares every row with its version file, and the general comparison cost more than parsing.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) {
    const other = b as unknown[]
    return a.length === other.length && a.every((item, i) => sameJson(item, other[i]))
  }
  const x = a as Record<string, unknown>
  const y = b as Record<string, unknown>
  const keys = Object.keys(x)
  return (
    keys.length === Object.keys(y).length &&
    keys.every(key => Object.hasOwn(y, key) && sameJson(x[key], y[key]))
  )
}

export async function readListedRow(
  snapshot: RegistrySnapshot,
  name: string,
  version: string,
  claim?: DerivedClaim
): Promise<VersionRow> {
  return rowOf(await readListedVersion(snapshot, name, version, claim))
}

/** The versions holding `stage`, newest registration first (the head says how many to look for). */
export async function stageHolders(
  snapshot: RegistrySnapshot,
  name: string,
  stage: string
): Promise<ModelVersion[]> {
  const summary = (await snapshot.readHead(name))?.stages[stage]
  if (!summary) return []
  if (summary.count === 1)
    return [await readListedVersion(snapshot, name, summary.newest, { where: headPath(name), stage })]
  const rows: VersionRow[] = []
  for await (const row of rowsNewestFirst(snapshot, name)) {
    if (row.stage !== stage) continue
    rows.push(row)
    if (rows.length >= summary.count) break
  }
  // The version files are asked for together: one batch to git, not one round trip per holder.
  return mapLimited(rows, READS_IN_FLIGHT, row => readListedVersion(snapshot, name, row.version, { row }))
}

/** The versions holding `stage`, newest first, from the rows alone (no version file is read). */
export async function stageHolderVersions(
  snapshot: RegistrySnapshot,
  name: string,
  stage: string
): Promise<string[]> {
  const summary = (await snapshot.readHead(name))?.stages[stage]
  if (!summary) return []
  if (summary.count === 1) return [summary.newest]
  const versions: string[] = []
  for await (const row of rowsNewestFirst(snapshot, name)) {
    if (row.stage !== stage) continue
    versions.push(row.version)
    if (versions.length >= summary.count) break
  }
  return versions
}

/** Every derived file of a model as committed (head.json and the row shards): path → parsed JSON. */
export async function readDerivedFiles(
  snapshot: RegistrySnapshot,
  name: string
): Promise<Map<string, unknown>> {
  const files = new Map<string, unknown>()
  const head = await snapshot.readJson(headPath(name))
  if (head !== null) files.set(headPath(name), head)
  for (const day of await snapshot.rowDays(name)) {
    for (const path of (await snapshot.readDay(name, day)).paths)
      files.set(path, await snapshot.readJson(path))
  }
  return files
}
