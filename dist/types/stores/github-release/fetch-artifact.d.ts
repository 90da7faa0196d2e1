import { RegistryError } from '../../domain/errors.js';
import type { Artifact, ReleaseAssetRef } from '../../domain/types.js';
import type { FetchResult } from '../artifact-store.js';
import type { ReleaseContext } from './remove-release.js';
export interface FetchContext extends ReleaseContext {
    onProgress?: (bytesDone: number, total: number) => void;
}
export declare function checksumMismatch(file: string, expected: string, actual: string, extra?: {}, where?: string): RegistryError;
/** Where an asset is, for messages: `release asset NAME of release TAG`. */
export declare function assetPlace(artifact: Artifact, asset: {
    name: string;
}): string;
/** The recorded assets in part order (by part name when parts are recorded). */
export declare function assetsInOrder(artifact: Artifact): ReleaseAssetRef[];
export declare function fetchArtifact(context: FetchContext, artifact: Artifact, outPath: string): Promise<FetchResult>;
