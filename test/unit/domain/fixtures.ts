/** Builders for schema-valid ModelVersion documents and indexes used across the domain tests. */
import { formatTimestamp } from '../../../src/domain/model-id.js'
import type { Metrics, ModelIndex, ModelVersion, StageEvent } from '../../../src/domain/types.js'

export interface VersionSpec {
  name?: string
  model_type?: string
  version: string
  registered_at?: string
  stage?: string
  metrics?: Metrics
  tags?: string[]
  parent?: string | null
  deleted?: boolean
  model_id?: string
  history?: StageEvent[]
  notes?: string
  dataset_version?: string | null
}

export const SHA = 'a'.repeat(64)

export function makeVersion(spec: VersionSpec): ModelVersion {
  const name = spec.name ?? 'fraud'
  const registered_at = spec.registered_at ?? '2026-01-01T00:00:00Z'
  const stage = spec.stage ?? 'development'
  const model_id = spec.model_id ?? `${name}_${formatTimestamp(new Date(registered_at))}`
  return {
    schema_version: 1,
    model_id,
    name,
    model_type: spec.model_type ?? 'isolation_forest',
    version: spec.version,
    created_at: registered_at,
    registered_at,
    file_path: `objects/${SHA}`,
    metadata_path: `models/${name}/${spec.version}.json`,
    checksum: SHA,
    artifact: {
      store: 'local',
      file_name: `${model_id}.pkl`,
      size: 10,
      sha256: SHA,
      media_type: 'application/octet-stream',
      ...(spec.deleted ? { deleted: true } : {})
    },
    model_config: {},
    training_metadata: {},
    deployment_stage: stage,
    deployed_at: stage === 'development' ? null : registered_at,
    stage_history: spec.history ?? [{ stage, at: registered_at, by: 'ci-bot', via: 'register' }],
    performance_metrics: spec.metrics ?? {},
    tags: spec.tags ?? [],
    notes: spec.notes ?? '',
    parent_model_id: spec.parent ?? null,
    dataset_version: spec.dataset_version ?? null,
    source: {}
  }
}

/** Registration time `minutes` after a fixed origin, so tests can order versions by a number. */
export function at(minutes: number): string {
  return new Date(Date.UTC(2026, 0, 1) + minutes * 60_000).toISOString().replace('.000Z', 'Z')
}

export function makeIndex(name: string, versions: ModelVersion[]): ModelIndex {
  const stages: Record<string, string[]> = {}
  for (const v of [...versions].reverse()) (stages[v.deployment_stage] ??= []).push(v.version)
  return { schema_version: 1, name, versions, stages }
}

/** Runs fn and returns what it threw, so a test can assert kind and exact message. */
export function thrown(fn: () => unknown): { kind?: string; message: string } {
  try {
    fn()
  } catch (error) {
    const e = error as { kind?: string; message: string }
    return { kind: e.kind, message: e.message }
  }
  throw new Error('expected the call to throw')
}
