/**
 * File operations that put, fetch and the layout share, with their failures turned into
 * RegistryErrors that name the path: a user can act on "cannot list <dir>", not on a bare EACCES.
 */
import { mkdir, readdir } from 'node:fs/promises'
import { RegistryError } from '../../domain/errors.js'
import type { Artifact } from '../../domain/types.js'
import { errorCode, fileSystemError } from '../atomic-file.js'

export async function ensureDirectory(directory: string): Promise<string | undefined> {
  try {
    return await mkdir(directory, { recursive: true })
  } catch (error) {
    throw fileSystemError(error, 'create directory', directory)
  }
}

export async function listNames(directory: string): Promise<string[]> {
  try {
    return (await readdir(directory)).sort()
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return []
    throw fileSystemError(error, 'list', directory)
  }
}

/**
 * Wraps a file stream so its read errors become RegistryErrors naming the file: copyWithHash
 * passes source errors through because only the caller knows what the source is.
 */
export async function* readingAs(
  source: AsyncIterable<Uint8Array | string>,
  path: string,
  artifact?: Artifact
): AsyncIterable<Uint8Array | string> {
  try {
    yield* source
  } catch (error) {
    if (error instanceof RegistryError) throw error
    throw artifact
      ? fileSystemError(error, `read the stored object of ${artifact.file_name} at`, path)
      : fileSystemError(error, 'read model file', path)
  }
}
