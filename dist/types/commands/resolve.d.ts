import { type Catalog, type ModelHead } from '../domain/layout.js';
import { type Criteria, type SortKey } from '../domain/selection.js';
import type { ModelVersion, RegistryPolicy } from '../domain/types.js';
import type { RegistrySnapshot } from '../registry/backend.js';
import type { CommandContext } from './context.js';
export interface Resolved {
    version: ModelVersion;
    head: ModelHead;
}
export declare function resolve(snapshot: RegistrySnapshot, reference: string): Promise<Resolved>;
export declare function resolveParent(snapshot: RegistrySnapshot, reference: string): Promise<ModelVersion>;
/** Whether a model_id is taken in a model (for a new registration: its second's day is enough). */
export declare function modelIdTaken(snapshot: RegistrySnapshot, modelId: string): Promise<boolean>;
/** Every version document of every model (or of one). Costs the registry's size: for audits. */
export declare function allVersions(snapshot: RegistrySnapshot, name?: string): Promise<ModelVersion[]>;
/**
 * The Python registry's list_models and load_latest_model over layout 2: models the catalog rules out are
 * skipped, a stage held once is one version file, and with the registration order and a limit
 * each model's rows are read newest first only until the limit is reached.
 */
export declare function selectFromRegistry(snapshot: RegistrySnapshot, criteria: Criteria, sort?: SortKey, limit?: number): Promise<ModelVersion[]>;
/**
 * Filters are input like any other: a stage registry.json does not define is refused (as show
 * and promote refuse it), and so is a metric that no version in scope records, for --min and
 * --sort metric:NAME alike — an empty answer would hide the typo. Scope: the versions of the
 * named model, or of every model (the heads count the metric names); an empty registry has no
 * metric names to check against.
 */
export declare function checkSelection(policy: RegistryPolicy, catalog: Catalog, criteria: Criteria, sort?: SortKey): void;
/** The Python registry's load_latest_model(): the newest registration matching every criterion. */
export declare function resolveCriteria(snapshot: RegistrySnapshot, criteria: Criteria): Promise<ModelVersion>;
export declare function describeCriteria(criteria: Criteria): string;
/** resolve: the newest version matching the criteria, read from the registry's current tip. */
export declare function findVersion(ctx: CommandContext, criteria: Criteria): Promise<ModelVersion>;
