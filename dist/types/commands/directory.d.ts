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
export interface FetchDirectoryOptions {
    /**
     * fetch --if-changed / --watch: an existing directory at `finalPath` is replaced — only once the
     * new tree is complete and verified beside it; a failure leaves it untouched.
     */
    replace?: boolean;
}
/**
 * Restores a directory version at `finalPath` (which must not exist unless `replace`): into a
 * temporary sibling, every file verified by the store, then renamed into place. Nothing is left
 * behind on a failure.
 */
export declare function fetchDirectory(store: ArtifactStore, artifact: Artifact, finalPath: string, options?: FetchDirectoryOptions): Promise<string>;
/**
 * True when the directory at `root` holds exactly the version's files: the same set of paths
 * (nothing extra, no links, special files or empty directories, which a version never restores),
 * each the recorded size and SHA-256. Sizes are compared first, then each file is hashed while
 * streaming; the first difference ends the comparison.
 */
export declare function directoryMatches(root: string, artifact: Artifact): Promise<boolean>;
