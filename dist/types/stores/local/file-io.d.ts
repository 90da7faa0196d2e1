import type { Artifact } from '../../domain/types.js';
export declare function ensureDirectory(directory: string): Promise<string | undefined>;
export declare function listNames(directory: string): Promise<string[]>;
/**
 * Wraps a file stream so its read errors become RegistryErrors naming the file: copyWithHash
 * passes source errors through because only the caller knows what the source is.
 */
export declare function readingAs(source: AsyncIterable<Uint8Array | string>, path: string, artifact?: Artifact): AsyncIterable<Uint8Array | string>;
