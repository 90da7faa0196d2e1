import { fileArtifacts } from '../domain/manifest.js';
import type { Artifact, ManifestEntry } from '../domain/types.js';
import type { ArtifactStore, ArtifactTarget, DirectoryPutResult, DirectorySource } from '../stores/artifact-store.js';
export type ScannedDirectory = DirectorySource;
export { fileArtifacts };
export declare function isDirectoryPath(path: string): Promise<boolean>;
/**
 * Walks `root` (not following links) and hashes every file once. Refusals name the front's
 * word for the directory given (the CLI's FILE, the Action's input "model-path").
 */
export declare function scanDirectory(root: string): Promise<ScannedDirectory>;
export declare function manifestDigest(entries: readonly ManifestEntry[]): string;
/**
 * Stores the directory through the store (src/stores/artifact-store.ts putDirectory): every file
 * verified against its manifest entry, all or nothing.
 */
export declare function putDirectory(store: ArtifactStore, scanned: ScannedDirectory, target: ArtifactTarget): Promise<DirectoryPutResult>;
/**
 * Restores a directory version at `finalPath` (which must not exist): into a temporary sibling,
 * every file verified by the store, then one rename. Nothing is left behind on a failure.
 */
export declare function fetchDirectory(store: ArtifactStore, artifact: Artifact, finalPath: string): Promise<string>;
