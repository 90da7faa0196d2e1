import type { ModelIndex, ModelVersion } from './types.js';
/** Where a version file lives (layout 2): also its `metadata_path`. */
export declare function versionPath(name: string, version: string): string;
/** Layout 1's derived file, kept for reading a registry before `mreg migrate`. */
export declare function indexPath(name: string): string;
/** Stage → versions holding it, newest registration first; stage keys in alphabetical order. */
export declare function deriveStages(sorted: ModelVersion[]): Record<string, string[]>;
export declare function deriveIndex(name: string, versions: ModelVersion[]): ModelIndex;
/** Replaces documents with the same version and adds new ones, then re-derives. */
export declare function upsertVersions(index: ModelIndex | null, name: string, changed: ModelVersion[]): ModelIndex;
/** Versions not in the index are ignored: removing twice is the same as removing once. */
export declare function removeVersions(index: ModelIndex, versions: string[]): ModelIndex;
/** Human-readable problems, empty when index.json is exactly what the version files derive. */
export declare function checkIndexConsistency(index: ModelIndex, versionFiles: ModelVersion[]): string[];
