import { type VersionRow } from '../domain/layout.js';
import type { ModelVersion } from '../domain/types.js';
import type { RegistrySnapshot } from '../registry/backend.js';
/**
 * The model's rows, newest registration first. `replaced` substitutes whole days (a write reads
 * the registry as it will be after its change).
 */
export declare function rowsNewestFirst(snapshot: RegistrySnapshot, name: string, replaced?: ReadonlyMap<string, VersionRow[]>): AsyncGenerator<VersionRow>;
/**
 * What a derived file said about a version, to be checked against its version file (the truth):
 * the row it was found by, the stage a head or the catalog said it holds, or that it is live
 * (a head's newest/latest). `where` names the derived file for the message; a row's is its day's
 * shards, worked out only when a message needs it (a full listing checks 100,000 rows).
 */
export type DerivedClaim = {
    where: string;
    row?: VersionRow;
    stage?: string;
    live?: boolean;
} | {
    where?: undefined;
    row: VersionRow;
};
/**
 * A version the derived files name: its file must exist and agree with what they said, or the
 * registry is inconsistent (edited outside mreg): an answer is never built on derived data the
 * truth contradicts.
 */
export declare function readListedVersion(snapshot: RegistrySnapshot, name: string, version: string, claim?: DerivedClaim): Promise<ModelVersion>;
export declare function readListedRow(snapshot: RegistrySnapshot, name: string, version: string, claim?: DerivedClaim): Promise<VersionRow>;
/** The versions holding `stage`, newest registration first (the head says how many to look for). */
export declare function stageHolders(snapshot: RegistrySnapshot, name: string, stage: string): Promise<ModelVersion[]>;
/** The versions holding `stage`, newest first, from the rows alone (no version file is read). */
export declare function stageHolderVersions(snapshot: RegistrySnapshot, name: string, stage: string): Promise<string[]>;
/** Every derived file of a model as committed (head.json and the row shards): path → parsed JSON. */
export declare function readDerivedFiles(snapshot: RegistrySnapshot, name: string): Promise<Map<string, unknown>>;
