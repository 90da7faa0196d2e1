import type { Metrics, ModelVersion } from '../domain/types.js';
import { type Bump } from '../domain/versions.js';
import type { RegistrySnapshot } from '../registry/backend.js';
import type { ArtifactStore, FileDigest } from '../stores/artifact-store.js';
import type { CommandContext } from './context.js';
import type { ScannedDirectory } from './directory.js';
import type { RegisterInput } from './register.js';
/** Another writer took the version or model_id chosen before storing: store again under a new one. */
export declare class IdentityTaken extends Error {
}
export interface NormalisedInput extends RegisterInput {
    name: string;
    modelType: string;
    tags: string[];
    metrics: Metrics;
    explicitVersion?: string;
    extension: string;
    createdAt: Date;
    refusedVersions: ReadonlySet<string>;
}
/** Builds and validates the whole document before anything is stored, so bad input writes nothing. */
export declare function draftVersion(ctx: CommandContext, snapshot: RegistrySnapshot, input: NormalisedInput, digest: FileDigest, store: ArtifactStore, scanned: ScannedDirectory | undefined): Promise<ModelVersion>;
/**
 * How a version taken by a concurrent writer is handled inside the commit: an explicit version
 * is an error; an automatic one is chosen again on the new tip when the stored artifact does
 * not name it (content-addressed store), or sent back to be stored again when it does (a
 * release tag names the version).
 */
export interface IdentityRules {
    explicit: boolean;
    rebindable: boolean;
    bump: Bump;
    extension: string;
}
export declare function claimIdentity(snapshot: RegistrySnapshot, doc: ModelVersion, identity: IdentityRules): Promise<ModelVersion>;
