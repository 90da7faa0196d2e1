import type { Criteria, SortKey } from '../domain/selection.js';
import type { ModelVersion } from '../domain/types.js';
import type { CommandContext } from './context.js';
export interface ListInput {
    criteria: Criteria;
    sort?: SortKey;
    limit?: number;
}
export declare function listVersions(ctx: CommandContext, input: ListInput): Promise<ModelVersion[]>;
export interface PageInput {
    name: string;
    criteria: Criteria;
    sort?: SortKey;
    limit: number;
    /** The model_id of the last version of the previous page. */
    after?: string;
}
export interface VersionPage {
    versions: ModelVersion[];
    /** The model_id to continue after; null on the last page. */
    next: string | null;
}
/** One page of a model's versions in `list` order; the model's index is read once. */
export declare function listVersionPage(ctx: CommandContext, input: PageInput): Promise<VersionPage>;
