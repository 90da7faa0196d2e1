/**
 * For registry tests: literal documents (a valid policy and version, independent of the domain's
 * defaults), a local backend over a test repository, and a change builder of fixed files.
 */
import type { ModelIndex, ModelVersion, RegistryPolicy } from '../../../src/domain/types.js'
import type { ChangeSet } from '../../../src/registry/backend.js'
import { LocalRegistryBackend, type LocalBackendOptions } from '../../../src/registry/local-backend.js'
import { TEST_IDENTITY, type TestRepo } from '../../support/git-repo.js'

/** The backend the CLI would open on `r`, committing as the test identity. */
export function localBackend(r: TestRepo, extra: Partial<LocalBackendOptions> = {}): LocalRegistryBackend {
  return new LocalRegistryBackend({ dir: r.dir, gitdir: r.gitdir, author: TEST_IDENTITY, ...extra })
}

/** A ChangeBuilder that writes `files` whatever the snapshot holds. */
export const change =
  (files: ChangeSet['files'], subject = 'test change', extra: Partial<ChangeSet> = {}) =>
  async () => ({
    change: { subject, files, ...extra },
    result: undefined
  })

export const POLICY: RegistryPolicy = {
  schema_version: 1,
  stages: ['development', 'staging', 'production', 'deprecated', 'archived'],
  initial_stage: 'development',
  transitions: {
    development: ['staging', 'deprecated'],
    staging: ['production', 'deprecated'],
    production: ['staging', 'deprecated'],
    deprecated: ['archived'],
    archived: []
  },
  exclusive_stages: ['production'],
  demote_to: 'deprecated',
  gates: {},
  require_metadata: [],
  retention: { keep_last: 10, min_age_days: 0, protect_stages: ['production'], mode: 'archive' },
  artifacts: { store: 'local' }
}

const SHA = 'a'.repeat(64)

export function modelVersion(name: string, version: string, stage = 'development'): ModelVersion {
  return {
    schema_version: 1,
    model_id: `${name}_20260101_120000`,
    name,
    model_type: name,
    version,
    created_at: '2026-01-01T12:00:00Z',
    registered_at: '2026-01-01T12:00:00Z',
    file_path: `/store/${SHA}`,
    metadata_path: `models/${name}/${version}.json`,
    checksum: SHA,
    artifact: {
      store: 'local',
      file_name: `${name}_20260101_120000.pkl`,
      size: 3,
      sha256: SHA,
      media_type: 'application/octet-stream'
    },
    model_config: {},
    training_metadata: {},
    deployment_stage: stage,
    deployed_at: null,
    stage_history: [{ stage, at: '2026-01-01T12:00:00Z', by: 'test', via: 'register' }],
    performance_metrics: { f1: 0.9 },
    tags: [],
    notes: '',
    parent_model_id: null,
    dataset_version: null,
    source: {}
  }
}

export function modelIndex(name: string, versions: ModelVersion[]): ModelIndex {
  return {
    schema_version: 1,
    name,
    versions,
    stages: { development: versions.map(v => v.version).reverse() }
  }
}
