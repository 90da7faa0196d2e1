import { type Catalog } from './layout.js';
import type { ModelVersion } from './types.js';
/**
 * Human-readable problems, empty when `committed` (every derived file of the model in a commit:
 * head.json and the row shards) is exactly what the version files derive to.
 */
export declare function checkDerivedFiles(name: string, versions: ModelVersion[], committed: ReadonlyMap<string, unknown>): string[];
/** Problems with catalog.json against the heads the version files derive (`heads`: every model). */
export declare function checkCatalog(committed: unknown, expected: Catalog): string[];
