import type { Metrics, ModelVersion, RegistryPolicy } from './types.js';
export interface Criteria {
    name?: string;
    model_type?: string;
    stage?: string;
    tags?: string[];
    min_metrics?: Metrics;
    include_archived?: boolean;
}
export type SortKey = {
    by: 'registered';
} | {
    by: 'version';
} | {
    by: 'metric';
    metric: string;
};
export declare function parseSortKey(input: string): SortKey;
export declare function matchesCriteria(v: ModelVersion, criteria: Criteria): boolean;
/** `metric:NAME` puts the best value first: the highest, or the lowest when the policy says so. */
export declare function sortComparator(sort: SortKey, policy?: RegistryPolicy): (a: ModelVersion, b: ModelVersion) => number;
export declare function selectVersions(versions: ModelVersion[], criteria: Criteria, sort?: SortKey, limit?: number, policy?: RegistryPolicy): ModelVersion[];
/** The seed's load_latest_model: the newest registration matching the criteria. */
export declare function selectLatest(versions: ModelVersion[], criteria: Criteria): ModelVersion | null;
