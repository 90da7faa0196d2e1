import { type Criteria, type SortKey } from '../domain/selection.js';
import type { ModelIndex, ModelVersion, RegistryPolicy } from '../domain/types.js';
import type { RegistrySnapshot } from '../registry/backend.js';
import type { CommandContext } from './context.js';
export interface Resolved {
    version: ModelVersion;
    index: ModelIndex;
}
export declare function resolve(snapshot: RegistrySnapshot, reference: string): Promise<Resolved>;
export declare function resolveParent(snapshot: RegistrySnapshot, reference: string): Promise<ModelVersion>;
/** Every version document of every model (or of one), from the indexes: one blob per model. */
export declare function allVersions(snapshot: RegistrySnapshot, name?: string): Promise<ModelVersion[]>;
/**
 * Filters are input like any other: a stage registry.json does not define is refused (as show
 * and promote refuse it), and so is a metric that no version in scope records, for --min and
 * --sort metric:NAME alike — an empty answer would hide the typo. Scope: the versions of the
 * named model, or of every model; an empty registry has no metric names to check against.
 */
export declare function checkSelection(policy: RegistryPolicy, versions: readonly ModelVersion[], criteria: Criteria, sort?: SortKey): void;
/** The seed's load_latest_model(): the newest registration matching every criterion. */
export declare function resolveCriteria(snapshot: RegistrySnapshot, criteria: Criteria): Promise<ModelVersion>;
export declare function describeCriteria(criteria: Criteria): string;
/** resolve: the newest version matching the criteria, read from the registry's current tip. */
export declare function findVersion(ctx: CommandContext, criteria: Criteria): Promise<ModelVersion>;
