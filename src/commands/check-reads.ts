/**
 * What the policy check (src/commands/check.ts) reads of a change, base → head: registry.json
 * on both sides, and for the models whose `models/<name>` tree differs, the documents the review
 * needs.
 *
 * Layout 2 on both sides reads what the change touched, not the models' histories: the version
 * files whose Git ids differ (src/commands/tree-diff.ts), the base's holders of the stages whose
 * rules look at holders (exclusive stages, must_beat gates), and the derived files the change
 * touched or must touch. Those must be what the base's derived files become with the changed
 * version files applied, exactly as a write derives them (layoutWrites). That replay trusts the
 * base, the registry branch, whose derived files were checked when they landed (and `doctor`
 * checks them whole); so when it disagrees with the change, or the base's derived files cannot be
 * read, the change is judged the whole way below, which names what is wrong (the base, when the
 * change is a repair of it, passes there).
 *
 * The whole way (layout 1, a layout change, or a base whose derived files are unreadable) reads
 * every version file of the changed models on both sides and derives their files from scratch.
 */
import { isRegistryError, RegistryError } from '../domain/errors.js'
import { CATALOG_PATH, headPath, modelDir, rowOf, versionFilePath, type Catalog } from '../domain/layout.js'
import { deriveHead, deriveModelFiles, withCatalogEntry } from '../domain/model-head.js'
import { normaliseMustBeat } from '../domain/gates.js'
import { firstDifference } from '../domain/json-diff.js'
import { gateFor } from '../domain/policy.js'
import type { BaseState, DocumentAt, ExpectedFile, HeadState } from '../domain/review.js'
import type { ModelVersion, RegistryPolicy } from '../domain/types.js'
import { validateModelVersion } from '../domain/validate.js'
import type { RegistryBackend, RegistrySnapshot } from '../registry/backend.js'
import { layoutWrites } from './layout-writes.js'
import { mapLimited, READS_IN_FLIGHT } from './limited.js'
import { stageHolders } from './registry-reads.js'
import { changedFiles } from './tree-diff.js'

export interface ReadChange {
  base: BaseState
  head: HeadState
  models: string[]
  otherPaths: string[]
}

type Problems = { path: string; message: string }[]

/** A version file's path (layout 2): the derived files are everything else a write touches. */
const VERSION_FILE = /^models\/[^/]+\/versions\//

export async function readChange(backend: RegistryBackend, base: string, head: string): Promise<ReadChange> {
  const [before, after] = await Promise.all([backend.snapshotAt(base), backend.snapshotAt(head)])
  const models = await changedModels(before, after)
  const otherPaths = await changedOtherPaths(before, after)
  if (before.layout === 2 && after.layout === 2) {
    try {
      const touched = await readTouched(before, after, models)
      if (touched) return { ...touched, models, otherPaths }
    } catch (error) {
      // The base's derived files (a head, a shard, the catalog) cannot be read: judge it whole.
      if (!isRegistryError(error)) throw error
    }
  }
  return { ...(await readWhole(before, after, models)), models, otherPaths }
}

/** Both sides' states, with registry.json read into them: what every read of a change starts from. */
async function withPolicies(
  before: RegistrySnapshot,
  after: RegistrySnapshot
): Promise<{ base: BaseState; head: HeadState; problems: Problems }> {
  const problems: Problems = []
  const [a, b] = await Promise.all([
    readDocument(before, 'registry.json'),
    readDocument(after, 'registry.json')
  ])
  const base: BaseState = { policy: a.content, policyError: a.error, versions: [] }
  const head: HeadState = { policy: b.content, policyError: b.error, versions: [], indexes: [], problems }
  return { base, head, problems }
}

/**
 * Layout 2 on both sides: only what the change touched (see the top of this file). Null when a
 * derived file the change touched is not what the replay derives (the base may be what is wrong,
 * in a change repairing it: only the whole read can say which), or a changed version file is not
 * a valid document (the whole read reports it).
 */
async function readTouched(
  before: RegistrySnapshot,
  after: RegistrySnapshot,
  models: string[]
): Promise<{ base: BaseState; head: HeadState } | null> {
  const { base, head, problems } = await withPolicies(before, after)
  const upserts: ModelVersion[] = []
  const removals: ModelVersion[] = []
  const derivedTouched = new Set<string>([CATALOG_PATH])
  for (const name of models) {
    try {
      modelDir(name)
    } catch (error) {
      problems.push({ path: `models/${name}`, message: messageOf(error) })
      continue
    }
    const prefix = `models/${name}/`
    const versionPaths: string[] = []
    for (const path of await changedFiles(before, after, `models/${name}`)) {
      const rest = path.slice(prefix.length)
      if (rest === 'head.json' || rest.startsWith('rows/')) derivedTouched.add(path)
      else if (!rest.startsWith('versions/'))
        problems.push({
          path,
          message: `${path}: a model directory holds versions/, rows/ and head.json only`
        })
      else {
        const misplaced = misplacedVersion(name, path)
        if (misplaced) problems.push({ path, message: misplaced })
        else versionPaths.push(path)
      }
    }
    // By version, as a listing of the model's versions gives them (the review reports in this order).
    versionPaths.sort((a, b) => (fileName(a) < fileName(b) ? -1 : fileName(a) > fileName(b) ? 1 : 0))
    const pairs = await mapLimited(versionPaths, READS_IN_FLIGHT, path =>
      Promise.all([readDocument(before, path), readDocument(after, path)])
    )
    for (const [old, now] of pairs) {
      if (present(old)) base.versions.push(old)
      if (present(now)) head.versions.push(now)
      const doc = present(now) ? parsedVersion(now) : null
      const gone = present(now) ? null : parsedVersion(old)
      if (doc) upserts.push(doc)
      else if (gone) removals.push(gone)
      // An invalid document derives nothing: the whole read reports it and leaves its model's
      // derived files out of the comparison.
      else return null
    }
    // The base's holders, unchanged unless the change touched them: the rules compare with them.
    const touched = new Set(versionPaths)
    for (const stage of stagesWithHolderRules(before.policy)) {
      for (const holder of await stageHolders(before, name, stage)) {
        const path = versionFilePath(name, holder.version)
        if (touched.has(path)) continue
        touched.add(path)
        base.versions.push({ path, content: holder })
        head.versions.push({ path, content: holder })
      }
    }
  }
  const expected: ExpectedFile[] = []
  for (const write of await layoutWrites(before, { upserts, removals })) {
    if (VERSION_FILE.test(write.path)) continue
    expected.push({ path: write.path, content: write.content })
    derivedTouched.add(write.path)
  }
  const committed = await mapLimited([...derivedTouched].sort(), READS_IN_FLIGHT, path =>
    readDocument(after, path)
  )
  const wanted = new Map(expected.map(e => [e.path, e.content]))
  const agrees = (d: DocumentAt): boolean =>
    d.error === undefined && wanted.has(d.path) && firstDifference(d.content, wanted.get(d.path)) === null
  if (!committed.every(agrees)) return null
  head.derived = { committed, expected }
  return { base, head }
}

/** Layout 1, a change of layout, or a base whose derived files cannot be read: every version file. */
async function readWhole(
  before: RegistrySnapshot,
  after: RegistrySnapshot,
  models: string[]
): Promise<{ base: BaseState; head: HeadState }> {
  const { base, head, problems } = await withPolicies(before, after)
  const committed: DocumentAt[] = []
  const expected: ExpectedFile[] = []
  let catalog: Catalog | null = null
  if (before.layout === 2 && after.layout === 2) {
    try {
      catalog = await before.readCatalog()
    } catch (error) {
      if (!isRegistryError(error)) throw error
    }
  }
  for (const name of models) {
    const baseFiles = await listVersionFiles(before, name, null)
    const headFiles = await listVersionFiles(after, name, problems)
    base.versions.push(...(await mapLimited(baseFiles, READS_IN_FLIGHT, path => readDocument(before, path))))
    const mine = await mapLimited(headFiles, READS_IN_FLIGHT, path => readDocument(after, path))
    head.versions.push(...mine)
    if (after.layout === 2) {
      const docs = mine.map(parsedVersion)
      const valid = docs.filter((doc): doc is ModelVersion => doc !== null)
      const derived = deriveModelFiles(name, valid)
      for (const [path, content] of derived) expected.push({ path, content })
      // A committed file the version files do not derive is named by the review (should not exist).
      const paths = await derivedPaths(after, name, problems)
      committed.push(...(await mapLimited(paths, READS_IN_FLIGHT, path => readDocument(after, path))))
      // An invalid version file is reported already: its entry (so the catalog) is not compared.
      if (valid.length < docs.length) catalog = null
      if (catalog) catalog = withCatalogEntry(catalog, name, deriveHead(name, valid.map(rowOf)))
    } else if (headFiles.length > 0 || (await after.objectId(`models/${name}/index.json`))) {
      const index = await readDocument(after, `models/${name}/index.json`)
      if (index.content !== null || index.error !== undefined) head.indexes.push(index)
    }
  }
  if (after.layout === 2) {
    committed.push(await readDocument(after, CATALOG_PATH))
    if (catalog) expected.push({ path: CATALOG_PATH, content: catalog })
    head.derived = { committed, expected }
  }
  return { base, head }
}

/** Stages whose rules look at the versions holding them: exclusive ones, and those with a must_beat gate. */
function stagesWithHolderRules(policy: RegistryPolicy): string[] {
  return policy.stages.filter(
    stage =>
      policy.exclusive_stages.includes(stage) ||
      normaliseMustBeat(gateFor(policy, stage).must_beat, policy) !== null
  )
}

function misplacedVersion(name: string, path: string): string | null {
  const version = /\/([^/]+)\.json$/.exec(path)?.[1]
  if (version === undefined) return `${path}: a version file is versions/<a>/<b>/<c>/<version>.json`
  try {
    const where = versionFilePath(name, version)
    return where === path ? null : `${path} is not where ${name}@${version} belongs (${where})`
  } catch (error) {
    return `${path}: ${messageOf(error)}`
  }
}

const fileName = (path: string): string => path.slice(path.lastIndexOf('/') + 1)

const present = (d: DocumentAt): boolean => d.content !== null || d.error !== undefined

/** The version document at its path, or null when it is not valid (the review reports that). */
function parsedVersion(document: DocumentAt): ModelVersion | null {
  if (document.error !== undefined || document.content === null) return null
  try {
    const doc = validateModelVersion(document.content, document.path, 'integrity')
    return versionFilePath(doc.name, doc.version) === document.path ? doc : null
  } catch (error) {
    if (isRegistryError(error)) return null
    throw error
  }
}

function messageOf(error: unknown): string {
  if (isRegistryError(error)) return error.message
  throw error
}

/** Root entries other than registry.json, catalog.json and models/ whose object differs between the commits. */
async function changedOtherPaths(before: RegistrySnapshot, after: RegistrySnapshot): Promise<string[]> {
  const names = [...new Set([...(await before.rootNames()), ...(await after.rootNames())])].sort()
  const changed: string[] = []
  for (const name of names.filter(n => n !== 'registry.json' && n !== CATALOG_PATH && n !== 'models')) {
    if ((await before.objectId(name)) !== (await after.objectId(name))) changed.push(name)
  }
  return changed
}

/** Models whose directory is not the same object in both commits. */
async function changedModels(before: RegistrySnapshot, after: RegistrySnapshot): Promise<string[]> {
  const names = [...new Set([...(await before.modelNames()), ...(await after.modelNames())])].sort()
  const changed: string[] = []
  for (const name of names) {
    const [a, b] = await Promise.all([before.objectId(`models/${name}`), after.objectId(`models/${name}`)])
    if (a !== b) changed.push(name)
  }
  return changed
}

async function listVersionFiles(
  snapshot: RegistrySnapshot,
  name: string,
  problems: Problems | null
): Promise<string[]> {
  try {
    return (await snapshot.versionFileNames(name)).map(version =>
      snapshot.layout === 2 ? versionFilePath(name, version) : `models/${name}/${version}.json`
    )
  } catch (error) {
    if (!isRegistryError(error) || error.kind !== 'invalid-input') throw error
    problems?.push({ path: `models/${name}`, message: `models/${name}: ${error.message}` })
    return []
  }
}

/** head.json and every row shard of a model. */
async function derivedPaths(snapshot: RegistrySnapshot, name: string, problems: Problems): Promise<string[]> {
  try {
    const paths = (await snapshot.objectId(headPath(name))) ? [headPath(name)] : []
    for (const day of await snapshot.rowDays(name)) paths.push(...(await snapshot.readDay(name, day)).paths)
    return paths
  } catch (error) {
    if (!isRegistryError(error)) throw error
    problems.push({ path: `models/${name}/rows`, message: error.message })
    return []
  }
}

async function readDocument(snapshot: RegistrySnapshot, path: string): Promise<DocumentAt> {
  try {
    return { path, content: await snapshot.readJson(path) }
  } catch (error) {
    // Not JSON, or a directory where a file belongs: the content is judged, not the read.
    if (error instanceof RegistryError && (error.kind === 'integrity' || error.kind === 'invalid-input')) {
      return { path, content: null, error: error.message }
    }
    throw error
  }
}
