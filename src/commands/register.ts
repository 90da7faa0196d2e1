/**
 * register: the Python registry's register_model(). The file is hashed once, stored, then its metadata is
 * committed; if the commit fails the stored artifact is removed again (all or nothing).
 */
import { stat } from 'node:fs/promises'
import { extname } from 'node:path'
import { invalidInput, isRegistryError, RegistryError } from '../domain/errors.js'
import { parseMetricsObject } from '../domain/metrics.js'
import { parseModelType, parseName, parseTag } from '../domain/names.js'
import { formatReference } from '../domain/references.js'
import { parseVersion, type Bump } from '../domain/versions.js'
import type { Metrics, ModelVersion } from '../domain/types.js'
import type { RegistrySnapshot } from '../registry/backend.js'
import type { ArtifactStore, PutResult, StoreLease } from '../stores/artifact-store.js'
import { hashFile } from '../stores/hashing.js'
import { maybeAutoCleanup } from './auto-cleanup.js'
import type { CommandContext } from './context.js'
import { fileArtifacts, isDirectoryPath, putDirectory, scanDirectory } from './directory.js'
import { openStore } from './open-store.js'
import { claimIdentity, draftVersion, IdentityTaken, type IdentityRules } from './register-draft.js'
import { layoutWrites } from './layout-writes.js'
import { updateRegistry } from './update-registry.js'
import { allVersions } from './resolve.js'
import { storedBytesInUse } from './store-audit.js'

export interface RegisterInput {
  file: string
  modelType: string
  /** Defaults to the model type (the Python registry grouped models by type). */
  name?: string
  version?: string
  bump?: Bump
  metrics?: Metrics
  config?: Record<string, unknown>
  training?: Record<string, unknown>
  tags?: string[]
  notes?: string
  /** A reference to the model this one was derived from (lineage). */
  parent?: string
  datasetVersion?: string
  stage?: string
  /** When the model was trained; defaults to the file's modification time. */
  createdAt?: Date
  mediaType?: string
}

const MAX_IDENTITY_ATTEMPTS = 8

/** Jittered, growing waits between identity attempts (~0.1 s … 2 s), so contenders spread out. */
function identityBackoff(attempt: number): number {
  const step = Math.min(2000, 100 * 2 ** (attempt - 1))
  return Math.round(step / 2 + Math.random() * (step / 2))
}

const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

export async function register(ctx: CommandContext, input: RegisterInput): Promise<ModelVersion> {
  const modelType = parseModelType(input.modelType)
  const name = input.name === undefined ? modelType : parseName(input.name)
  const explicitVersion = input.version === undefined ? undefined : parseVersion(input.version)
  if (explicitVersion && input.bump)
    throw invalidInput(w => `give either ${w.field('version')} or ${w.field('bump')}, not both`, {
      field: 'bump',
      value: input.bump,
      reason: 'excludes-version'
    })
  const tags = [...new Set((input.tags ?? []).map(parseTag))]
  const metrics = parseMetricsObject(input.metrics ?? {}, 'metrics')
  // A directory is one version of many files (src/commands/directory.ts); a file stays as it is.
  const scanned = (await isDirectoryPath(input.file)) ? await scanDirectory(input.file) : undefined
  const extension = scanned ? '' : safeExtension(input.file)

  // Hashing, opening the store and reading the registry's tip wait on different things (the
  // file, the store's directory or API, git): they run together. The first attempt drafts on the
  // tip as the command found it; a registration landing meanwhile makes the claim retry.
  const [digest, createdAt, store, firstSnapshot] = await allInOrder([
    scanned ? Promise.resolve(scanned.digest) : hashFile(input.file, ctx.progress?.('hashing')),
    input.createdAt ? Promise.resolve(input.createdAt) : stat(input.file).then(found => found.mtime),
    openStore(ctx),
    ctx.backend.snapshot()
  ] as const)

  // Versions whose slot the store refused: taken by a registration still landing, or a tag GitHub
  // keeps reserved for good (a deleted immutable release). An automatic version skips them.
  const refusedVersions = new Set<string>()
  for (let attempt = 1; attempt <= MAX_IDENTITY_ATTEMPTS; attempt++) {
    const snapshot = attempt === 1 ? firstSnapshot : await ctx.backend.snapshot()
    const draft = await draftVersion(
      ctx,
      snapshot,
      { ...input, name, modelType, tags, metrics, explicitVersion, extension, createdAt, refusedVersions },
      digest,
      store,
      scanned
    )
    const rules: IdentityRules = {
      explicit: explicitVersion !== undefined,
      rebindable: !store.bindsVersion,
      bump: input.bump ?? 'patch',
      extension
    }
    prepareCommit(snapshot, draft, rules)
    let stored: PutResult
    let created: PutResult[]
    let leases: StoreLease[]
    try {
      const target = {
        name,
        version: draft.version,
        model_id: draft.model_id,
        file_name: draft.artifact.file_name,
        media_type: draft.artifact.media_type,
        commit: (await ctx.source)?.commit,
        description: releaseDescription(draft),
        compression: snapshot.policy.artifacts.compression
      }
      if (scanned) {
        const put = await putDirectory(store, scanned, target)
        stored = { artifact: put.artifact, file_path: put.file_path, created: put.created.length > 0 }
        created = put.created
        leases = put.leases
      } else {
        stored = await store.put(input.file, target, digest)
        created = stored.created ? [stored] : []
        leases = stored.lease ? [stored.lease] : []
      }
    } catch (error) {
      // The store refused the version's slot (GitHub: a published release holds the tag
      // `name@vX`, or a deleted immutable release spent it for good): an automatic version picks
      // the next one; an explicit one cannot.
      if (!isRegistryError(error) || error.kind !== 'conflict') throw error
      if (explicitVersion !== undefined) throw slotRefused(name, explicitVersion, error)
      refusedVersions.add(draft.version)
      ctx.notice?.(`skipping version ${draft.version} of ${name}: ${error.message}`)
      if (error.details?.reason !== 'tag-reserved') await sleep(identityBackoff(attempt))
      continue
    }
    let registered: ModelVersion
    try {
      registered = await commitVersion(ctx, draft, stored, rules)
    } catch (error) {
      for (const lease of leases) await lease.settle(false)
      await undoPut(ctx, store, created)
      if (!(error instanceof IdentityTaken)) throw error
      await sleep(identityBackoff(attempt))
      continue
    }
    // the metadata refers to the bytes now; until here they were pinned against concurrent removal
    await settleAll(leases)
    await finishPut(ctx, store, registered)
    await autoCleanupAfter(ctx)
    return registered
  }
  throw new RegistryError(
    'conflict',
    `could not register ${name}: other writers kept taking the next version; try again`
  )
}

/**
 * Promise.all, except that the error reported is the first in the list's order, not in time:
 * a missing file is reported as such even when the registry's answer came back first.
 */
async function allInOrder<T extends readonly unknown[]>(work: { [K in keyof T]: Promise<T[K]> }): Promise<{
  -readonly [K in keyof T]: T[K]
}> {
  const settled = await Promise.allSettled(work)
  for (const outcome of settled) if (outcome.status === 'rejected') throw outcome.reason
  return settled.map(outcome => (outcome as PromiseFulfilledResult<unknown>).value) as {
    -readonly [K in keyof T]: T[K]
  }
}

/** Settles every lease, then reports the first that found its bytes gone (see StoreLease). */
async function settleAll(leases: StoreLease[]): Promise<void> {
  let failure: unknown
  for (const lease of leases) await lease.settle(true).catch((error: unknown) => (failure ??= error))
  if (failure !== undefined) throw failure
}

/**
 * The metadata has landed: make the stored artifact final (GitHub: publish the draft release).
 * The version is registered either way (its assets are readable with the token); a failure
 * here is reported, and cleanup finishes the publish.
 */
async function finishPut(ctx: CommandContext, store: ArtifactStore, version: ModelVersion): Promise<void> {
  try {
    await store.finish(version.artifact)
  } catch (error) {
    ctx.notice?.(
      `${formatReference(version)} is registered, but publishing its stored artifact failed (${(error as Error).message}); the next cleanup finishes it`
    )
  }
}

/** An explicit version whose slot the store refused, worded by what GitHub said about the tag. */
function slotRefused(name: string, version: string, error: RegistryError): RegistryError {
  const reserved = error.details?.reason === 'tag-reserved'
  const why = reserved
    ? `its release tag ${name}@v${version} was used by a deleted immutable release, and GitHub never frees such a tag`
    : `its release tag ${name}@v${version} is already used by a published release`
  return new RegistryError(
    'conflict',
    `cannot register ${name}@${version}: ${why}; choose another version, or leave it out to take the next free one`,
    { ...error.details, field: 'version', value: version, reason: reserved ? 'tag-reserved' : 'exists' }
  )
}

/** The registration has landed: a failing auto cleanup is reported, never turned into a failed register. */
async function autoCleanupAfter(ctx: CommandContext): Promise<void> {
  try {
    const outcome = await maybeAutoCleanup(ctx)
    if (outcome && outcome.deleted_count > 0) {
      ctx.notice?.(
        `auto cleanup archived ${outcome.deleted_count} old version(s) (retention.keep_last ${outcome.keep_last})`
      )
    }
  } catch (error) {
    ctx.notice?.(`auto cleanup failed (the registration itself succeeded): ${(error as Error).message}`)
  }
}

/**
 * Makes, while the store takes the bytes, the reads the commit will make (the version's slot, the
 * catalog, the rows and versions its head names): the commit opens the tip again and, when it has
 * not moved, finds them answered (snapshots and their files are shared per commit:
 * src/registry/snapshot.ts). Over GitHub's API that takes some six round trips off the critical
 * path. Nothing is decided here: a failure is left for the commit to meet.
 */
function prepareCommit(snapshot: RegistrySnapshot, draft: ModelVersion, rules: IdentityRules): void {
  void claimIdentity(snapshot, draft, rules)
    .then(doc => layoutWrites(snapshot, { upserts: [doc] }))
    .catch(() => undefined)
}

async function commitVersion(
  ctx: CommandContext,
  draft: ModelVersion,
  stored: PutResult,
  identity: IdentityRules
): Promise<ModelVersion> {
  const base: ModelVersion = { ...draft, artifact: stored.artifact, file_path: stored.file_path }
  const outcome = await updateRegistry(ctx, async snapshot => {
    const doc = await claimIdentity(snapshot, base, identity)
    const trailers: Record<string, string> = { 'Model-Id': doc.model_id, Sha256: doc.checksum }
    if (doc.source.workflow_run) trailers['Workflow-Run'] = doc.source.workflow_run
    if (doc.source.commit) trailers['Source-Commit'] = doc.source.commit
    return {
      change: {
        subject: `register ${doc.name} ${doc.version} (${doc.deployment_stage})`,
        trailers,
        files: await layoutWrites(snapshot, { upserts: [doc] })
      },
      result: doc
    }
  })
  return outcome.result
}

/**
 * Content-addressed stores share bytes between versions: remove what this call created (each
 * file of a directory is its own object) and no committed version uses.
 */
async function undoPut(ctx: CommandContext, store: ArtifactStore, created: PutResult[]): Promise<void> {
  if (created.length === 0) return
  try {
    const used =
      store.kind === 'local'
        ? new Set(
            (await allVersions(await ctx.backend.snapshot()))
              .filter(v => !v.artifact.deleted)
              .flatMap(v => fileArtifacts(v.artifact).map(a => a.sha256))
          )
        : new Set<string>()
    for (const stored of created)
      if (!used.has(stored.artifact.sha256)) await store.remove(stored.artifact, storedBytesInUse(ctx))
  } catch (error) {
    ctx.notice?.(
      `could not remove the stored artifact after a failed registration: ${(error as Error).message}`
    )
  }
}

function safeExtension(file: string): string {
  const extension = extname(file)
  return /^\.[A-Za-z0-9._-]{1,16}$/.test(extension) ? extension : ''
}

function releaseDescription(doc: ModelVersion): string {
  const metrics = Object.entries(doc.performance_metrics)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ')
  return [`${formatReference(doc)} (${doc.model_type})`, metrics && `metrics: ${metrics}`, doc.notes]
    .filter(Boolean)
    .join('\n')
}
