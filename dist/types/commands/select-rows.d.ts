import { type Catalog, type VersionRow } from '../domain/layout.js';
import { type Selectable } from '../domain/ordering.js';
import { type Criteria, type SortKey } from '../domain/selection.js';
import type { RegistryPolicy } from '../domain/types.js';
import type { RegistrySnapshot } from '../registry/backend.js';
export interface RowCandidate extends Selectable {
    row: VersionRow;
}
export declare function asSelectable(name: string, row: VersionRow): RowCandidate;
export interface RowSelection {
    /** The metric names the models in scope record (from the catalog): --csv's columns. */
    metrics: string[];
    rows: AsyncGenerator<RowCandidate>;
}
/** Checks the criteria against the catalog first (a bad filter fails before anything is printed). */
export declare function selectRows(snapshot: RegistrySnapshot, criteria: Criteria, sort?: SortKey, limit?: number): Promise<RowSelection>;
/**
 * Filters are input like any other: a stage registry.json does not define is refused (as show
 * and promote refuse it), and so is a metric that no version in scope records, for --min and
 * --sort metric:NAME alike — an empty answer would hide the typo. Scope: the versions of the
 * named model, or of every model (the heads count the metric names); an empty registry has no
 * metric names to check against.
 */
export declare function checkSelection(policy: RegistryPolicy, catalog: Catalog, criteria: Criteria, sort?: SortKey): void;
