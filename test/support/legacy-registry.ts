/**
 * Directories laid out like the Python registry this project replaces (`models/<type>/<id>.pkl`,
 * `metadata/<type>/<id>.json`, metadata as its ModelVersion.to_json wrote it), for the import
 * tests and for building large registries in the scale benchmark (bench/scale.ts).
 */
import { createHash } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

export interface LegacyVersion {
  model_type: string
  model_id: string
  version: string
  /** Any other metadata field, written as given (undefined leaves the default). */
  fields?: Record<string, unknown>
  /** The model file's bytes; default: distinct bytes derived from the model_id. */
  bytes?: string | Buffer
}

export interface WrittenLegacyVersion {
  modelFile: string
  metadataFile: string
  checksum: string
}

/** `<type>_YYYYMMDD_HHMMSS` for a time, as the Python registry named models. */
export function legacyModelId(modelType: string, at: Date): string {
  const iso = at.toISOString()
  return `${modelType}_${iso.slice(0, 10).replace(/-/g, '')}_${iso.slice(11, 19).replace(/:/g, '')}`
}

export async function writeLegacyVersion(root: string, v: LegacyVersion): Promise<WrittenLegacyVersion> {
  const bytes = v.bytes ?? `pickled ${v.model_id}\n`
  const checksum = createHash('sha256').update(bytes).digest('hex')
  const modelDir = join(root, 'models', v.model_type)
  const metadataDir = join(root, 'metadata', v.model_type)
  await mkdir(modelDir, { recursive: true })
  await mkdir(metadataDir, { recursive: true })
  const modelFile = join(modelDir, `${v.model_id}.pkl`)
  const metadataFile = join(metadataDir, `${v.model_id}.json`)
  const metadata = legacyMetadata(v, checksum)
  await writeFile(modelFile, bytes)
  await writeFile(metadataFile, JSON.stringify(metadata, null, 2))
  return { modelFile, metadataFile, checksum }
}

/** The metadata file's contents for a version, as the Python registry's ModelVersion.to_json wrote it. */
export function legacyMetadata(v: LegacyVersion, checksum: string): Record<string, unknown> {
  return {
    model_id: v.model_id,
    model_type: v.model_type,
    version: v.version,
    created_at: '2025-11-13T13:10:00',
    registered_at: '2025-11-13T13:10:08',
    file_path: `/srv/model_registry/models/${v.model_type}/${v.model_id}.pkl`,
    metadata_path: `/srv/model_registry/metadata/${v.model_type}/${v.model_id}.json`,
    checksum,
    model_config: { contamination: 0.1, n_estimators: 100, random_state: 42 },
    training_metadata: { training_samples: 10000, training_time_seconds: 2.5 },
    deployment_stage: 'development',
    deployed_at: null,
    performance_metrics: { f1_score: 0.85, precision: 0.82, recall: 0.88 },
    tags: [],
    notes: '',
    parent_model_id: null,
    dataset_version: '2025-11-01',
    ...v.fields
  }
}

export interface LegacyRegistrySpec {
  /** Model types; versions are registered round-robin over them, one minute apart. */
  models: string[]
  versionsPerModel: number
  /** Every Nth version of a model is tagged and staged, the newest of those in production. */
  stagingEvery?: number
  start?: string
}

/**
 * A whole legacy registry, written with bounded parallelism: versions 1.0.0, 1.0.1… per model,
 * metrics and tags that vary, each model's newest `stagingEvery`th version in production and the
 * other `stagingEvery`th ones in staging, lineage from each version to the one before it.
 */
export async function writeLegacyRegistry(root: string, spec: LegacyRegistrySpec): Promise<number> {
  const versions = legacyRegistryVersions(spec)
  let total = 0
  const worker = async (): Promise<void> => {
    for (let next = versions.next(); !next.done; next = versions.next()) {
      total++
      await writeLegacyVersion(root, next.value)
    }
  }
  await Promise.all(Array.from({ length: 16 }, worker))
  return total
}

/** The versions of writeLegacyRegistry, in registration order (the scale benchmark also writes them directly). */
export function* legacyRegistryVersions(spec: LegacyRegistrySpec): Generator<LegacyVersion> {
  const every = spec.stagingEvery ?? 10
  const start = Date.parse(spec.start ?? '2024-01-01T00:00:00Z')
  const total = spec.models.length * spec.versionsPerModel
  const lastStaged = Math.floor((spec.versionsPerModel - 1) / every) * every
  for (let seq = 0; seq < total; seq++) {
    const n = Math.floor(seq / spec.models.length)
    const modelType = spec.models[seq % spec.models.length] as string
    const at = new Date(start + seq * 60_000)
    const staged = n % every === 0
    const previous =
      n > 0 ? legacyModelId(modelType, new Date(at.getTime() - spec.models.length * 60_000)) : null
    yield {
      model_type: modelType,
      model_id: legacyModelId(modelType, at),
      version: `1.${Math.floor(n / 1000)}.${n % 1000}`,
      fields: {
        created_at: at.toISOString().slice(0, 19),
        registered_at: at.toISOString().slice(0, 19),
        deployment_stage: staged ? (n === lastStaged ? 'production' : 'staging') : 'development',
        deployed_at: staged ? at.toISOString().slice(0, 19) : null,
        performance_metrics: {
          f1_score: spread(seq, 7919),
          precision: spread(seq, 104729),
          recall: spread(seq, 1299709)
        },
        tags: [...(seq % 3 === 0 ? ['high_recall'] : []), ...(staged ? ['validated'] : [])],
        notes: `legacy registration ${seq}`,
        parent_model_id: previous
      }
    }
  }
}

/** A metric in [0.5, 1) that varies with `seq` and is the same on every run. */
const spread = (seq: number, prime: number): number => 0.5 + ((seq * prime) % 500) / 1000
