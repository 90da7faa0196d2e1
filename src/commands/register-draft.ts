/**
 * The document a registration commits and the identity it claims: everything validated before
 * a byte is stored, the version and model_id chosen from the head and the day's rows (never the
 * model's whole history), and claimed again on the tip a lost race moved to.
 */
import { invalidInput, refused, type RegistryError } from '../domain/errors.js'
import { checkRequiredMetadata } from '../domain/gates.js'
import { dayOfTime } from '../domain/layout.js'
import { makeModelId } from '../domain/model-id.js'
import { versionPath } from '../domain/model-index.js'
import { parseStage } from '../domain/names.js'
import { isOpenRegistrationStage } from '../domain/policy.js'
import { formatReference } from '../domain/references.js'
import type { Artifact, Metrics, ModelVersion, RegistryPolicy } from '../domain/types.js'
import { validateModelVersion } from '../domain/validate.js'
import { nextVersion, type Bump } from '../domain/versions.js'
import type { RegistrySnapshot } from '../registry/backend.js'
import type { ArtifactStore, FileDigest } from '../stores/artifact-store.js'
import type { CommandContext } from './context.js'
import type { ScannedDirectory } from './directory.js'
import type { RegisterInput } from './register.js'
import { resolveParent } from './resolve.js'
import { bucketHolding } from './row-buckets.js'

/** Another writer took the version or model_id chosen before storing: store again under a new one. */
export class IdentityTaken extends Error {}

export interface NormalisedInput extends RegisterInput {
  name: string
  modelType: string
  tags: string[]
  metrics: Metrics
  explicitVersion?: string
  extension: string
  createdAt: Date
  refusedVersions: ReadonlySet<string>
}

/** Builds and validates the whole document before anything is stored, so bad input writes nothing. */
export async function draftVersion(
  ctx: CommandContext,
  snapshot: RegistrySnapshot,
  input: NormalisedInput,
  digest: FileDigest,
  store: ArtifactStore,
  scanned: ScannedDirectory | undefined
): Promise<ModelVersion> {
  const policy = snapshot.policy
  const stage = input.stage === undefined ? policy.initial_stage : parseStage(policy, input.stage)
  checkRegistrationStage(policy, stage)
  const now = ctx.now()
  const taken = await takenIdentities(snapshot, input.name, now)
  const version = await chooseVersion(snapshot, taken, input)
  const modelId = makeModelId(input.name, now, taken.modelIds)
  const parent = input.parent === undefined ? null : (await resolveParent(snapshot, input.parent)).model_id
  const fileName = `${modelId}${input.extension}`
  const artifact: Artifact = {
    store: store.kind,
    file_name: fileName,
    size: digest.size,
    sha256: digest.sha256,
    media_type: input.mediaType ?? 'application/octet-stream',
    ...(scanned ? { manifest: scanned.entries } : {})
  }
  const registeredAt = now.toISOString()
  const doc: ModelVersion = {
    schema_version: 1,
    model_id: modelId,
    name: input.name,
    model_type: input.modelType,
    version,
    created_at: input.createdAt.toISOString(),
    registered_at: registeredAt,
    file_path: fileName,
    metadata_path: versionPath(input.name, version),
    checksum: digest.sha256,
    artifact,
    model_config: input.config ?? {},
    training_metadata: input.training ?? {},
    deployment_stage: stage,
    deployed_at: stage === policy.initial_stage ? null : registeredAt,
    stage_history: [{ stage, at: registeredAt, by: ctx.actor, via: 'register' }],
    performance_metrics: input.metrics,
    tags: input.tags,
    notes: input.notes ?? '',
    parent_model_id: parent,
    dataset_version: input.datasetVersion ?? null,
    source: (await ctx.source) ?? {}
  }
  validateModelVersion(doc, `${formatReference(doc)}`, 'invalid-input')
  const missing = checkRequiredMetadata(policy, doc).filter(r => r.status === 'fail')
  if (missing.length > 0) {
    throw refused(`registry.json requires metadata: ${missing.map(r => r.message).join('; ')}`, {
      gates: missing
    })
  }
  return doc
}

/**
 * What a new version must not reuse, read without the model's history: the highest version (an
 * automatic version bumps it) and the model_ids of the registration's second (a model_id names its
 * registration second, src/domain/model-id.ts), found in the one row shard that holds that second
 * (src/commands/row-buckets.ts), or in the whole day when it is not laid out as expected.
 */
interface Taken {
  highest: string[]
  modelIds: Set<string>
}

async function takenIdentities(snapshot: RegistrySnapshot, name: string, at: Date): Promise<Taken> {
  const time = at.toISOString()
  // The head and the shard of this second are asked for together (one round trip, not two, over
  // GitHub's API); a model without a head has no rows, so what the shard holds is never looked at.
  const bucketRead = bucketHolding(snapshot, name, time)
  bucketRead.catch(() => undefined)
  const head = await snapshot.readHead(name)
  if (!head) return { highest: [], modelIds: new Set() }
  const rows = (await bucketRead)?.rows ?? (await snapshot.readDay(name, dayOfTime(time))).rows
  return { highest: [head.highest], modelIds: new Set(rows.map(r => r.model_id)) }
}

async function chooseVersion(
  snapshot: RegistrySnapshot,
  taken: Taken,
  input: NormalisedInput
): Promise<string> {
  if (input.explicitVersion === undefined) {
    return nextVersion([...taken.highest, ...input.refusedVersions], input.bump ?? 'patch')
  }
  if (await snapshot.readVersion(input.name, input.explicitVersion)) {
    throw versionExists(input.name, input.explicitVersion)
  }
  return input.explicitVersion
}

/**
 * Registering straight into a gated or exclusive stage would skip the review that promotion
 * exists for, so only ungated, shared stages are allowed at registration.
 */
function checkRegistrationStage(policy: RegistryPolicy, stage: string): void {
  if (!isOpenRegistrationStage(policy, stage)) {
    throw refused(
      w =>
        `cannot register straight into "${stage}" (gated or exclusive): register into ${policy.initial_stage}, then ${w.command('promote', { reference: 'NAME@VERSION', stage })}`,
      { field: 'stage', value: stage, reason: 'gated-or-exclusive' }
    )
  }
}

/**
 * How a version taken by a concurrent writer is handled inside the commit: an explicit version
 * is an error; an automatic one is chosen again on the new tip when the stored artifact does
 * not name it (content-addressed store), or sent back to be stored again when it does (a
 * release tag names the version).
 */
export interface IdentityRules {
  explicit: boolean
  rebindable: boolean
  bump: Bump
  extension: string
}

function versionExists(name: string, version: string): RegistryError {
  return invalidInput(
    w =>
      `${name}@${version} already exists: choose another ${w.field('version')}, or leave it out to bump automatically`,
    { field: 'version', value: version, reason: 'exists' }
  )
}

export async function claimIdentity(
  snapshot: RegistrySnapshot,
  doc: ModelVersion,
  identity: IdentityRules
): Promise<ModelVersion> {
  const registeredAt = new Date(doc.registered_at)
  const taken = await takenIdentities(snapshot, doc.name, registeredAt)
  const versionTaken = (await snapshot.readVersion(doc.name, doc.version)) !== null
  const idTaken = taken.modelIds.has(doc.model_id)
  if (!versionTaken && !idTaken) return doc
  if (versionTaken && identity.explicit) {
    throw versionExists(doc.name, doc.version)
  }
  if (!identity.rebindable) throw new IdentityTaken()
  const version = versionTaken ? nextVersion(taken.highest, identity.bump) : doc.version
  const modelId = makeModelId(doc.name, registeredAt, taken.modelIds)
  const fileName = `${modelId}${identity.extension}`
  return {
    ...doc,
    version,
    model_id: modelId,
    metadata_path: versionPath(doc.name, version),
    artifact: { ...doc.artifact, file_name: fileName }
  }
}
