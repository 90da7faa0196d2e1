import type { Artifact, ManifestEntry } from '../domain/types.js';
import type { ArtifactStore, ArtifactTarget, FileDigest, PutResult, StoreLease } from '../stores/artifact-store.js';
export interface ScannedDirectory {
    entries: ManifestEntry[];
    /** Manifest path → the file on disk. */
    files: Map<string, string>;
    /** The canonical manifest's SHA-256, and the files' total size. */
    digest: FileDigest;
}
export declare function isDirectoryPath(path: string): Promise<boolean>;
/** Walks `root` (not following links) and hashes every file once. */
export declare function scanDirectory(root: string): Promise<ScannedDirectory>;
export declare function manifestDigest(entries: readonly ManifestEntry[]): string;
/** One single-file view per stored object: a directory's files, or the artifact itself. */
export declare function fileArtifacts(artifact: Artifact): Artifact[];
/**
 * Stores every file (uncompressed: each is its own content-addressed object). On a failure the
 * objects this call created are removed again; the caller undoes the rest after a failed commit.
 */
export declare function putDirectory(store: ArtifactStore, scanned: ScannedDirectory, target: ArtifactTarget): Promise<{
    artifact: Artifact;
    file_path: string;
    created: PutResult[];
    leases: StoreLease[];
}>;
/**
 * Restores a directory version at `finalPath` (which must not exist): into a temporary sibling,
 * every file verified by the store, then one rename. Nothing is left behind on a failure.
 */
export declare function fetchDirectory(store: ArtifactStore, artifact: Artifact, finalPath: string): Promise<string>;
