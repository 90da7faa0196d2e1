import { type FileHandle } from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';
import type { FileDigest } from './artifact-store.js';
/** Called after each chunk; `total` is 0 when the size is not known in advance. */
export type ProgressCallback = (bytesDone: number, total: number) => void;
/**
 * Read size: large enough that per-chunk costs (hash call, progress call, write syscall) vanish,
 * small enough that a few of them in flight keep memory flat.
 */
export declare const CHUNK_BYTES: number;
export declare const SHA256_HEX: RegExp;
/**
 * Opens a user-supplied model file for reading, refusing what cannot be one (missing path,
 * directory, device, FIFO) with a message naming the path and what to do.
 */
export declare function openModelFile(path: string): Promise<{
    handle: FileHandle;
    size: number;
}>;
/** Hashes any byte stream; `total` is only passed through to `onProgress`. */
export declare function digestStream(source: AsyncIterable<Uint8Array | string>, options?: {
    onProgress?: ProgressCallback;
    total?: number;
}): Promise<FileDigest>;
/**
 * SHA-256 and size of a model file, reading it once. Missing files, directories and unreadable
 * files are invalid input: the path came from the user.
 */
export declare function hashFile(path: string, onProgress?: ProgressCallback): Promise<FileDigest>;
/**
 * A pass-through that hashes and counts the bytes flowing through it, for when the bytes go
 * somewhere other than a local file (an upload body): `digest()` is valid once the stream ended.
 */
export declare class HashingStream extends Transform {
    private readonly onProgress?;
    private readonly total;
    private readonly hash;
    private bytes;
    private result;
    constructor(onProgress?: ProgressCallback | undefined, total?: number);
    _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void;
    _flush(callback: TransformCallback): void;
    /** The digest of everything that passed; throws if the stream has not finished. */
    digest(): FileDigest;
}
export interface CopyOptions {
    onProgress?: ProgressCallback;
    /** Expected size, only for progress reporting. */
    total?: number;
    /** File mode of the new file (before umask). */
    mode?: number;
}
/**
 * Copies a byte stream into a new file at `destinationPath`, hashing on the way, and fsyncs the
 * file before resolving so a following rename publishes complete bytes. The destination must not
 * exist (it is created exclusively, so two writers can never share one temp file); on any failure
 * it is removed again. Destination errors become RegistryErrors; errors of the source are
 * rethrown unchanged for the caller to describe, since only it knows where the bytes came from.
 */
export declare function copyWithHash(source: AsyncIterable<Uint8Array | string>, destinationPath: string, options?: CopyOptions): Promise<FileDigest>;
