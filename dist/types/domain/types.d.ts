/** The registry's documents, as the JSON Schemas in schemas/ define them (snake_case, the Python registry's names). */
export type Metrics = Record<string, number>;
export interface StageEvent {
    stage: string;
    at: string;
    by: string;
    /** How the change came: `register`, `promote`, `pull/41`, `cleanup`, `rollback`, `demoted-by:<version>`… */
    via: string;
}
export interface ArtifactPart {
    index: number;
    size: number;
    sha256: string;
    name?: string;
}
export interface ReleaseRef {
    id: number;
    tag: string;
    url?: string;
    immutable?: boolean;
}
export interface ReleaseAssetRef {
    id: number;
    name: string;
    size: number;
    sha256: string;
    url?: string;
    /** A directory version: the manifest path of the file whose bytes this asset holds. */
    path?: string;
    /** A directory file split in parts: which part (0-based) this asset is. */
    part?: number;
}
export type ArtifactStoreKind = 'local' | 'github-release';
export interface Artifact {
    store: ArtifactStoreKind;
    uri?: string;
    file_name: string;
    size: number;
    sha256: string;
    media_type: string;
    compression?: 'none' | 'gzip';
    parts?: ArtifactPart[];
    release?: ReleaseRef;
    assets?: ReleaseAssetRef[];
    /** A directory version: its files; `sha256` is then the canonical manifest's digest. */
    manifest?: ManifestEntry[];
    /** Set once retention removed the stored bytes; the metadata stays as a tombstone. */
    deleted?: boolean;
    /** With compression: the bytes as stored (compressed); `sha256`/`size` above are the model file's. */
    stored?: {
        file_name: string;
        size: number;
        sha256: string;
    };
}
/** One file of a directory version (src/domain/manifest.ts). */
export interface ManifestEntry {
    /** Relative, `/`-separated. */
    path: string;
    size: number;
    sha256: string;
}
export interface Source {
    repository?: string;
    commit?: string;
    workflow_run?: string;
    actor?: string;
    /** Local registrations: tracked files differed from `commit` (untracked ones do not count). */
    dirty?: boolean;
}
export interface ModelVersion {
    schema_version: 1;
    model_id: string;
    name: string;
    model_type: string;
    version: string;
    created_at: string;
    registered_at: string;
    file_path: string;
    metadata_path: string;
    checksum: string;
    artifact: Artifact;
    model_config: Record<string, unknown>;
    training_metadata: Record<string, unknown>;
    deployment_stage: string;
    deployed_at: string | null;
    stage_history: StageEvent[];
    performance_metrics: Metrics;
    tags: string[];
    notes: string;
    parent_model_id: string | null;
    dataset_version: string | null;
    source: Source;
    archived_at?: string;
    reason?: string;
}
export interface ModelIndex {
    schema_version: 1;
    name: string;
    /** Every version document, oldest registration first. */
    versions: ModelVersion[];
    /** Stage → versions holding it, newest registration first. */
    stages: Record<string, string[]>;
}
export interface MustBeat {
    metric: string;
    lower_is_better?: boolean;
    min_delta?: number;
}
export interface Gate {
    min_metrics?: Metrics;
    must_beat?: string | MustBeat | null;
    min_approvals?: number;
    require_pull_request?: boolean;
}
export interface RetentionPolicy {
    keep_last: number;
    min_age_days: number;
    protect_stages: string[];
    mode: 'archive' | 'remove';
    auto_cleanup?: boolean;
    cleanup_interval_hours?: number;
    orphan_grace_hours?: number;
}
export interface ArtifactSettings {
    store: ArtifactStoreKind;
    max_part_bytes?: number;
    compression?: 'none' | 'gzip';
}
export interface MetricSettings {
    /** Smaller is better (latency, loss): compare, must_beat and sorting by the metric follow it. */
    lower_is_better?: boolean;
}
export interface RegistryPolicy {
    schema_version: 1;
    stages: string[];
    initial_stage: string;
    transitions: Record<string, string[]>;
    exclusive_stages: string[];
    demote_to: string;
    gates: Record<string, Gate>;
    require_metadata: string[];
    retention: RetentionPolicy;
    artifacts: ArtifactSettings;
    /** Per-metric settings by name; absent or unlisted metrics are higher-is-better. */
    metrics?: Record<string, MetricSettings>;
}
