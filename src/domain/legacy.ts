/**
 * The Python registry this replaces, as its metadata JSON describes a version, read with this
 * registry's rules. Pure: src/commands/import.ts reads the files, this decides what they mean.
 * Every error names `where` (the metadata file) and says what to fix.
 *
 * What is rewritten rather than refused (README "Importing from the Python registry"):
 * - version: a leading `v` is dropped and missing parts are zero (`v1.2.3` → 1.2.3, `1.0` → 1.0.0,
 *   `2` → 2.0.0); anything else that is not semver is refused.
 * - model_id: the short `<type>_YYYYMMDD_HHMM` form gets `00` seconds; anything else that is not
 *   `<type>_YYYYMMDD_HHMMSS` is refused.
 * - times without a zone (Python's naive isoformat) are read as UTC.
 * - stage `dev` is `development`.
 */
import { invalidInput } from './errors.js'
import { parseMetricsObject } from './metrics.js'
import { isModelId, nameFromModelId } from './model-id.js'
import { parseModelType, parseTag } from './names.js'
import { ARCHIVED_STAGE } from './ordering.js'
import { versionPath } from './model-index.js'
import { validateModelVersion } from './validate.js'
import { isVersion } from './versions.js'
import type { Artifact, Metrics, ModelVersion, RegistryPolicy, Source, StageEvent } from './types.js'

/** One legacy metadata file, mapped: everything the import keeps. */
export interface LegacyRecord {
  model_id: string
  model_type: string
  version: string
  created_at: string
  registered_at: string
  checksum: string
  model_config: Record<string, unknown>
  training_metadata: Record<string, unknown>
  deployment_stage: string
  deployed_at: string | null
  performance_metrics: Metrics
  tags: string[]
  notes: string
  parent_model_id: string | null
  dataset_version: string | null
  /** The legacy strings that were rewritten, for the import's summary. */
  rewritten: { version?: string; model_id?: string }
}

const SHORT_ID = /^[a-z0-9][a-z0-9_.-]{0,62}_[0-9]{8}_[0-9]{4}$/
const NUMERIC_PREFIX = /^(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))?$/
const NAIVE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/
const ZONED_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i
const SHA256 = /^[0-9a-fA-F]{64}$/
const STAGE_ALIASES: Record<string, string> = { dev: 'development' }

/** Legacy version string → semver, or a one-line refusal naming the file. */
export function mapLegacyVersion(value: unknown, where: string): string {
  if (typeof value !== 'string') {
    throw invalidInput(`${where}: version must be a string such as "1.2.0", got ${describe(value)}`)
  }
  const literal = /^[vV]/.test(value) ? value.slice(1) : value
  if (isVersion(literal)) return literal
  if (NUMERIC_PREFIX.test(literal)) return [...literal.split('.'), '0', '0'].slice(0, 3).join('.')
  throw invalidInput(
    `${where}: version "${value}" cannot be mapped to semver (MAJOR.MINOR.PATCH; "v1.2.3", "1.2" and "1" are accepted); fix it in the file`
  )
}

/** Legacy model_id (kept as it is when it already fits) or a refusal naming the file. */
export function mapLegacyModelId(value: unknown, where: string, field = 'model_id'): string {
  if (typeof value === 'string' && isModelId(value)) return value
  if (typeof value === 'string' && SHORT_ID.test(value)) return `${value}00`
  throw invalidInput(
    `${where}: ${field} ${describe(value)} is not <model_type>_YYYYMMDD_HHMMSS (or _HHMM), e.g. isolation_forest_20241205_143000; fix it in the file`
  )
}

/** An ISO 8601 time as stored (UTC, milliseconds); zone-less times are read as UTC. */
export function mapLegacyTime(value: unknown, field: string, where: string): string {
  if (typeof value === 'string' && (NAIVE_TIME.test(value) || ZONED_TIME.test(value))) {
    const iso = value.replace(' ', 'T')
    const ms = Date.parse(NAIVE_TIME.test(value) ? `${iso}Z` : iso)
    if (!Number.isNaN(ms)) return new Date(ms).toISOString()
  }
  throw invalidInput(
    `${where}: ${field} ${describe(value)} is not an ISO 8601 time such as 2024-12-05T14:30:00`
  )
}

export function mapLegacyStage(value: unknown, policy: RegistryPolicy, where: string): string {
  const raw = typeof value === 'string' ? value.toLowerCase() : value
  const stage = typeof raw === 'string' ? (STAGE_ALIASES[raw] ?? raw) : raw
  if (typeof stage === 'string' && stage !== ARCHIVED_STAGE && policy.stages.includes(stage)) return stage
  const allowed = policy.stages.filter(s => s !== ARCHIVED_STAGE).join(', ')
  throw invalidInput(
    `${where}: deployment_stage ${describe(value)} is not one of ${allowed}; fix it in the file`
  )
}

/**
 * Maps one parsed metadata file. `modelType` is the directory it lies in, `stem` its file name
 * without `.json`: both must agree with what the file says.
 */
export function readLegacyRecord(
  raw: unknown,
  context: { where: string; modelType: string; stem: string; policy: RegistryPolicy }
): LegacyRecord {
  const { where } = context
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw invalidInput(`${where}: expected a JSON object (one version's metadata)`)
  }
  const doc = raw as Record<string, unknown>
  const modelType = parseModelTypeIn(doc.model_type, where)
  if (modelType !== context.modelType) {
    throw invalidInput(
      `${where}: model_type is "${modelType}" but the file is under metadata/${context.modelType}/; move the file or fix the field`
    )
  }
  if (doc.model_id !== context.stem) {
    throw invalidInput(
      `${where}: model_id ${describe(doc.model_id)} differs from the file name "${context.stem}"; the Python registry names both files after the model_id`
    )
  }
  const modelId = mapLegacyModelId(doc.model_id, where)
  if (nameFromModelId(modelId) !== modelType) {
    throw invalidInput(`${where}: model_id "${modelId}" does not start with its model_type "${modelType}_"`)
  }
  const version = mapLegacyVersion(doc.version, where)
  const registeredAt = mapLegacyTime(doc.registered_at, 'registered_at', where)
  const parent = doc.parent_model_id ?? null
  return {
    model_id: modelId,
    model_type: modelType,
    version,
    created_at: doc.created_at == null ? registeredAt : mapLegacyTime(doc.created_at, 'created_at', where),
    registered_at: registeredAt,
    checksum: checksumIn(doc.checksum, where),
    model_config: objectIn(doc.model_config, 'model_config', where),
    training_metadata: objectIn(doc.training_metadata, 'training_metadata', where),
    deployment_stage: mapLegacyStage(
      doc.deployment_stage ?? context.policy.initial_stage,
      context.policy,
      where
    ),
    deployed_at: doc.deployed_at == null ? null : mapLegacyTime(doc.deployed_at, 'deployed_at', where),
    performance_metrics: parseMetricsObject(doc.performance_metrics ?? {}, `${where}: performance_metrics`),
    tags: tagsIn(doc.tags, where),
    notes: optionalString(doc.notes, 'notes', where) ?? '',
    parent_model_id: parent === null ? null : mapLegacyModelId(parent, where, 'parent_model_id'),
    dataset_version: optionalString(doc.dataset_version, 'dataset_version', where),
    rewritten: {
      ...(version !== doc.version ? { version: String(doc.version) } : {}),
      ...(modelId !== doc.model_id ? { model_id: String(doc.model_id) } : {})
    }
  }
}

/** How one imported version lands: its stage, where its bytes are, who imported it and when. */
export interface Landing {
  /** The legacy stage, or demote_to when another version keeps the exclusive stage. */
  stage: string
  /** The version that keeps the exclusive stage this one was demoted from. */
  demotedBy?: string
  artifact: Artifact
  filePath: string
  actor: string
  /** The import's time, recorded in stage_history. */
  at: string
  source: Source
}

/**
 * The ModelVersion document of an imported version, validated against its schema (errors name
 * `where`). The stage history records the import, and a demotion when there was one.
 */
export function importedVersion(record: LegacyRecord, landing: Landing, where: string): ModelVersion {
  const history: StageEvent[] = [
    { stage: record.deployment_stage, at: landing.at, by: landing.actor, via: 'import' }
  ]
  if (landing.demotedBy !== undefined) {
    history.push({
      stage: landing.stage,
      at: landing.at,
      by: landing.actor,
      via: `demoted-by:${landing.demotedBy}`
    })
  }
  const doc: ModelVersion = {
    schema_version: 1,
    model_id: record.model_id,
    name: record.model_type,
    model_type: record.model_type,
    version: record.version,
    created_at: record.created_at,
    registered_at: record.registered_at,
    file_path: landing.filePath,
    metadata_path: versionPath(record.model_type, record.version),
    checksum: record.checksum,
    artifact: landing.artifact,
    model_config: record.model_config,
    training_metadata: record.training_metadata,
    deployment_stage: landing.stage,
    deployed_at: record.deployed_at,
    stage_history: history,
    performance_metrics: record.performance_metrics,
    tags: record.tags,
    notes: record.notes,
    parent_model_id: record.parent_model_id,
    dataset_version: record.dataset_version,
    source: landing.source
  }
  return validateModelVersion(doc, where, 'invalid-input')
}

function parseModelTypeIn(value: unknown, where: string): string {
  if (typeof value !== 'string')
    throw invalidInput(`${where}: model_type must be a string, got ${describe(value)}`)
  try {
    return parseModelType(value)
  } catch (error) {
    throw invalidInput(`${where}: ${(error as Error).message}`)
  }
}

function checksumIn(value: unknown, where: string): string {
  if (typeof value === 'string' && SHA256.test(value)) return value.toLowerCase()
  throw invalidInput(
    `${where}: checksum ${describe(value)} is not a SHA-256 (64 hex digits); the import verifies every file against it`
  )
}

function objectIn(value: unknown, field: string, where: string): Record<string, unknown> {
  if (value == null) return {}
  if (typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>
  throw invalidInput(`${where}: ${field} must be a JSON object, got ${describe(value)}`)
}

function tagsIn(value: unknown, where: string): string[] {
  if (value == null) return []
  if (!Array.isArray(value))
    throw invalidInput(`${where}: tags must be a list of strings, got ${describe(value)}`)
  const tags = value.map(tag => {
    if (typeof tag !== 'string') throw invalidInput(`${where}: tags must be strings, got ${describe(tag)}`)
    try {
      return parseTag(tag)
    } catch (error) {
      throw invalidInput(`${where}: ${(error as Error).message}`)
    }
  })
  return [...new Set(tags)]
}

function optionalString(value: unknown, field: string, where: string): string | null {
  if (value == null) return null
  if (typeof value === 'string') return value
  throw invalidInput(`${where}: ${field} must be a string, got ${describe(value)}`)
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing'
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}
