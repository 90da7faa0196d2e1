import type { ModelVersion } from './types.js';
import { type Catalog, type HeadSummary, type ModelHead, type VersionRow } from './layout.js';
type VersionOrder = (a: string, b: string) => number;
/** name@latest's order (src/domain/references.ts highestVersion): any release above any pre-release, then semver. */
export declare const latestOrder: VersionOrder;
/** The head the rows derive to; null for a model without versions. */
export declare function deriveHead(name: string, rows: VersionRow[]): ModelHead | null;
/** What an incremental head update may need to read from the registry after the change. */
export interface HeadLookups {
    /** The row of a version that the change did not touch (its version file's row). */
    row(version: string): Promise<VersionRow>;
    /**
     * The newest row after the change that satisfies `keep`, or null. `floor`, a row after the
     * change known to satisfy it, bounds the search: no older row need be looked at.
     */
    newest(keep: (r: VersionRow) => boolean, floor: VersionRow | null): Promise<VersionRow | null>;
    /** The highest version after the change (in `order`, semver by default) among rows that satisfy `keep`, or null. */
    highest(keep: (r: VersionRow) => boolean, order?: (a: string, b: string) => number): Promise<string | null>;
}
/**
 * The head after replacing `removed` rows by `added` ones (a changed version is in both), equal to
 * deriveHead of the new rows. A best-of field is kept or beaten by an added row without reading
 * anything, and looked up again only when the change took its holder away.
 */
export declare function updateHead(name: string, old: ModelHead | null, removed: VersionRow[], added: VersionRow[], lookups: HeadLookups): Promise<ModelHead | null>;
export declare function summaryOf(head: ModelHead): HeadSummary;
/** The catalog with one model's entry replaced (null: the model is gone). */
export declare function withCatalogEntry(catalog: Catalog, name: string, head: ModelHead | null): Catalog;
export declare function deriveCatalog(heads: ModelHead[]): Catalog;
export declare const EMPTY_CATALOG: Catalog;
/** The derived files of one model as its version files make them: path → document. */
export declare function deriveModelFiles(name: string, versions: ModelVersion[]): Map<string, unknown>;
export {};
