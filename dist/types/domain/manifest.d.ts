import type { Artifact, ManifestEntry } from './types.js';
export declare function sortManifest(entries: readonly ManifestEntry[]): ManifestEntry[];
export declare function canonicalManifest(entries: readonly ManifestEntry[]): string;
/** A manifest path as stored: checked before it becomes part of a path on disk. */
export declare function checkManifestPath(path: string): string;
export declare function totalSize(entries: readonly ManifestEntry[]): number;
/**
 * One single-file view per stored file: a directory's files (on GitHub each with the release and
 * the asset(s) holding its bytes, `path` naming the manifest entry), or the artifact itself.
 */
export declare function fileArtifacts(artifact: Artifact): Artifact[];
