import { type VersionRow } from '../domain/layout.js';
import type { ModelVersion } from '../domain/types.js';
import type { RegistrySnapshot } from '../registry/backend.js';
/**
 * The model's rows, newest registration first. `replaced` substitutes whole days (a write reads
 * the registry as it will be after its change).
 */
export declare function rowsNewestFirst(snapshot: RegistrySnapshot, name: string, replaced?: ReadonlyMap<string, VersionRow[]>): AsyncGenerator<VersionRow>;
/** A version the derived files name: its file must exist, or the registry is inconsistent. */
export declare function readListedVersion(snapshot: RegistrySnapshot, name: string, version: string): Promise<ModelVersion>;
export declare function readListedRow(snapshot: RegistrySnapshot, name: string, version: string): Promise<VersionRow>;
/** The versions holding `stage`, newest registration first (the head says how many to look for). */
export declare function stageHolders(snapshot: RegistrySnapshot, name: string, stage: string): Promise<ModelVersion[]>;
/** The versions holding `stage`, newest first, from the rows alone (no version file is read). */
export declare function stageHolderVersions(snapshot: RegistrySnapshot, name: string, stage: string): Promise<string[]>;
/** Every derived file of a model as committed (head.json and the row shards): path → parsed JSON. */
export declare function readDerivedFiles(snapshot: RegistrySnapshot, name: string): Promise<Map<string, unknown>>;
