import { type Selectable } from './ordering.js';
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
export declare function matchesCriteria(v: Selectable, criteria: Criteria): boolean;
/** `metric:NAME` puts the best value first: the highest, or the lowest when the policy says so. */
export declare function sortComparator(sort: SortKey, policy?: RegistryPolicy): (a: Selectable, b: Selectable) => number;
export declare function selectVersions<T extends Selectable = ModelVersion>(versions: T[], criteria: Criteria, sort?: SortKey, limit?: number, policy?: RegistryPolicy): T[];
/** The Python registry's load_latest_model: the newest registration matching the criteria. */
export declare function selectLatest(versions: ModelVersion[], criteria: Criteria): ModelVersion | null;
