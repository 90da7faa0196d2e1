import { type ModelHead } from '../domain/layout.js';
import type { Criteria, SortKey } from '../domain/selection.js';
import type { ModelVersion } from '../domain/types.js';
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
 * The versions matching the criteria in `list` order (src/commands/select-rows.ts), as documents.
 * Holds them all: for answers bounded by a limit, or small; `list` streams instead (list.ts).
 */
export declare function selectFromRegistry(snapshot: RegistrySnapshot, criteria: Criteria, sort?: SortKey, limit?: number): Promise<ModelVersion[]>;
/** The Python registry's load_latest_model(): the newest registration matching every criterion. */
export declare function resolveCriteria(snapshot: RegistrySnapshot, criteria: Criteria): Promise<ModelVersion>;
export declare function describeCriteria(criteria: Criteria): string;
/** resolve: the newest version matching the criteria, read from the registry's current tip. */
export declare function findVersion(ctx: CommandContext, criteria: Criteria): Promise<ModelVersion>;
