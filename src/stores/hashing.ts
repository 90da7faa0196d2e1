/**
 * SHA-256 and size of model files, computed while streaming so memory stays constant whatever
 * the file size (models can be many gigabytes). Shared by every artifact store.
 */
import { createHash } from 'node:crypto'
import { open, stat, type FileHandle } from 'node:fs/promises'
import { Transform, type TransformCallback } from 'node:stream'
import { RegistryError, invalidInput } from '../domain/errors.js'
import type { FileDigest } from './artifact-store.js'
import { errorCode, fileSystemError, removeQuietly } from './atomic-file.js'

/** Called after each chunk; `total` is 0 when the size is not known in advance. */
export type ProgressCallback = (bytesDone: number, total: number) => void

/**
 * Read size: large enough that per-chunk costs (hash call, progress call, write syscall) vanish,
 * small enough that a few of them in flight keep memory flat.
 */
export const CHUNK_BYTES = 1024 * 1024

export const SHA256_HEX = /^[0-9a-f]{64}$/

/**
 * Opens a user-supplied model file for reading, refusing what cannot be one (missing path,
 * directory, device, FIFO) with a message naming the path and what to do.
 */
export async function openModelFile(path: string): Promise<{ handle: FileHandle; size: number }> {
  // stat before open: opening a FIFO would block, and Linux happily opens directories
  let info
  try {
    info = await stat(path)
  } catch (error) {
    throw modelFileError(error, path)
  }
  if (info.isDirectory()) throw invalidInput(`"${path}" is a directory, not a model file`, { path })
  if (!info.isFile())
    throw invalidInput(`"${path}" is not a regular file; give the path of the model file`, { path })
  let handle: FileHandle
  try {
    handle = await open(path, 'r')
  } catch (error) {
    throw modelFileError(error, path)
  }
  try {
    return { handle, size: (await handle.stat()).size }
  } catch (error) {
    await handle.close().catch(() => undefined)
    throw modelFileError(error, path)
  }
}

function modelFileError(error: unknown, path: string): RegistryError {
  if (error instanceof RegistryError) return error
  switch (errorCode(error)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return invalidInput(`model file "${path}" not found: check the path`, { path })
    case 'EISDIR':
      return invalidInput(`"${path}" is a directory, not a model file`, { path })
    case 'EACCES':
    case 'EPERM':
      return invalidInput(`cannot read model file "${path}": permission denied; check its permissions`, {
        path
      })
    default:
      return fileSystemError(error, 'read model file', path)
  }
}

/** Hashes any byte stream; `total` is only passed through to `onProgress`. */
export async function digestStream(
  source: AsyncIterable<Uint8Array | string>,
  options: { onProgress?: ProgressCallback; total?: number } = {}
): Promise<FileDigest> {
  const hash = createHash('sha256')
  let size = 0
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
    hash.update(bytes)
    size += bytes.length
    options.onProgress?.(size, options.total ?? 0)
  }
  return { sha256: hash.digest('hex'), size }
}

/**
 * SHA-256 and size of a model file, reading it once. Missing files, directories and unreadable
 * files are invalid input: the path came from the user.
 */
export async function hashFile(path: string, onProgress?: ProgressCallback): Promise<FileDigest> {
  const { handle, size } = await openModelFile(path)
  // the stream owns the handle from here: it closes it on end and on error
  const stream = handle.createReadStream({ highWaterMark: CHUNK_BYTES })
  try {
    return await digestStream(stream, { onProgress, total: size })
  } catch (error) {
    throw modelFileError(error, path)
  } finally {
    stream.destroy()
  }
}

/**
 * A pass-through that hashes and counts the bytes flowing through it, for when the bytes go
 * somewhere other than a local file (an upload body): `digest()` is valid once the stream ended.
 */
export class HashingStream extends Transform {
  private readonly hash = createHash('sha256')
  private bytes = 0
  private result: FileDigest | undefined

  constructor(
    private readonly onProgress?: ProgressCallback,
    private readonly total = 0
  ) {
    super()
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk)
    this.bytes += chunk.length
    this.onProgress?.(this.bytes, this.total)
    callback(null, chunk)
  }

  override _flush(callback: TransformCallback): void {
    this.result = { sha256: this.hash.digest('hex'), size: this.bytes }
    callback()
  }

  /** The digest of everything that passed; throws if the stream has not finished. */
  digest(): FileDigest {
    if (!this.result) throw new Error('HashingStream.digest() called before the stream finished')
    return this.result
  }
}

export interface CopyOptions {
  onProgress?: ProgressCallback
  /** Expected size, only for progress reporting. */
  total?: number
  /** File mode of the new file (before umask). */
  mode?: number
}

/**
 * Copies a byte stream into a new file at `destinationPath`, hashing on the way, and fsyncs the
 * file before resolving so a following rename publishes complete bytes. The destination must not
 * exist (it is created exclusively, so two writers can never share one temp file); on any failure
 * it is removed again. Destination errors become RegistryErrors; errors of the source are
 * rethrown unchanged for the caller to describe, since only it knows where the bytes came from.
 */
export async function copyWithHash(
  source: AsyncIterable<Uint8Array | string>,
  destinationPath: string,
  options: CopyOptions = {}
): Promise<FileDigest> {
  let handle: FileHandle
  try {
    handle = await open(destinationPath, 'wx', options.mode ?? 0o666)
  } catch (error) {
    throw fileSystemError(error, 'create', destinationPath)
  }
  const hash = createHash('sha256')
  let size = 0
  try {
    for await (const chunk of source) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
      hash.update(bytes)
      await writeAll(handle, bytes, destinationPath)
      size += bytes.length
      options.onProgress?.(size, options.total ?? 0)
    }
    try {
      await handle.sync()
    } catch (error) {
      throw fileSystemError(error, 'flush', destinationPath)
    }
  } catch (error) {
    await handle.close().catch(() => undefined)
    await removeQuietly(destinationPath)
    throw error
  }
  try {
    await handle.close()
  } catch (error) {
    await removeQuietly(destinationPath)
    throw fileSystemError(error, 'close', destinationPath)
  }
  return { sha256: hash.digest('hex'), size }
}

async function writeAll(handle: FileHandle, bytes: Uint8Array, path: string): Promise<void> {
  let offset = 0
  // a write may be partial (rare on regular files, but allowed): loop until every byte is down
  while (offset < bytes.length) {
    try {
      const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset)
      offset += bytesWritten
    } catch (error) {
      throw fileSystemError(error, 'write', path)
    }
  }
}
