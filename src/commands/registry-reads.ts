/**
 * Reading layout 2 the way an answer needs it: a model's rows newest first, day by day (so a
 * recent question stops after the last days), and version files by path.
 */
import { integrityError } from '../domain/errors.js'
import { headPath, rowOf, type VersionRow } from '../domain/layout.js'
import type { ModelVersion } from '../domain/types.js'
import type { RegistrySnapshot } from '../registry/backend.js'

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
  for (const day of [...days].sort().reverse()) {
    const rows = replaced?.get(day) ?? (await snapshot.readDay(name, day)).rows
    // Shards hold a day oldest first (src/domain/layout.ts).
    for (let i = rows.length - 1; i >= 0; i--) yield rows[i] as VersionRow
  }
}

/** A version the derived files name: its file must exist, or the registry is inconsistent. */
export async function readListedVersion(
  snapshot: RegistrySnapshot,
  name: string,
  version: string
): Promise<ModelVersion> {
  const doc = await snapshot.readVersion(name, version)
  if (!doc) {
    throw integrityError(
      `models/${name}: the derived files list version ${version} but its version file is missing; run 'mreg doctor'`
    )
  }
  return doc
}

export async function readListedRow(
  snapshot: RegistrySnapshot,
  name: string,
  version: string
): Promise<VersionRow> {
  return rowOf(await readListedVersion(snapshot, name, version))
}

/** The versions holding `stage`, newest registration first (the head says how many to look for). */
export async function stageHolders(
  snapshot: RegistrySnapshot,
  name: string,
  stage: string
): Promise<ModelVersion[]> {
  const summary = (await snapshot.readHead(name))?.stages[stage]
  if (!summary) return []
  if (summary.count === 1) return [await readListedVersion(snapshot, name, summary.newest)]
  const holders: ModelVersion[] = []
  for await (const row of rowsNewestFirst(snapshot, name)) {
    if (row.stage !== stage) continue
    holders.push(await readListedVersion(snapshot, name, row.version))
    if (holders.length >= summary.count) break
  }
  return holders
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
