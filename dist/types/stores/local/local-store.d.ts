import type { Artifact } from '../../domain/types.js';
import type { ArtifactStore, ArtifactTarget, DirectoryPutResult, DirectorySource, FetchResult, FileDigest, FileVerification, InUseCheck, PutResult, StoredItem } from '../artifact-store.js';
import { type ProgressCallback } from '../hashing.js';
import { type StoredObject } from './object-layout.js';
export { defaultLocalStoreRoot, type StoredObject } from './object-layout.js';
export interface LocalArtifactStoreOptions {
    root: string;
    /** Default progress callback for put and fetch; a per-call callback replaces it. */
    onProgress?: ProgressCallback;
}
export declare class LocalArtifactStore implements ArtifactStore {
    readonly kind: "local";
    readonly bindsVersion = false;
    /** Each copy waits mostly for its fsync (README.md "Directories"): eight overlap well. */
    readonly parallelFetches = 8;
    /** Absolute, so that `file_path` and error messages name the object unambiguously. */
    readonly root: string;
    private readonly onProgress?;
    constructor(options: LocalArtifactStoreOptions);
    /** Absolute path of the object holding the bytes with this SHA-256 (whether or not it exists). */
    objectPath(sha256: string): string;
    put(sourcePath: string, target: ArtifactTarget, expected: FileDigest, onProgress?: ProgressCallback | undefined): Promise<PutResult>;
    /**
     * Every file its own content-addressed object (uncompressed, shared like any other). On a
     * failure the objects this call created are removed again; the caller undoes the rest after a
     * failed commit.
     */
    putDirectory(directory: DirectorySource, target: ArtifactTarget): Promise<DirectoryPutResult>;
    /** Content-addressed bytes are final once stored: nothing to publish. */
    finish(): Promise<void>;
    fetch(artifact: Artifact, outPath: string, onProgress?: ProgressCallback | undefined): Promise<FetchResult>;
    verify(artifact: Artifact): Promise<{
        ok: boolean;
        actual: string | null;
        present: boolean;
    }>;
    /** Each file of a directory version is its own object, re-hashed on its own. */
    verifyFiles(artifact: Artifact): Promise<FileVerification[]>;
    remove(artifact: Artifact, inUse?: InUseCheck): Promise<void>;
    /** Whether bytes with this SHA-256 are stored (without re-hashing them). */
    has(sha256: string): Promise<boolean>;
    /** Every stored object, in SHA-256 order (for doctor and orphan sweeps). Names that are not objects are skipped. */
    listObjects(): AsyncIterable<StoredObject>;
    /** Every object, then the temp files and pins a killed writer may have left (`temporary`). */
    listStored(): AsyncIterable<StoredItem>;
    removeStored(item: StoredItem, inUse?: InUseCheck): Promise<void>;
}
