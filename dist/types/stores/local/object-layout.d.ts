import type { Artifact } from '../../domain/types.js';
/** Where the CLI keeps the store of a repository: inside the git dir, so it never shows as untracked. */
export declare function defaultLocalStoreRoot(gitdir: string): string;
/** One stored object; the same shape as the port's optional `listObjects`. */
export interface StoredObject {
    sha256: string;
    size: number;
    /** Absolute path of the object file. */
    path: string;
    /** When the object was written or last re-stored: orphan sweeps spare recent ones. */
    modified: Date;
}
/** Absolute path of the object holding the bytes with this SHA-256 (whether or not it exists). */
export declare function objectFile(root: string, sha256: string): string;
export declare function tempDirectory(root: string): string;
/** Whether bytes with this SHA-256 are stored (without re-hashing them). */
export declare function hasObject(root: string, sha256: string): Promise<boolean>;
/** Every stored object, in SHA-256 order. Names that are not objects are skipped. */
export declare function listObjectFiles(root: string): AsyncIterable<StoredObject>;
export declare function removeObject(root: string, sha256: string): Promise<void>;
/**
 * Removes temp files left by killed processes. Only files last modified more than
 * `olderThanMs` ago go: younger ones may belong to a put that is still writing.
 */
export declare function sweepTempFiles(root: string, olderThanMs: number): Promise<string[]>;
/** The artifact's SHA-256, after checking that it is one this store can serve. */
export declare function checkArtifact(artifact: Artifact, options?: {
    allowDeleted?: boolean;
}): string;
/**
 * A digest from the caller is their mistake (invalid input); one from registry metadata means the
 * metadata is corrupt (integrity). Either way it must be checked before it becomes part of a path.
 */
export declare function checkedHex(sha256: string, kind: 'invalid-input' | 'integrity'): string;
