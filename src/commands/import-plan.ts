/**
 * import, step 1: read the Python registry's directory (`models/<type>/<model_id>.pkl` beside
 * `metadata/<type>/<model_id>.json`, src/commands/import-files.ts) into a plan, refusing anything
 * that cannot be imported before a byte is stored. The plan keeps a few short strings per version, never the documents,
 * so 100,000 versions stay small; the documents are read again, one batch at a time, to commit.
 */
import { stat } from 'node:fs/promises'
import { invalidInput, isRegistryError } from '../domain/errors.js'
import { importedVersion, type LegacyRecord } from '../domain/legacy.js'
import { nameFromModelId } from '../domain/model-id.js'
import { compareSemver } from '../domain/versions.js'
import type { RegistryPolicy } from '../domain/types.js'
import type { RegistrySnapshot } from '../registry/backend.js'
import { errorCode } from '../stores/atomic-file.js'
import { forEachLimited } from './limited.js'
import { LegacyFile, listLegacyFiles, MODEL_EXTENSION, readLegacyFile } from './import-files.js'

export const MODEL_MEDIA_TYPE = 'application/octet-stream'

/** What the plan keeps of one version (PlannedVersion adds its files). */
interface PlannedFields {
  name: string
  version: string
  modelId: string
  parentId: string | null
  /** The stage the version lands in: the legacy stage, or demote_to when another holds an exclusive stage. */
  stage: string
  /** The version that keeps the exclusive stage this one was demoted from. */
  demotedBy?: string
  /** The exclusive stage the legacy file gave, when the version was demoted from it. */
  claimedStage?: string
  registeredAt: string
  deployedAt: string | null
  checksum: string
  size: number
  /** SHA-256 of the metadata file's bytes: a file edited between reading and committing is refused. */
  metadataDigest: string
  rewritten: LegacyRecord['rewritten']
}

/** One version to import. The name is the model type, as the Python registry grouped models. */
export class PlannedVersion implements PlannedFields {
  name: string
  version: string
  modelId: string
  parentId: string | null
  stage: string
  demotedBy?: string
  claimedStage?: string
  registeredAt: string
  deployedAt: string | null
  checksum: string
  size: number
  metadataDigest: string
  rewritten: LegacyRecord['rewritten']

  constructor(
    private readonly file: LegacyFile,
    fields: PlannedFields
  ) {
    this.name = fields.name
    this.version = fields.version
    this.modelId = fields.modelId
    this.parentId = fields.parentId
    this.stage = fields.stage
    this.registeredAt = fields.registeredAt
    this.deployedAt = fields.deployedAt
    this.checksum = fields.checksum
    this.size = fields.size
    this.metadataDigest = fields.metadataDigest
    this.rewritten = fields.rewritten
  }

  get metadataFile(): string {
    return this.file.metadataFile
  }

  get modelFile(): string {
    return this.file.modelFile
  }
}

/** A record that rewrote nothing (most of them): one object shared by all. */
const NOT_REWRITTEN: LegacyRecord['rewritten'] = Object.freeze({})

export interface ImportPlan {
  /** Parents before children, then oldest registration first. */
  versions: PlannedVersion[]
  /** Versions the registry already holds with the same model_id and checksum (an earlier run). */
  skipped: PlannedVersion[]
}

/** What the registry holds of one model, as far as the import needs it. */
interface ExistingModel {
  versions: Map<string, { model_id: string; checksum: string }>
  modelIds: Set<string>
  /** Exclusive stage → the version holding it. */
  holders: Map<string, string>
}

export async function planImport(
  dir: string,
  snapshot: RegistrySnapshot,
  concurrency = 32
): Promise<ImportPlan> {
  const policy = snapshot.policy
  const files = await listLegacyFiles(dir)
  const planned: PlannedVersion[] = []
  await forEachLimited(files, concurrency, async file => {
    planned.push(await readPlannedVersion(file, policy))
  })
  planned.sort(byRegistration)
  refuseDuplicates(planned)

  const existing = new Map<string, ExistingModel | null>()
  const existingModel = async (name: string): Promise<ExistingModel | null> => {
    if (!existing.has(name)) existing.set(name, await readExisting(snapshot, name, policy))
    return existing.get(name) ?? null
  }
  const versions: PlannedVersion[] = []
  const skipped: PlannedVersion[] = []
  for (const version of planned) {
    const model = await existingModel(version.name)
    const there = model?.versions.get(version.version)
    if (there && there.model_id === version.modelId && there.checksum === version.checksum) {
      skipped.push(version)
      continue
    }
    if (there) {
      throw invalidInput(
        `${version.metadataFile}: ${version.name}@${version.version} already exists in the registry (model_id ${there.model_id}); remove the file or change its version`
      )
    }
    if (model?.modelIds.has(version.modelId)) {
      throw invalidInput(
        `${version.metadataFile}: model_id ${version.modelId} is already registered under another version; remove the file or change its model_id`
      )
    }
    versions.push(version)
  }
  await checkParents(versions, skipped, existingModel)
  await settleExclusiveStages(versions, policy, existingModel)
  return { versions: parentsFirst(versions), skipped }
}

/** Every metadata file, each with its model file; a model file without metadata is refused too. */
async function readPlannedVersion(file: LegacyFile, policy: RegistryPolicy): Promise<PlannedVersion> {
  const { record, digest } = await readLegacyFile(file, policy)
  let size: number
  try {
    const info = await stat(file.modelFile)
    if (!info.isFile()) throw invalidInput(`${file.modelFile} is not a regular file`)
    size = info.size
  } catch (error) {
    if (isRegistryError(error)) throw error
    if (errorCode(error) === 'ENOENT') {
      throw invalidInput(
        `${file.metadataFile}: its model file ${file.modelFile} is missing; restore it or remove the metadata file`
      )
    }
    throw invalidInput(`cannot read ${file.modelFile}: ${(error as Error).message}`)
  }
  // The whole document is checked now, with the artifact it will have, so that nothing that
  // would fail at commit time (an over-long note, a bad metric name) gets stored first.
  importedVersion(
    record,
    {
      stage: record.deployment_stage,
      artifact: {
        store: 'local',
        file_name: `${record.model_id}${MODEL_EXTENSION}`,
        size,
        sha256: record.checksum,
        media_type: MODEL_MEDIA_TYPE
      },
      filePath: file.modelFile,
      actor: 'import',
      at: record.registered_at,
      source: {}
    },
    file.metadataFile
  )
  // Strings every version shares are kept once: the type (the directory's, which the record's
  // equals), the policy's stage; the model_id is the stem too when they are the same text (the
  // stem, a slice of the directory entry's name, would keep that whole name alive).
  return new PlannedVersion(record.model_id === file.stem ? file.named(record.model_id) : file, {
    name: file.modelType,
    version: record.version,
    modelId: record.model_id,
    parentId: record.parent_model_id,
    stage: policy.stages.find(stage => stage === record.deployment_stage) ?? record.deployment_stage,
    registeredAt: record.registered_at,
    deployedAt: record.deployed_at,
    checksum: record.checksum,
    size,
    metadataDigest: digest,
    rewritten: Object.keys(record.rewritten).length === 0 ? NOT_REWRITTEN : record.rewritten
  })
}

/** Reads and maps one metadata file; `digest` is the SHA-256 of its bytes. */
function refuseDuplicates(planned: PlannedVersion[]): void {
  const byVersion = new Map<string, PlannedVersion>()
  const byId = new Map<string, PlannedVersion>()
  for (const v of planned) {
    const key = `${v.name}@${v.version}`
    const sameVersion = byVersion.get(key)
    if (sameVersion) {
      throw invalidInput(
        `${v.metadataFile}: ${key} is also the version of ${sameVersion.metadataFile}; give each version of a model its own version`
      )
    }
    const sameId = byId.get(v.modelId)
    if (sameId) {
      throw invalidInput(
        `${v.metadataFile}: model_id ${v.modelId} is also the model_id of ${sameId.metadataFile}`
      )
    }
    byVersion.set(key, v)
    byId.set(v.modelId, v)
  }
}

/** A parent is imported alongside, was imported before, or is already in the registry. */
async function checkParents(
  versions: PlannedVersion[],
  skipped: PlannedVersion[],
  existingModel: (name: string) => Promise<ExistingModel | null>
): Promise<void> {
  const imported = new Set([...versions, ...skipped].map(v => v.modelId))
  for (const v of versions) {
    if (v.parentId === null || imported.has(v.parentId)) continue
    const parentModel = await existingModel(nameFromModelId(v.parentId))
    if (!parentModel?.modelIds.has(v.parentId)) {
      throw invalidInput(
        `${v.metadataFile}: parent_model_id ${v.parentId} is neither in the import directory nor in the registry; add the parent's files or set parent_model_id to null`
      )
    }
  }
}

/**
 * Exclusive stages (production, canary) have one holder per model. The registry's holder keeps
 * its stage; otherwise the most recently deployed imported version does. Every other claimant
 * goes to demote_to, as a promotion would have sent it there, and its stage history says so.
 */
async function settleExclusiveStages(
  versions: PlannedVersion[],
  policy: RegistryPolicy,
  existingModel: (name: string) => Promise<ExistingModel | null>
): Promise<void> {
  const claims = new Map<string, PlannedVersion[]>()
  for (const v of versions) {
    if (!policy.exclusive_stages.includes(v.stage)) continue
    const key = `${v.name}\n${v.stage}`
    const claimants = claims.get(key)
    if (claimants) claimants.push(v)
    else claims.set(key, [v])
  }
  for (const claimants of claims.values()) {
    const first = claimants[0] as PlannedVersion
    const holder = (await existingModel(first.name))?.holders.get(first.stage)
    const ranked = [...claimants].sort(mostRecentlyDeployed)
    const keeper = holder ?? (ranked[0] as PlannedVersion).version
    for (const v of ranked) {
      if (v.version === keeper) continue
      v.demotedBy = keeper
      v.claimedStage = v.stage
      v.stage = policy.demote_to
    }
  }
}

async function readExisting(
  snapshot: RegistrySnapshot,
  name: string,
  policy: RegistryPolicy
): Promise<ExistingModel | null> {
  const index = await snapshot.readIndex(name)
  if (!index) return null
  const holders = new Map<string, string>()
  for (const stage of policy.exclusive_stages) {
    const holder = index.stages[stage]?.[0]
    if (holder !== undefined) holders.set(stage, holder)
  }
  return {
    versions: new Map(index.versions.map(v => [v.version, { model_id: v.model_id, checksum: v.checksum }])),
    modelIds: new Set(index.versions.map(v => v.model_id)),
    holders
  }
}

/** Oldest registration first, so each batch's commit can name parents committed before it. */
function parentsFirst(versions: PlannedVersion[]): PlannedVersion[] {
  const byId = new Map(versions.map(v => [v.modelId, v]))
  // a parent's id, once: the child's copy of the string gives way to the parent's own
  for (const v of versions) if (v.parentId !== null) v.parentId = byId.get(v.parentId)?.modelId ?? v.parentId
  const state = new Map<string, 'visiting' | 'done'>()
  const ordered: PlannedVersion[] = []
  for (const start of versions) {
    const chain: PlannedVersion[] = []
    let current: PlannedVersion | undefined = start
    while (current && state.get(current.modelId) !== 'done') {
      if (state.get(current.modelId) === 'visiting') {
        throw invalidInput(
          `${current.metadataFile}: parent_model_id leads back to ${current.modelId} (a cycle); fix the lineage`
        )
      }
      state.set(current.modelId, 'visiting')
      chain.push(current)
      current = current.parentId === null ? undefined : byId.get(current.parentId)
    }
    for (const v of chain.reverse()) {
      state.set(v.modelId, 'done')
      ordered.push(v)
    }
  }
  return ordered
}

function byRegistration(a: PlannedVersion, b: PlannedVersion): number {
  return (
    Date.parse(a.registeredAt) - Date.parse(b.registeredAt) ||
    (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
    compareSemver(a.version, b.version) ||
    (a.metadataFile < b.metadataFile ? -1 : a.metadataFile > b.metadataFile ? 1 : 0)
  )
}

function mostRecentlyDeployed(a: PlannedVersion, b: PlannedVersion): number {
  const at = (v: PlannedVersion) => Date.parse(v.deployedAt ?? v.registeredAt)
  return at(b) - at(a) || compareSemver(b.version, a.version)
}
