/**
 * The one way a command turns changed version documents into the files of layout 2
 * (src/domain/layout.ts): the version files themselves, the row shards of the days they were
 * registered on, their models' heads and the catalog. Bounded: a change touches the days and
 * models it names, never the rest of the history. Built for batches too (`import`, `migrate`,
 * `cleanup`): each touched day is re-laid out once, each head and the catalog written once.
 *
 * The derived files are recomputed from version documents; nothing derived is ever copied into
 * a version file (the documents passed in are the truth, read from version files by the caller).
 */
import { invalidInput } from '../domain/errors.js'
import {
  CATALOG_PATH,
  dayOf,
  headPath,
  layoutBucket,
  layoutDay,
  rowOf,
  rowOrder,
  versionFilePath,
  type Catalog,
  type RowShard,
  type VersionRow
} from '../domain/layout.js'
import { updateHead, withCatalogEntry, type HeadLookups } from '../domain/model-head.js'
import { compareSemver } from '../domain/versions.js'
import type { ModelVersion } from '../domain/types.js'
import type { FileWrite, RegistrySnapshot } from '../registry/backend.js'
import { readListedRow, rowsNewestFirst } from './registry-reads.js'
import { mapLimited, READS_IN_FLIGHT } from './limited.js'
import { bucketHolding } from './row-buckets.js'

export interface LayoutChange {
  /** Documents to write (new versions or new contents of existing ones). */
  upserts?: ModelVersion[]
  /** Versions whose files go, as they are on the branch now. */
  removals?: ModelVersion[]
}

interface ModelChange {
  upserts: ModelVersion[]
  removals: ModelVersion[]
}

export async function layoutWrites(snapshot: RegistrySnapshot, change: LayoutChange): Promise<FileWrite[]> {
  const byModel = new Map<string, ModelChange>()
  const slot = (name: string): ModelChange => {
    let entry = byModel.get(name)
    if (!entry) byModel.set(name, (entry = { upserts: [], removals: [] }))
    return entry
  }
  for (const doc of change.upserts ?? []) slot(doc.name).upserts.push(doc)
  for (const doc of change.removals ?? []) slot(doc.name).removals.push(doc)

  const files: FileWrite[] = []
  // Read while the models' files are: a read over the network is a round trip of its own.
  const catalogRead = snapshot.readCatalog()
  catalogRead.catch(() => undefined)
  const heads: [string, Awaited<ReturnType<typeof updateHead>>][] = []
  for (const [name, mine] of [...byModel].sort(([a], [b]) => (a < b ? -1 : 1))) {
    heads.push([name, await modelWrites(snapshot, name, mine, files)])
  }
  let catalog: Catalog = await catalogRead
  for (const [name, head] of heads) catalog = withCatalogEntry(catalog, name, head)
  files.push({ path: CATALOG_PATH, content: catalog })
  return files
}

async function modelWrites(
  snapshot: RegistrySnapshot,
  name: string,
  change: ModelChange,
  files: FileWrite[]
): Promise<Awaited<ReturnType<typeof updateHead>>> {
  const seen = new Set<string>()
  for (const doc of [...change.upserts, ...change.removals]) {
    if (seen.has(doc.version)) {
      throw invalidInput(`${name}@${doc.version} is changed twice in one commit; change each version once`)
    }
    seen.add(doc.version)
  }
  const headRead = snapshot.readHead(name)
  headRead.catch(() => undefined)
  // Rows as they are now (the version files' own rows) and as they will be.
  const removed: VersionRow[] = change.removals.map(rowOf)
  const before = await mapLimited(change.upserts, READS_IN_FLIGHT, doc =>
    snapshot.readVersion(name, doc.version)
  )
  for (const doc of before) if (doc) removed.push(rowOf(doc))
  const added = change.upserts.map(rowOf)

  const gone = new Set(removed.map(r => r.version))
  // Days laid out whole, with their rows after the change.
  const days = new Map<string, VersionRow[]>()
  // Rows rewritten where they are, by version, and days given rows without being read whole.
  const inPlace = new Map<string, VersionRow>()
  const grown = new Map<string, VersionRow[]>()
  for (const day of new Set([...removed, ...added].map(dayOf))) {
    const leaving = removed.filter(r => dayOf(r) === day)
    const coming = added.filter(r => dayOf(r) === day)
    const patched =
      (await patchShards(snapshot, name, leaving, coming)) ??
      (await insertRow(snapshot, name, leaving, coming))
    if (patched) {
      files.push(...patched.files)
      for (const row of patched.replaced) inPlace.set(row.version, row)
      if (patched.replaced.length === 0) grown.set(day, coming)
      continue
    }
    const current = await snapshot.readDay(name, day)
    const rows = current.rows.filter(r => !gone.has(r.version))
    rows.push(...coming)
    // Oldest first, as a shard holds them: the scans below read days newest first from the end.
    rows.sort(rowOrder)
    days.set(day, rows)
    const shards = layoutDay(name, day, rows)
    for (const path of current.paths) if (!shards.has(path)) files.push({ path, content: null })
    for (const [path, shard] of shards) files.push({ path, content: shard })
  }

  for (const doc of change.removals) files.push({ path: versionFilePath(name, doc.version), content: null })
  for (const doc of change.upserts) files.push({ path: versionFilePath(name, doc.version), content: doc })

  // The rows after the change, newest first, for the head's lookups (they scan only when the
  // change took a holder away): a row rewritten in place keeps its position (same registration
  // time and version); a day given a row is read whole only if a scan reaches for it.
  async function* rowsAfter(): AsyncGenerator<VersionRow> {
    for (const [day, rows] of grown)
      days.set(day, [...(await snapshot.readDay(name, day)).rows, ...rows].sort(rowOrder))
    grown.clear()
    for await (const row of rowsNewestFirst(snapshot, name, days)) yield inPlace.get(row.version) ?? row
  }
  const lookups: HeadLookups = {
    // every version the lookups are asked about is one the current head names
    row: version => readListedRow(snapshot, name, version, { where: headPath(name) }),
    newest: async (keep, floor) => {
      for await (const row of rowsAfter()) {
        // Newest first: past the floor, nothing newer than it is left.
        if (floor && rowOrder(row, floor) <= 0) return floor
        if (keep(row)) return row
      }
      return floor
    },
    highest: async (keep, order = compareSemver) => {
      let best: string | null = null
      for await (const row of rowsAfter()) {
        if (keep(row) && (best === null || order(row.version, best) > 0)) best = row.version
      }
      return best
    }
  }
  const head = await updateHead(name, await headRead, removed, added, lookups)
  files.push({ path: headPath(name), content: head })
  return head
}

/** The files a day's change writes without reading the day whole, and the rows it rewrote in place. */
interface DayPatch {
  files: FileWrite[]
  replaced: VersionRow[]
}

/**
 * A day whose change keeps every row's registration time (a promotion, an edit of tags or
 * metrics) keeps its shard layout: only the shards holding those rows are read and written, not
 * the day's (a day of 1,440 registrations is 24 shards). Null when the day must be laid out
 * again: rows come or go, a time changes, or a row is not where its bucket says (then the whole
 * day is re-derived, which also repairs it).
 */
async function patchShards(
  snapshot: RegistrySnapshot,
  name: string,
  removed: VersionRow[],
  added: VersionRow[]
): Promise<DayPatch | null> {
  if (removed.length !== added.length || added.length === 0) return null
  const was = new Map(removed.map(r => [r.version, r]))
  if (was.size !== removed.length) return null
  for (const row of added) if (was.get(row.version)?.registered_at !== row.registered_at) return null
  const shards = new Map<string, RowShard>()
  for (const row of added) {
    const bucket = await bucketHolding(snapshot, name, row.registered_at)
    if (bucket?.path == null) return null
    let shard = shards.get(bucket.path)
    if (!shard) shards.set(bucket.path, (shard = { schema_version: 2, name, rows: [...bucket.rows] }))
    const at = shard.rows.findIndex(r => r.version === row.version)
    if (at < 0) return null
    shard.rows[at] = row
  }
  return { files: [...shards].map(([path, content]) => ({ path, content })), replaced: added }
}

/**
 * One new row (a registration) changes only the bucket that holds its time: that shard gets the
 * row, and splits into finer ones when it passes SHARD_ROWS (layoutBucket), as laying out the
 * whole day would. Null for any other change.
 */
async function insertRow(
  snapshot: RegistrySnapshot,
  name: string,
  removed: VersionRow[],
  added: VersionRow[]
): Promise<DayPatch | null> {
  const row = added[0]
  if (removed.length > 0 || added.length !== 1 || !row) return null
  const bucket = await bucketHolding(snapshot, name, row.registered_at)
  if (!bucket || bucket.rows.some(r => r.version === row.version)) return null
  const shards = layoutBucket(name, bucket.prefix, bucket.level, [...bucket.rows, row])
  const files: FileWrite[] = [...shards].map(([path, content]) => ({ path, content }))
  if (bucket.path !== null && !shards.has(bucket.path)) files.push({ path: bucket.path, content: null })
  return { files, replaced: [] }
}
