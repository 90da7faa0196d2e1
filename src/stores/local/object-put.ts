/**
 * Storing a file as an object. Identical bytes are stored once and objects are read-only once
 * written; every write goes through a fsynced temp file in `<root>/tmp/` and an atomic link or
 * rename, so a killed process leaves at worst a temp file that the temp sweep removes.
 */
import { chmod, link, lstat, rename, utimes } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { integrityError, type RegistryError } from '../../domain/errors.js'
import type { ArtifactTarget, FileDigest, PutResult, StoreLease } from '../artifact-store.js'
import { errorCode, fileSystemError, removeQuietly, syncDirectory } from '../atomic-file.js'
import { CHUNK_BYTES, copyWithHash, digestStream, openModelFile, type ProgressCallback } from '../hashing.js'
import { ensureDirectory, readingAs } from './file-io.js'
import {
  checkedHex,
  hasObject,
  objectFile,
  ownedName,
  pinObject,
  tempDirectory,
  unpinObject
} from './object-layout.js'

/** Like git objects: nobody should edit stored bytes in place, so they are born read-only. */
const OBJECT_MODE = 0o444

export async function putObject(
  root: string,
  sourcePath: string,
  target: ArtifactTarget,
  expected: FileDigest,
  onProgress: ProgressCallback | undefined
): Promise<PutResult> {
  const expectedHex = checkedHex(expected.sha256, 'invalid-input')
  // pinned before looking for the bytes: see removeObject for why this order is safe
  const pin = await pinObject(root, expectedHex)
  try {
    const result = await storeObject(root, sourcePath, target, expected, expectedHex, onProgress)
    return { ...result, lease: objectLease(root, expectedHex, pin, target.name, target.version) }
  } catch (error) {
    await unpinObject(pin)
    throw error
  }
}

/** Keeps the names, not the whole target: an import holds a lease per version until its batch lands. */
function objectLease(root: string, hex: string, pin: string, name: string, version: string): StoreLease {
  let settled = false
  return {
    async settle(committed: boolean): Promise<void> {
      if (settled) return
      settled = true
      try {
        if (committed && !(await hasObject(root, hex))) {
          throw integrityError(
            `${name}@${version} was committed but its stored bytes (sha256 ${hex}) vanished while registering (a delete or cleanup that crashed mid-way); register the file again`,
            { sha256: hex, path: objectFile(root, hex) }
          )
        }
      } finally {
        await unpinObject(pin)
      }
    }
  }
}

async function storeObject(
  root: string,
  sourcePath: string,
  target: ArtifactTarget,
  expected: FileDigest,
  expectedHex: string,
  onProgress: ProgressCallback | undefined
): Promise<PutResult> {
  const { handle, size } = await openModelFile(sourcePath)
  const source = handle.createReadStream({ highWaterMark: CHUNK_BYTES })
  if (await hasObject(root, expectedHex).catch(() => false)) {
    // Known bytes: still read the file once to prove it is what was hashed, but spare the disk
    // a copy that would only be thrown away (models are large, re-registrations are common).
    let actual: FileDigest
    try {
      actual = await digestStream(readingAs(source, sourcePath), { onProgress, total: size })
    } finally {
      source.destroy()
    }
    if (actual.sha256 === expectedHex && actual.size === expected.size) {
      const objectPath = objectFile(root, expectedHex)
      await reuseExisting(objectPath)
      return putResult(target, actual, objectPath, false)
    }
    throw changedWhileRegistering(sourcePath, expected, actual)
  }
  let tempPath: string
  try {
    await ensureDirectory(tempDirectory(root))
    tempPath = join(tempDirectory(root), `${ownedName('put')}.tmp`)
  } catch (error) {
    source.destroy()
    throw error
  }

  let actual: FileDigest
  try {
    actual = await copyWithHash(readingAs(source, sourcePath), tempPath, { onProgress, total: size })
  } finally {
    source.destroy()
  }

  if (actual.sha256 !== expectedHex || actual.size !== expected.size) {
    await removeQuietly(tempPath)
    throw changedWhileRegistering(sourcePath, expected, actual)
  }

  const objectPath = objectFile(root, actual.sha256)
  let created: boolean
  try {
    await chmod(tempPath, OBJECT_MODE)
    await ensureDirectory(dirname(objectPath))
    created = await publishExclusively(tempPath, objectPath)
  } catch (error) {
    throw fileSystemError(error, 'store the object', objectPath)
  } finally {
    await removeQuietly(tempPath)
  }

  return putResult(target, actual, objectPath, created)
}

function putResult(
  target: ArtifactTarget,
  digest: FileDigest,
  objectPath: string,
  created: boolean
): PutResult {
  return {
    artifact: {
      store: 'local',
      uri: `sha256:${digest.sha256}`,
      file_name: target.file_name,
      size: digest.size,
      sha256: digest.sha256,
      media_type: target.media_type
    },
    file_path: objectPath,
    created
  }
}

function changedWhileRegistering(path: string, expected: FileDigest, actual: FileDigest): RegistryError {
  return integrityError(
    `model file changed while registering: expected sha256 ${expected.sha256}, got ${actual.sha256}; register again`,
    {
      path,
      expected: expected.sha256,
      actual: actual.sha256,
      expected_size: expected.size,
      actual_size: actual.size
    }
  )
}

/**
 * Publishes the finished temp file as the object. `link` fails when the object exists, so exactly
 * one of several concurrent writers of the same bytes learns `created: true` — the one whose undo
 * may remove it. Filesystems without hard links fall back to check-then-rename.
 */
async function publishExclusively(tempPath: string, objectPath: string): Promise<boolean> {
  try {
    await link(tempPath, objectPath)
  } catch (error) {
    const code = errorCode(error)
    if (code === 'EEXIST') return reuseExisting(objectPath)
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error
    if (await exists(objectPath)) return reuseExisting(objectPath)
    await rename(tempPath, objectPath)
  }
  await syncDirectory(dirname(objectPath))
  return true
}

/**
 * The bytes are stored already. Touch the object: orphan sweeps spare objects younger than a grace
 * period, and this one now belongs to a registration in flight that has not committed yet.
 */
async function reuseExisting(objectPath: string): Promise<false> {
  const now = new Date()
  await utimes(objectPath, now, now).catch(() => undefined)
  return false
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path)
    return true
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false
    throw error
  }
}
