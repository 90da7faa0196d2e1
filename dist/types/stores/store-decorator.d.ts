/**
 * A store that wraps another (compression, the Actions cache): by default every call goes to the
 * inner store, and the optional listing members exist only when the inner store has them, as the
 * port's contract says (cleanup and doctor treat a store without them as unable to list).
 */
import type { Artifact } from '../domain/types.js';
import type { ArtifactStore, ArtifactTarget, FetchResult, FileDigest, InUseCheck, PutResult, StoredItem } from './artifact-store.js';
export declare class StoreDecorator implements ArtifactStore {
    protected readonly inner: ArtifactStore;
    readonly kind: import("../domain/types.js").ArtifactStoreKind;
    readonly bindsVersion: boolean;
    readonly listStored?: () => AsyncIterable<StoredItem>;
    readonly removeStored?: (item: StoredItem, inUse?: InUseCheck) => Promise<void>;
    constructor(inner: ArtifactStore);
    put(sourcePath: string, target: ArtifactTarget, expected: FileDigest): Promise<PutResult>;
    finish(artifact: Artifact): Promise<void>;
    fetch(artifact: Artifact, outPath: string): Promise<FetchResult>;
    verify(artifact: Artifact): Promise<{
        ok: boolean;
        actual: string | null;
        present: boolean;
    }>;
    remove(artifact: Artifact, inUse?: InUseCheck): Promise<void>;
}
