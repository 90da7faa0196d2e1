/**
 * import: the Python registry this replaces, from its directory, into this registry. Three steps,
 * each finished before the next starts:
 *   1. plan (import-plan.ts): every metadata file read and mapped, duplicates, lineage and
 *      exclusive stages settled, against what the registry already holds. Nothing written.
 *   2. store: every model file streamed into the artifact store, which verifies its SHA-256
 *      against the recorded checksum on the way. A mismatch removes what this run stored.
 *   3. commit, one commit per batch: the documents are read again (one batch in memory) and
 *      written through versionWrites. Bytes are stored before any metadata names them, so a
 *      failure never leaves a version pointing at missing bytes; a version already imported
 *      with the same model_id and checksum is skipped, so running the import again resumes it.
 * --dry-run does step 1 and verifies every checksum, and changes nothing.
 */
import { basename } from 'node:path'
import { integrityError, invalidInput, isRegistryError, RegistryError } from '../domain/errors.js'
import { versionFilePath } from '../domain/layout.js'
import { importedVersion } from '../domain/legacy.js'
import type { ModelVersion, RegistryPolicy } from '../domain/types.js'
import type { RegistrySnapshot } from '../registry/backend.js'
import type { ArtifactStore, PutResult } from '../stores/artifact-store.js'
import { hashFile } from '../stores/hashing.js'
import type { CommandContext } from './context.js'
import { MODEL_EXTENSION, readLegacyFile } from './import-files.js'
import { MODEL_MEDIA_TYPE, planImport, type PlannedVersion } from './import-plan.js'
import { forEachLimited } from './limited.js'
import { openStore } from './open-store.js'
import { updateRegistry } from './update-registry.js'
import { versionWrites } from './version-writes.js'

import { DEFAULT_BATCH } from './import-batch.js'

export { DEFAULT_BATCH }
/** Files hashed or stored at once: enough to hide per-file latency (open, fsync), few enough for flat memory. */
const FILE_CONCURRENCY = 8

export interface ImportInput {
  dir: string
  dryRun?: boolean
  /** Versions per commit. */
  batchSize?: number
}

export interface ImportedModel {
  name: string
  imported: number
  skipped: number
  /** Stage → how many imported versions landed in it. */
  stages: Record<string, number>
}

export interface ImportOutcome {
  dry_run: boolean
  directory: string
  imported: number
  /** Already in the registry with the same model_id and checksum (an earlier, interrupted run). */
  skipped: number
  bytes: number
  batch_size: number
  commits: string[]
  models: ImportedModel[]
  /** Legacy values rewritten to fit (README: "Importing from the Python registry"). */
  rewritten: { version: number; model_id: number }
  /** Versions that claimed an exclusive stage another version keeps. */
  demoted: { reference: string; from: string; to: string; kept_by: string }[]
}

export async function importLegacy(ctx: CommandContext, input: ImportInput): Promise<ImportOutcome> {
  const batchSize = input.batchSize ?? DEFAULT_BATCH
  if (!Number.isInteger(batchSize) || batchSize < 1) throw invalidInput(`--batch must be a positive integer`)
  const snapshot = await ctx.backend.snapshot()
  const plan = await planImport(input.dir, snapshot)
  const outcome = summarise(input, batchSize, plan.versions, plan.skipped)
  if (input.dryRun) {
    await forEachLimited(plan.versions, FILE_CONCURRENCY, async v => {
      const digest = await hashFile(v.modelFile)
      if (digest.sha256 !== v.checksum) throw tampered(v, digest.sha256)
    })
    return outcome
  }
  if (plan.versions.length === 0) return outcome

  const store = await openStore(ctx)
  // Each version's stored bytes until its batch is committed: the batches are taken off the front
  // of the plan and of this, so what has landed is let go (only its digest stays, in landed).
  const stored: (PutResult | undefined)[] = new Array<PutResult | undefined>(plan.versions.length)
  const landed = new Set<string>()
  let committing: (PutResult | undefined)[] = []
  try {
    await forEachLimited(plan.versions, FILE_CONCURRENCY, async (v, i) => {
      stored[i] = await storeArtifact(store, v, snapshot.policy)
    })
    const at = ctx.now().toISOString()
    const batches = Math.ceil(plan.versions.length / batchSize)
    // A long import tells its story on stderr; a short one only prints its summary.
    if (batches > 1) ctx.notice?.(`stored ${plan.versions.length} artifact(s), every SHA-256 verified`)
    let committed = 0
    for (let b = 0; b < batches; b++) {
      const batch = plan.versions.splice(0, batchSize)
      committing = stored.splice(0, batchSize)
      const docs = await batchDocuments(ctx, batch, committing, snapshot.policy, at)
      outcome.commits.push(await commitBatch(ctx, docs, b + 1, batches))
      committed += batch.length
      const landedNow = committing
      committing = []
      for (const put of landedNow) if (put) landed.add(put.artifact.sha256)
      // the batch's metadata refers to its bytes now: end their pins (see PutResult.lease)
      for (const put of landedNow) await put?.lease?.settle(true)
      if (batches > 1) ctx.notice?.(`committed batch ${b + 1} of ${batches} (${committed} versions)`)
    }
  } catch (error) {
    const unlanded = [...committing, ...stored]
    for (const put of unlanded) await put?.lease?.settle(false)
    await undoStored(ctx, store, unlanded, landed)
    throw error
  }
  return outcome
}

async function storeArtifact(
  store: ArtifactStore,
  v: PlannedVersion,
  policy: RegistryPolicy
): Promise<PutResult> {
  try {
    const put = await store.put(
      v.modelFile,
      {
        name: v.name,
        version: v.version,
        model_id: v.modelId,
        file_name: `${v.modelId}${MODEL_EXTENSION}`,
        media_type: MODEL_MEDIA_TYPE,
        description: `${v.name}@${v.version}, imported from the Python registry`,
        compression: policy.artifacts.compression
      },
      { sha256: v.checksum, size: v.size }
    )
    // Held for every version until its batch commits: one shape for all (a store may spread its
    // result into a new object each time, each with a hidden class of its own).
    return { artifact: put.artifact, file_path: put.file_path, created: put.created, lease: put.lease }
  } catch (error) {
    if (isRegistryError(error) && error.kind === 'integrity') {
      const actual = error.details?.actual
      throw tampered(v, typeof actual === 'string' ? actual : 'a different value')
    }
    throw error
  }
}

function tampered(v: PlannedVersion, actual: string): RegistryError {
  return integrityError(
    `${v.modelFile}: SHA-256 is ${actual} but ${basename(v.metadataFile)} records ${v.checksum}; the file was changed or corrupted, nothing was imported`,
    { path: v.modelFile, expected: v.checksum, actual }
  )
}

/** Reads the batch's metadata files again; one edited since the plan was made is refused. */
async function batchDocuments(
  ctx: CommandContext,
  batch: PlannedVersion[],
  stored: (PutResult | undefined)[],
  policy: RegistryPolicy,
  at: string
): Promise<ModelVersion[]> {
  const docs: ModelVersion[] = new Array<ModelVersion>(batch.length)
  await forEachLimited(batch, FILE_CONCURRENCY * 4, async (v, i) => {
    const put = stored[i]
    if (!put) throw new Error(`internal: ${v.modelFile} was not stored`)
    const { record, digest } = await readLegacyFile(
      { metadataFile: v.metadataFile, modelType: v.name, stem: basename(v.metadataFile, '.json') },
      policy
    )
    if (digest !== v.metadataDigest) {
      throw invalidInput(
        `${v.metadataFile} changed during the import; run the import again (imported versions are skipped)`
      )
    }
    docs[i] = importedVersion(
      record,
      {
        stage: v.stage,
        demotedBy: v.demotedBy,
        artifact: put.artifact,
        filePath: put.file_path,
        actor: ctx.actor,
        at,
        source: (await ctx.source) ?? {}
      },
      v.metadataFile
    )
  })
  return docs
}

async function commitBatch(
  ctx: CommandContext,
  docs: ModelVersion[],
  batch: number,
  batches: number
): Promise<string> {
  const outcome = await updateRegistry(ctx, async snapshot => {
    await refuseTaken(snapshot, docs)
    return {
      change: {
        subject: `import ${docs.length} version${docs.length === 1 ? '' : 's'} from the Python registry (batch ${batch} of ${batches})`,
        trailers: { 'Import-Batch': `${batch}/${batches}` },
        files: await versionWrites(snapshot, docs)
      },
      result: null
    }
  })
  return outcome.commit
}

/**
 * Another writer registered one of these versions while the import ran: nothing is overwritten.
 * Each version's own path is looked up (the trees on it), not every version file of the model.
 */
async function refuseTaken(snapshot: RegistrySnapshot, docs: ModelVersion[]): Promise<void> {
  for (const doc of docs) {
    if ((await snapshot.objectId(versionFilePath(doc.name, doc.version))) === null) continue
    throw new RegistryError(
      'conflict',
      `${doc.name}@${doc.version} was registered by someone else while the import ran; remove or renumber its legacy file and import again (imported versions are skipped)`
    )
  }
}

/**
 * Removes what this run stored for versions that did not land. Bytes shared with a landed
 * version (content addressing) stay, and bytes that were in the store before stay.
 */
async function undoStored(
  ctx: CommandContext,
  store: ArtifactStore,
  unlanded: (PutResult | undefined)[],
  landed: Set<string>
): Promise<void> {
  const removed = new Set<string>()
  for (const put of unlanded) {
    if (!put?.created || landed.has(put.artifact.sha256) || removed.has(put.artifact.sha256)) continue
    removed.add(put.artifact.sha256)
    try {
      await store.remove(put.artifact)
    } catch (error) {
      ctx.notice?.(`could not remove a stored artifact after the failed import: ${(error as Error).message}`)
    }
  }
}

function summarise(
  input: ImportInput,
  batchSize: number,
  versions: PlannedVersion[],
  skipped: PlannedVersion[]
): ImportOutcome {
  const models = new Map<string, ImportedModel>()
  const model = (name: string): ImportedModel => {
    let entry = models.get(name)
    if (!entry) models.set(name, (entry = { name, imported: 0, skipped: 0, stages: {} }))
    return entry
  }
  const outcome: ImportOutcome = {
    dry_run: Boolean(input.dryRun),
    directory: input.dir,
    imported: versions.length,
    skipped: skipped.length,
    bytes: 0,
    batch_size: batchSize,
    commits: [],
    models: [],
    rewritten: { version: 0, model_id: 0 },
    demoted: []
  }
  for (const v of versions) {
    const entry = model(v.name)
    entry.imported++
    entry.stages[v.stage] = (entry.stages[v.stage] ?? 0) + 1
    outcome.bytes += v.size
    if (v.rewritten.version !== undefined) outcome.rewritten.version++
    if (v.rewritten.model_id !== undefined) outcome.rewritten.model_id++
    if (v.demotedBy !== undefined) {
      outcome.demoted.push({
        reference: `${v.name}@${v.version}`,
        from: v.claimedStage ?? '',
        to: v.stage,
        kept_by: `${v.name}@${v.demotedBy}`
      })
    }
  }
  for (const v of skipped) model(v.name).skipped++
  outcome.models = [...models.values()].sort((a, b) => (a.name < b.name ? -1 : 1))
  return outcome
}
