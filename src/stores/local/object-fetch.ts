/**
 * Reading an object back: copying it to where the caller wants it while re-hashing, and verifying
 * it in place. Stored bytes are never trusted: a mismatch is reported, never handed out.
 */
import { constants, type Stats } from 'node:fs'
import { lstat, open, rmdir, stat, type FileHandle } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { RegistryError, integrityError } from '../../domain/errors.js'
import type { Artifact } from '../../domain/types.js'
import type { FetchResult, FileDigest } from '../artifact-store.js'
import {
  errorCode,
  fileSystemError,
  moveIntoPlace,
  removeQuietly,
  specialFileKind,
  tempPathBeside
} from '../atomic-file.js'
import { CHUNK_BYTES, copyWithHash, digestStream, type ProgressCallback } from '../hashing.js'
import { ensureDirectory, readingAs } from './file-io.js'
import { checkArtifact, objectFile } from './object-layout.js'

export async function fetchObject(
  root: string,
  artifact: Artifact,
  outPath: string,
  onProgress: ProgressCallback | undefined
): Promise<FetchResult> {
  const hex = checkArtifact(artifact)
  const objectPath = objectFile(root, hex)
  // open the object first: a missing object must not leave directories behind at outPath
  const handle = await openObject(root, artifact, objectPath)
  if (!handle) throw missingObject(root, artifact, objectPath)
  const source = boundedStream(handle, artifact)

  let finalPath: string
  let createdDirectory: string | undefined
  try {
    ;({ finalPath, createdDirectory } = await resolveOutput(outPath, safeFileName(artifact.file_name)))
  } catch (error) {
    source.destroy()
    throw error
  }

  const tempPath = tempPathBeside(finalPath)
  try {
    let actual: FileDigest
    try {
      actual = await copyWithHash(readingAs(source, objectPath, artifact), tempPath, {
        onProgress,
        total: artifact.size
      })
    } finally {
      source.destroy()
    }
    if (actual.sha256 !== hex) {
      throw integrityError(
        w =>
          `checksum mismatch for ${artifact.file_name}: expected ${hex}, got ${actual.sha256}; the stored object ${objectPath} is corrupt — ${w.command('doctor')} checks the registry`,
        { expected: hex, actual: actual.sha256, path: objectPath }
      )
    }
    if (actual.size !== artifact.size) {
      throw integrityError(
        w =>
          `size mismatch for ${artifact.file_name}: expected ${artifact.size} bytes, got ${actual.size}; the registry metadata is wrong — ${w.command('doctor')} checks the registry`,
        { expected_size: artifact.size, actual_size: actual.size, path: objectPath }
      )
    }
    await moveIntoPlace(tempPath, finalPath)
    return { path: finalPath, sha256: actual.sha256, size: actual.size }
  } catch (error) {
    await removeQuietly(tempPath)
    await removeCreatedDirectories(dirname(finalPath), createdDirectory)
    throw error
  }
}

export async function verifyObject(
  root: string,
  artifact: Artifact
): Promise<{ ok: boolean; actual: string | null; present: boolean }> {
  const hex = checkArtifact(artifact, { allowDeleted: true })
  if (artifact.deleted) return { ok: false, actual: null, present: false }
  const objectPath = objectFile(root, hex)
  const handle = await openObject(root, artifact, objectPath)
  if (!handle) return { ok: false, actual: null, present: false }
  const stream = boundedStream(handle, artifact)
  try {
    const actual = await digestStream(readingAs(stream, objectPath, artifact))
    return {
      ok: actual.sha256 === hex && actual.size === artifact.size,
      actual: actual.sha256,
      present: true
    }
  } finally {
    stream.destroy()
  }
}

/**
 * Opens the object for reading, or returns null when it is not there. Only a regular file of the
 * recorded size is an object: a symlink (to /dev/zero, say), a FIFO (opening it would block) or a
 * directory in its place is a tampered store, and so is a file of another size — reported as an
 * integrity failure naming the path, before a byte is read.
 */
async function openObject(root: string, artifact: Artifact, objectPath: string): Promise<FileHandle | null> {
  let info
  try {
    info = await lstat(objectPath)
  } catch (error) {
    const code = errorCode(error)
    if (code === 'ENOENT' || code === 'ENOTDIR') return null
    throw fileSystemError(error, 'inspect the stored object', objectPath)
  }
  if (!info.isFile()) throw notAnObject(artifact, objectPath, describeNonFile(info))
  let handle: FileHandle
  try {
    // O_NOFOLLOW and O_NONBLOCK: if the file was swapped for a symlink or a FIFO since lstat,
    // fail or return at once rather than follow it or block
    handle = await open(objectPath, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK)
  } catch (error) {
    const code = errorCode(error)
    if (code === 'ENOENT') return null
    if (code === 'ELOOP') throw notAnObject(artifact, objectPath, 'a symbolic link')
    throw fileSystemError(error, 'read the stored object', objectPath)
  }
  try {
    const opened = await handle.stat()
    if (!opened.isFile()) throw notAnObject(artifact, objectPath, describeNonFile(opened))
    const expected = artifact.size
    if (opened.size !== expected) {
      throw integrityError(
        `stored object ${objectPath} of ${artifact.file_name} has ${opened.size} bytes, the metadata records ${expected}; the store or the metadata was altered — run 'mreg doctor'`,
        { path: objectPath, expected_size: expected, actual_size: opened.size }
      )
    }
    return handle
  } catch (error) {
    await handle.close().catch(() => undefined)
    throw error
  }
}

/** Reads at most one byte more than recorded: enough to notice a file that grew, never unbounded. */
function boundedStream(handle: FileHandle, artifact: Artifact) {
  return handle.createReadStream({ highWaterMark: CHUNK_BYTES, start: 0, end: artifact.size })
}

function describeNonFile(info: Stats): string {
  if (info.isSymbolicLink()) return 'a symbolic link'
  if (info.isDirectory()) return 'a directory'
  return specialFileKind(info) ?? 'not a regular file'
}

function notAnObject(artifact: Artifact, objectPath: string, what: string): RegistryError {
  return integrityError(
    `stored object ${objectPath} of ${artifact.file_name} is ${what}, not a regular file; the store was tampered with — remove it and run 'mreg doctor'`,
    { path: objectPath, expected: artifact.sha256 }
  )
}

function missingObject(root: string, artifact: Artifact, objectPath: string): RegistryError {
  return integrityError(
    `artifact ${artifact.file_name} (sha256 ${artifact.sha256}) is missing from the store at ${root}; run 'mreg doctor'`,
    { expected: artifact.sha256, path: objectPath }
  )
}

/**
 * The file name comes from registry metadata, which may come from a pull request: it must name a
 * file inside the output directory, never a path that climbs out of it.
 */
function safeFileName(fileName: string): string {
  if (
    !fileName ||
    fileName !== basename(fileName) ||
    fileName === '.' ||
    fileName === '..' ||
    /[/\\]/.test(fileName)
  ) {
    throw integrityError(
      w =>
        `artifact file name "${fileName}" is not a plain file name; the registry metadata is corrupt — ${w.command('doctor')} checks the registry`,
      {
        file_name: fileName
      }
    )
  }
  return fileName
}

/**
 * `outPath` names the file, or an existing directory (or one spelled with a trailing separator) to
 * put `<file_name>` in. Missing parent directories are created; the first one created is returned
 * so a failed fetch can take them away again.
 */
async function resolveOutput(
  outPath: string,
  fileName: string
): Promise<{ finalPath: string; createdDirectory: string | undefined }> {
  const absolute = resolve(outPath)
  const spelledAsDirectory = outPath.endsWith('/') || outPath.endsWith(sep)
  let isDirectory = false
  try {
    isDirectory = (await stat(absolute)).isDirectory()
  } catch (error) {
    const code = errorCode(error)
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw fileSystemError(error, 'inspect', absolute)
  }
  const finalPath = isDirectory || spelledAsDirectory ? join(absolute, fileName) : absolute
  const createdDirectory = await ensureDirectory(dirname(finalPath))
  return { finalPath, createdDirectory }
}

/** Removes the directories a failed fetch created, deepest first, and only while they are empty. */
async function removeCreatedDirectories(deepest: string, firstCreated: string | undefined): Promise<void> {
  if (!firstCreated) return
  const top = resolve(firstCreated)
  let directory = resolve(deepest)
  for (;;) {
    const inside = relative(top, directory)
    if (inside.startsWith('..') || isAbsolute(inside)) return
    try {
      await rmdir(directory)
    } catch {
      return // not empty (someone else wrote there) or already gone: leave it
    }
    if (directory === top) return
    directory = dirname(directory)
  }
}
