/**
 * Where the embedded store keeps its files: content-addressed objects under
 * `<root>/sha256/<ab>/<abcdef…>`, like git's loose objects, and in-flight writes under `<root>/tmp/`.
 * Which names are objects, and what may be asked for by which name, is decided here alone.
 */
import { chmod, lstat, stat, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { RegistryError, invalidInput, notFound } from '../../domain/errors.js'
import type { Artifact } from '../../domain/types.js'
import { errorCode, fileSystemError, removeQuietly } from '../atomic-file.js'
import { SHA256_HEX } from '../hashing.js'
import { listNames } from './file-io.js'

/** Where the CLI keeps the store of a repository: inside the git dir, so it never shows as untracked. */
export function defaultLocalStoreRoot(gitdir: string): string {
  return join(gitdir, 'mreg', 'objects')
}

/** One stored object; the same shape as the port's optional `listObjects`. */
export interface StoredObject {
  sha256: string
  size: number
  /** Absolute path of the object file. */
  path: string
  /** When the object was written or last re-stored: orphan sweeps spare recent ones. */
  modified: Date
}

/** Absolute path of the object holding the bytes with this SHA-256 (whether or not it exists). */
export function objectFile(root: string, sha256: string): string {
  const hex = checkedHex(sha256, 'invalid-input')
  return join(root, 'sha256', hex.slice(0, 2), hex)
}

export function tempDirectory(root: string): string {
  return join(root, 'tmp')
}

/** Whether bytes with this SHA-256 are stored (without re-hashing them). */
export async function hasObject(root: string, sha256: string): Promise<boolean> {
  try {
    return (await stat(objectFile(root, sha256))).isFile()
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false
    throw fileSystemError(error, 'inspect', objectFile(root, sha256))
  }
}

/** Every stored object, in SHA-256 order. Names that are not objects are skipped. */
export async function* listObjectFiles(root: string): AsyncIterable<StoredObject> {
  const base = join(root, 'sha256')
  for (const fan of await listNames(base)) {
    if (!/^[0-9a-f]{2}$/.test(fan)) continue
    const fanPath = join(base, fan)
    for (const name of await listNames(fanPath)) {
      if (!SHA256_HEX.test(name) || !name.startsWith(fan)) continue
      const path = join(fanPath, name)
      let info
      try {
        info = await lstat(path)
      } catch (error) {
        if (errorCode(error) === 'ENOENT') continue // removed while we listed
        throw fileSystemError(error, 'inspect', path)
      }
      if (info.isFile()) yield { sha256: name, size: info.size, path, modified: info.mtime }
    }
  }
}

export async function removeObject(root: string, sha256: string): Promise<void> {
  const objectPath = objectFile(root, sha256)
  try {
    await unlink(objectPath)
  } catch (error) {
    const code = errorCode(error)
    if (code === 'ENOENT') return
    if (code !== 'EPERM' && code !== 'EACCES') throw fileSystemError(error, 'remove the object', objectPath)
    // Windows refuses to unlink read-only files; POSIX only cares about the directory's mode
    try {
      await chmod(objectPath, 0o644)
      await unlink(objectPath)
    } catch (retryError) {
      if (errorCode(retryError) !== 'ENOENT')
        throw fileSystemError(retryError, 'remove the object', objectPath)
    }
  }
}

/**
 * Removes temp files left by killed processes. Only files last modified more than
 * `olderThanMs` ago go: younger ones may belong to a put that is still writing.
 */
export async function sweepTempFiles(root: string, olderThanMs: number): Promise<string[]> {
  const cutoff = Date.now() - olderThanMs
  const removed: string[] = []
  const directory = tempDirectory(root)
  for (const name of await listNames(directory)) {
    const path = join(directory, name)
    let info
    try {
      info = await lstat(path)
    } catch {
      continue // gone already: its put finished
    }
    if (!info.isFile() || info.mtimeMs > cutoff) continue
    await removeQuietly(path)
    removed.push(path)
  }
  return removed
}

/** The artifact's SHA-256, after checking that it is one this store can serve. */
export function checkArtifact(artifact: Artifact, options: { allowDeleted?: boolean } = {}): string {
  if (artifact.store !== 'local') {
    throw invalidInput(
      `${artifact.file_name} is stored in "${artifact.store}", not in the local store; fetch it with the ${artifact.store} store`,
      { store: artifact.store }
    )
  }
  if (artifact.deleted && !options.allowDeleted) {
    throw notFound(
      `the stored bytes of ${artifact.file_name} were removed by retention; only its metadata remains`,
      { sha256: artifact.sha256 }
    )
  }
  return checkedHex(artifact.sha256, 'integrity')
}

/**
 * A digest from the caller is their mistake (invalid input); one from registry metadata means the
 * metadata is corrupt (integrity). Either way it must be checked before it becomes part of a path.
 */
export function checkedHex(sha256: string, kind: 'invalid-input' | 'integrity'): string {
  if (typeof sha256 !== 'string' || !SHA256_HEX.test(sha256)) {
    throw new RegistryError(
      kind,
      w =>
        `"${String(sha256)}" is not a SHA-256 (64 lowercase hex digits); ${
          kind === 'integrity'
            ? `the registry metadata is corrupt — ${w.command('doctor')} checks the registry`
            : 'pass the digest hashFile returned'
        }`,
      { sha256 }
    )
  }
  return sha256
}
