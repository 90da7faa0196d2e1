import { type Catalog } from './layout.js';
import type { ModelVersion } from './types.js';
/**
 * Human-readable problems, empty when `committed` (every derived file of the model in a commit:
 * head.json and the row shards) is exactly what the version files derive to.
 */
export declare function checkDerivedFiles(name: string, versions: ModelVersion[], committed: ReadonlyMap<string, unknown>): string[];
/**
 * The same, against derived files already known (`expected`: path → document): each must be
 * committed as it is, and a committed file not among them must not exist.
 */
export declare function compareDerivedFiles(name: string, expected: ReadonlyMap<string, unknown>, committed: ReadonlyMap<string, unknown>): string[];
/** Problems with catalog.json against the catalog the version files derive. */
export declare function checkCatalog(committed: unknown, expected: Catalog): string[];
