/**
 * Where the embedded store keeps its files: content-addressed objects under
 * `<root>/sha256/<ab>/<abcdef…>`, like git's loose objects, and in-flight writes under `<root>/tmp/`.
 * Which names are objects, and what may be asked for by which name, is decided here alone.
 */
import { createHash, randomBytes } from 'node:crypto'
import { chmod, lstat, rename, stat, unlink, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { RegistryError, invalidInput, notFound } from '../../domain/errors.js'
import type { Artifact } from '../../domain/types.js'
import type { InUseCheck } from '../artifact-store.js'
import { errorCode, fileSystemError, removeQuietly } from '../atomic-file.js'
import { SHA256_HEX } from '../hashing.js'
import { ensureDirectory, listNames } from './file-io.js'

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

/**
 * How long a pin protects shared bytes at most. A registration settles its pin within seconds of
 * storing; an older one belongs to a registration that was killed, as does one whose process
 * (named in the pin) no longer runs on this machine. Either is ignored, so the next cleanup
 * sweeps what a killed registration left.
 */
export const PIN_STALE_MS = 3_600_000

/** This machine, in a form that fits a file name: pins name the process that holds them. */
const HOST = createHash('sha256').update(hostname()).digest('hex').slice(0, 12)

export function pinDirectory(root: string): string {
  return join(root, 'pins')
}

/**
 * Pins the bytes with this SHA-256 for a registration in flight: an empty file
 * `<root>/pins/<sha256>.<random>` (one per registration, so two registrations of the same bytes
 * never release each other's). Returns its path, for unpinObject.
 */
export async function pinObject(root: string, sha256: string): Promise<string> {
  const hex = checkedHex(sha256, 'invalid-input')
  const directory = pinDirectory(root)
  await ensureDirectory(directory)
  const path = join(directory, ownedName(hex))
  try {
    await writeFile(path, '', { flag: 'wx' })
  } catch (error) {
    throw fileSystemError(error, 'pin the stored object at', path)
  }
  return path
}

export async function unpinObject(pinPath: string): Promise<void> {
  await removeQuietly(pinPath)
}

/** Whether a registration younger than PIN_STALE_MS holds a pin on these bytes. */
export async function isPinned(root: string, sha256: string): Promise<boolean> {
  const directory = pinDirectory(root)
  const cutoff = Date.now() - PIN_STALE_MS
  for (const name of await listNames(directory)) {
    if (!name.startsWith(`${sha256}.`) || ownerIsGone(name)) continue
    try {
      if ((await lstat(join(directory, name))).mtimeMs > cutoff) return true
    } catch {
      // unpinned while we looked
    }
  }
  return false
}

/**
 * A name for a file a process keeps in the store while it works (a pin, a temp file): it carries
 * this machine and the process, so a sweep can tell a file whose writer was killed from one still
 * being written.
 */
export function ownedName(prefix: string): string {
  return `${prefix}.${HOST}.${process.pid}.${randomBytes(8).toString('hex')}`
}

/** True when the name (from ownedName) names a process on this machine that no longer exists. */
export function ownerIsGone(name: string): boolean {
  const owner = /\.([0-9a-f]{12})\.(\d+)\.[0-9a-f]{16}/.exec(name)
  if (!owner || owner[1] !== HOST) return false
  try {
    process.kill(Number(owner[2]), 0)
    return false
  } catch (error) {
    return errorCode(error) === 'ESRCH'
  }
}

/**
 * Removes an object unless a registration needs it. The order is what makes this safe against a
 * concurrent register of the same bytes in another process, which pins, then looks for the
 * object, then commits its metadata, then unpins:
 *   1. the object is renamed away (into tmp/), so a register that looks after this stores its own copy;
 *   2. pins are read: a register that found the object before step 1 pinned before looking;
 *   3. `inUse` re-reads the registry: a register that already unpinned has committed before step 2.
 * If 2 or 3 says the bytes are needed they are renamed back; otherwise they are deleted. A remover
 * killed between 1 and the end leaves the bytes in tmp/ (swept later); the register's own check
 * after committing (StoreLease.settle) then reports the loss instead of claiming success.
 * Returns whether the bytes were deleted.
 */
export async function removeObject(root: string, sha256: string, inUse?: InUseCheck): Promise<boolean> {
  const objectPath = objectFile(root, sha256)
  await ensureDirectory(tempDirectory(root))
  const doomed = join(tempDirectory(root), `${ownedName(`remove-${sha256}`)}.tmp`)
  try {
    await rename(objectPath, doomed)
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false
    throw fileSystemError(error, 'remove the object', objectPath)
  }
  let needed: boolean
  try {
    needed = (await isPinned(root, sha256)) || ((await inUse?.(sha256)) ?? false)
  } catch (error) {
    await putBack(doomed, objectPath) // in doubt: keep the bytes
    throw error
  }
  if (needed) {
    await putBack(doomed, objectPath)
    return false
  }
  await unlinkObjectFile(doomed)
  return true
}

async function putBack(doomed: string, objectPath: string): Promise<void> {
  try {
    // same bytes whatever a register stored meanwhile, so replacing its copy is harmless
    await rename(doomed, objectPath)
  } catch (error) {
    throw fileSystemError(error, 'put back the object', objectPath)
  }
}

async function unlinkObjectFile(path: string): Promise<void> {
  try {
    await unlink(path)
  } catch (error) {
    const code = errorCode(error)
    if (code === 'ENOENT') return
    if (code !== 'EPERM' && code !== 'EACCES') throw fileSystemError(error, 'remove the object', path)
    // Windows refuses to unlink read-only files; POSIX only cares about the directory's mode
    try {
      await chmod(path, 0o644)
      await unlink(path)
    } catch (retryError) {
      if (errorCode(retryError) !== 'ENOENT') throw fileSystemError(retryError, 'remove the object', path)
    }
  }
}

/** A file a killed writer may have left: a temp file in tmp/ or a pin in pins/. */
export interface Leftover {
  /** `tmp/<name>` or `pins/<name>`. */
  id: string
  path: string
  size: number
  /** When it was last written; the epoch when its writer is known to be dead (sweep at once). */
  modified: Date
}

/**
 * Temp files and pins whose writer may be gone. Pins that still protect a registration in flight
 * (isPinned's rules) are not listed: removing them would expose shared bytes to a remover.
 */
export async function* listLeftovers(root: string): AsyncIterable<Leftover> {
  const pinCutoff = Date.now() - PIN_STALE_MS
  for (const [folder, directory] of [
    ['tmp', tempDirectory(root)],
    ['pins', pinDirectory(root)]
  ] as const) {
    for (const name of await listNames(directory)) {
      const path = join(directory, name)
      let info
      try {
        info = await lstat(path)
      } catch {
        continue // finished while we listed
      }
      if (!info.isFile()) continue
      const gone = ownerIsGone(name)
      if (folder === 'pins' && !gone && info.mtimeMs > pinCutoff) continue
      yield { id: `${folder}/${name}`, path, size: info.size, modified: gone ? new Date(0) : info.mtime }
    }
  }
}

/** Removes one leftover by its id (a name inside tmp/ or pins/, nothing else). */
export async function removeLeftover(root: string, id: string): Promise<void> {
  const match = /^(tmp|pins)\/([^/\\]+)$/.exec(id)
  if (!match || match[2] === '.' || match[2] === '..') return
  const directory = match[1] === 'tmp' ? tempDirectory(root) : pinDirectory(root)
  await removeQuietly(join(directory, match[2] as string))
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
