import type { ManifestEntry } from './types.js';
export declare function sortManifest(entries: readonly ManifestEntry[]): ManifestEntry[];
export declare function canonicalManifest(entries: readonly ManifestEntry[]): string;
/** A manifest path as stored: checked before it becomes part of a path on disk. */
export declare function checkManifestPath(path: string): string;
export declare function totalSize(entries: readonly ManifestEntry[]): number;
