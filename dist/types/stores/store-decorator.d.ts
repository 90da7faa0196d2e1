/**
 * A store that wraps another (compression, the Actions cache): by default every call goes to the
 * inner store, and the optional listing members exist only when the inner store has them, as the
 * port's contract says (cleanup and doctor treat a store without them as unable to list).
 */
import type { Artifact } from '../domain/types.js';
import type { ArtifactStore, ArtifactTarget, DirectoryPutResult, DirectorySource, FetchResult, FileDigest, FileVerification, InUseCheck, PutResult, RegistryRecords, StoredItem, Verification } from './artifact-store.js';
export declare class StoreDecorator implements ArtifactStore {
    protected readonly inner: ArtifactStore;
    readonly kind: import("../domain/types.js").ArtifactStoreKind;
    readonly bindsVersion: boolean;
    readonly parallelFetches: number;
    readonly listStored?: (records: RegistryRecords) => AsyncIterable<StoredItem>;
    readonly removeStored?: (item: StoredItem, inUse?: InUseCheck) => Promise<void>;
    constructor(inner: ArtifactStore);
    put(sourcePath: string, target: ArtifactTarget, expected: FileDigest): Promise<PutResult>;
    /** A directory's files are stored as they are (each verified against its manifest entry). */
    putDirectory(directory: DirectorySource, target: ArtifactTarget): Promise<DirectoryPutResult>;
    finish(artifact: Artifact): Promise<void>;
    fetch(artifact: Artifact, outPath: string): Promise<FetchResult>;
    verify(artifact: Artifact): Promise<Verification>;
    /**
     * A directory's files are stored as they are: the inner store checks them. A single file goes
     * through this store's own verify (a decorator may store it otherwise, e.g. compressed).
     */
    verifyFiles(artifact: Artifact): Promise<FileVerification[]>;
    remove(artifact: Artifact, inUse?: InUseCheck): Promise<void>;
}
