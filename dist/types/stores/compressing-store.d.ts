import type { Artifact } from '../domain/types.js';
import type { ArtifactTarget, FetchResult, FileDigest, InUseCheck, PutResult } from './artifact-store.js';
import { StoreDecorator } from './store-decorator.js';
export declare class CompressingStore extends StoreDecorator {
    put(sourcePath: string, target: ArtifactTarget, expected: FileDigest): Promise<PutResult>;
    finish(artifact: Artifact): Promise<void>;
    fetch(artifact: Artifact, outPath: string): Promise<FetchResult>;
    verify(artifact: Artifact): Promise<import("./artifact-store.js").Verification>;
    remove(artifact: Artifact, inUse?: InUseCheck): Promise<void>;
}
/** The artifact as the inner store holds it: the compressed bytes. */
export declare function storedView(artifact: Artifact): Artifact;
