/**
 * Shapes the commands answer with that other programs read as JSON: `mreg … --json`, the
 * server's API (schemas/openapi.json) and the dashboard, which imports these types (types only,
 * nothing of the domain's code) so its view of an answer cannot drift from the command's.
 */
import type { ModelVersion } from './types.js';
/** `GET /api/v1/models/{name}/versions`: one page of `list`, the cursor on, and how many match in all. */
export interface VersionPageBody {
    versions: ModelVersion[];
    /** Pass back as `cursor` for the next page; null on the last. */
    next_cursor: string | null;
    /** Every version matching the filters, over all pages. */
    total: number;
}
/** One line of `mreg models`: a model's types, how many versions, who holds each stage, newest and highest. */
export interface ModelSummary {
    name: string;
    /** Every model_type registered under this name (usually one). */
    types: string[];
    /** Versions, archived tombstones included. */
    count: number;
    archived: number;
    /** Stage → versions holding it, newest registration first (as the index keeps them). */
    stages: Record<string, string[]>;
    /** The newest registration (not archived); null when every version is archived. */
    newest: string | null;
    /** The highest semver (not archived). */
    highest: string | null;
}
/** A version's stay in one stage, from its stage_history. */
export interface StageSpan {
    version: string;
    model_id: string;
    stage: string;
    from: string;
    /** When the version next changed stage; null while it still holds this one. */
    until: string | null;
    by: string;
    via: string;
}
export interface HistoryEvent {
    commit: string;
    at: string;
    author: string;
    subject: string;
    trailers: Record<string, string>;
}
/** `mreg history --json`: the commits that changed a version or model, and its stage spans. */
export interface HistoryOutcome {
    name: string;
    version: string | null;
    events: HistoryEvent[];
    stages: StageSpan[];
    /** With `at`: the commit in effect then and stage → versions holding it. */
    at?: {
        time: string;
        commit: string | null;
        holders: Record<string, string[]>;
    };
}
export type ChangeKind = 'registered' | 'stage-changed' | 'edited' | 'deleted' | 'archived' | 'policy-changed';
/** One change on the registry branch, as `watch()` yields it and the server's event stream sends it. */
export interface RegistryChange {
    /** `<commit>.<n>`: the n-th change of that commit; a watcher resumes after it. */
    id: string;
    kind: ChangeKind;
    /** The commit of the registry branch that made the change. */
    commit: string;
    name?: string;
    version?: string;
    model_id?: string;
    /** stage-changed, archived: the stage before and after. */
    from?: string;
    to?: string;
}
/** `mreg compare --json` / `GET /api/v1/compare`: one version per row of src/domain/comparison.ts's table. */
export interface ComparedVersion {
    ref: string;
    model_id: string;
    stage: string;
    registered_at: string;
}
export interface MetricRow {
    metric: string;
    values: (number | null)[];
    /** value − first version's value; null when either is missing. */
    deltas: (number | null)[];
    /** delta / |first value|; null when the first value is 0 or missing. */
    relative: (number | null)[];
    /** From registry.json's `metrics`: which way is better for this metric. */
    better: 'higher' | 'lower';
    /** Index of the one best value; null when no version has the metric or when the best is a tie. */
    best: number | null;
    /** Indexes sharing the best value when two or more do (a tie); empty otherwise. */
    tied: number[];
}
export interface Comparison {
    versions: ComparedVersion[];
    metrics: MetricRow[];
}
/** `mreg compare --json` and `GET /api/v1/compare`: the versions and their comparison. */
export interface CompareOutcome {
    versions: ModelVersion[];
    comparison: Comparison;
}
