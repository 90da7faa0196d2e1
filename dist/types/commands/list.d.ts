import type { Criteria, SortKey } from '../domain/selection.js';
import type { ModelVersion } from '../domain/types.js';
import type { CommandContext } from './context.js';
export interface ListInput {
    criteria: Criteria;
    sort?: SortKey;
    limit?: number;
}
export declare function listVersions(ctx: CommandContext, input: ListInput): Promise<ModelVersion[]>;
/** Version files in flight while a list streams (streamVersions). */
export declare const READ_AHEAD = 128;
export interface VersionStream {
    /** The metric names the listed models record (one CSV column each), known before the first version. */
    metrics: string[];
    /** The versions in `list` order, each read when it is asked for. */
    versions: AsyncGenerator<ModelVersion>;
}
/**
 * `list` as a stream: a bad filter fails here, before anything is printed; then each version
 * file is read as the consumer asks for the next version (src/commands/select-rows.ts says what
 * the selection holds in memory).
 */
export declare function streamVersions(ctx: CommandContext, input: ListInput): Promise<VersionStream>;
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
    /** How many versions match the criteria in all (every page together). */
    total: number;
}
/** One page of a model's versions in `list` order; the model's index is read once. */
export declare function listVersionPage(ctx: CommandContext, input: PageInput): Promise<VersionPage>;
