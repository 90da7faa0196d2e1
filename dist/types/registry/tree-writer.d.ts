import { type FileSource } from './backend.js';
import { type GitReader } from './git-reader.js';
export declare function serialiseJson(value: unknown): Buffer;
/**
 * Returns the new root tree's object id. `baseTree` null starts from an empty tree. The
 * directories on the changed paths are read first, all at once (one batch per depth); `files`
 * is then asked again for the files to write.
 */
export declare function buildTree(reader: GitReader, baseTree: string | null, files: FileSource): Promise<string>;
