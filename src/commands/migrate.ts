/**
 * migrate: upgrade a layout 1 registry branch (models/<name>/<version>.json plus the derived
 * models/<name>/index.json) to layout 2 (src/domain/layout.ts) in one commit. The version files
 * are the truth: each is read, moved to its fan-out path (its metadata_path follows), and every
 * derived file is built from them; index.json is not read, only removed. Idempotent: a layout 2
 * branch is left as it is.
 */
import {
  CATALOG_PATH,
  headPath,
  layoutRows,
  rowOf,
  type ModelHead,
  type VersionRow
} from '../domain/layout.js'
import { deriveCatalog, deriveHead } from '../domain/model-head.js'
import { versionPath } from '../domain/model-index.js'
import type { ModelVersion } from '../domain/types.js'
import type { ChangeSet, FileWrite, RegistrySnapshot } from '../registry/backend.js'
import type { CommandContext } from './context.js'
import { deferredDocument, updateRegistry } from './update-registry.js'

export interface MigrateInput {
  dryRun?: boolean
}

export interface MigrateOutcome {
  dry_run: boolean
  /** The layout the branch was in. */
  from: 1 | 2
  changed: boolean
  models: number
  versions: number
  /** Files the migration writes or removes. */
  files: number
  commit: string | null
}

interface Plan {
  change: ChangeSet | null
  models: number
  versions: number
  files: number
}

/** What the migration of one model writes: its version files are named only by their versions. */
interface ModelMove {
  name: string
  versions: string[]
  /** The derived files and index.json's removal. */
  derived: FileWrite[]
}

async function planMigration(snapshot: RegistrySnapshot): Promise<Plan> {
  if (snapshot.layout === 2) return { change: null, models: 0, versions: 0, files: 0 }
  const moves: ModelMove[] = []
  const heads: ModelHead[] = []
  let versions = 0
  let files = 1 // the catalog
  const names = await snapshot.modelNames()
  for (const name of names) {
    // Only each version's row is kept; its moved file is read again when the writer reaches it,
    // and the files to write are made on each pass over the change (migrationFiles), so memory
    // follows the rows, not the documents nor two file writes per version (docs/BENCHMARKS.md).
    const rows: VersionRow[] = []
    const moved: string[] = []
    for (const version of await snapshot.versionFileNames(name)) {
      const doc = await snapshot.readVersion(name, version)
      if (!doc) continue
      rows.push(rowOf({ ...doc, metadata_path: versionPath(name, version) }))
      moved.push(version)
    }
    const derived: FileWrite[] = [{ path: `models/${name}/index.json`, content: null }]
    for (const [path, content] of layoutRows(name, rows)) derived.push({ path, content })
    const head = deriveHead(name, rows)
    if (head) {
      derived.push({ path: headPath(name), content: head })
      heads.push(head)
    }
    moves.push({ name, versions: moved, derived })
    versions += rows.length
    files += 2 * moved.length + derived.length
  }
  const catalog: FileWrite = { path: CATALOG_PATH, content: deriveCatalog(heads) }
  const change: ChangeSet = {
    subject: `migrate registry to layout 2 (${names.length} model${names.length === 1 ? '' : 's'}, ${versions} version${versions === 1 ? '' : 's'})`,
    trailers: { 'Layout-Version': '2' },
    files: () => migrationFiles(snapshot, moves, catalog)
  }
  return { change, models: names.length, versions, files }
}

/** Each version file removed from its layout 1 path and written at its fan-out path, then the derived files. */
function* migrationFiles(
  snapshot: RegistrySnapshot,
  moves: ModelMove[],
  catalog: FileWrite
): Generator<FileWrite> {
  for (const { name, versions, derived } of moves) {
    for (const version of versions) {
      yield { path: `models/${name}/${version}.json`, content: null }
      const path = versionPath(name, version)
      yield { path, content: deferredDocument(path, () => movedVersion(snapshot, name, version)) }
    }
    yield* derived
  }
  yield catalog
}

async function movedVersion(
  snapshot: RegistrySnapshot,
  name: string,
  version: string
): Promise<ModelVersion> {
  const doc = await snapshot.readVersion(name, version)
  if (!doc) throw new Error(`internal: ${name}@${version} disappeared from the snapshot being migrated`)
  return { ...doc, metadata_path: versionPath(name, version) }
}

export async function migrate(ctx: CommandContext, input: MigrateInput = {}): Promise<MigrateOutcome> {
  if (input.dryRun) {
    const snapshot = await ctx.backend.snapshot()
    const plan = await planMigration(snapshot)
    return outcome(true, snapshot.layout, plan, null)
  }
  let from: 1 | 2 = 2
  const committed = await updateRegistry(ctx, async snapshot => {
    from = snapshot.layout
    const plan = await planMigration(snapshot)
    return { change: plan.change, result: plan }
  })
  return outcome(false, from, committed.result, committed.changed ? committed.commit : null)
}

function outcome(dryRun: boolean, from: 1 | 2, plan: Plan, commit: string | null): MigrateOutcome {
  return {
    dry_run: dryRun,
    from,
    changed: plan.change !== null && (dryRun || commit !== null),
    models: plan.models,
    versions: plan.versions,
    files: plan.files,
    commit
  }
}
