/**
 * The embedded artifact store: content-addressed files under `<root>/sha256/<ab>/<abcdef…>`,
 * like git's loose objects. Identical bytes are stored once, objects are read-only once written,
 * and every write goes through a fsynced temp file in `<root>/tmp/` and an atomic link or rename,
 * so a killed process leaves at worst a temp file that `sweepTemp` removes.
 */
import {
  chmod,
  link,
  lstat,
  mkdir,
  open,
  readdir,
  rename,
  rmdir,
  stat,
  unlink,
  utimes
} from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import { basename, dirname, join, relative, resolve, sep, isAbsolute } from 'node:path'
import { RegistryError, integrityError, invalidInput, notFound } from '../../domain/errors.js'
import type { Artifact } from '../../domain/types.js'
import type {
  ArtifactStore,
  ArtifactTarget,
  FetchResult,
  FileDigest,
  PutResult,
  StoredItem
} from '../artifact-store.js'
import {
  errorCode,
  fileSystemError,
  moveIntoPlace,
  removeQuietly,
  syncDirectory,
  tempPathBeside
} from '../atomic-file.js'
import {
  CHUNK_BYTES,
  SHA256_HEX,
  copyWithHash,
  digestStream,
  openModelFile,
  type ProgressCallback
} from '../hashing.js'

/** Where the CLI keeps the store of a repository: inside the git dir, so it never shows as untracked. */
export function defaultLocalStoreRoot(gitdir: string): string {
  return join(gitdir, 'mreg', 'objects')
}

export interface LocalArtifactStoreOptions {
  root: string
  /** Default progress callback for put and fetch; a per-call callback replaces it. */
  onProgress?: ProgressCallback
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

/** Like git objects: nobody should edit stored bytes in place, so they are born read-only. */
const OBJECT_MODE = 0o444

export class LocalArtifactStore implements ArtifactStore {
  readonly kind = 'local' as const
  readonly bindsVersion = false
  /** Absolute, so that `file_path` and error messages name the object unambiguously. */
  readonly root: string
  private readonly onProgress?: ProgressCallback

  constructor(options: LocalArtifactStoreOptions) {
    this.root = resolve(options.root)
    this.onProgress = options.onProgress
  }

  /** Absolute path of the object holding the bytes with this SHA-256 (whether or not it exists). */
  objectPath(sha256: string): string {
    const hex = checkedHex(sha256, 'invalid-input')
    return join(this.root, 'sha256', hex.slice(0, 2), hex)
  }

  private get tempDirectory(): string {
    return join(this.root, 'tmp')
  }

  async put(
    sourcePath: string,
    target: ArtifactTarget,
    expected: FileDigest,
    onProgress: ProgressCallback | undefined = this.onProgress
  ): Promise<PutResult> {
    const expectedHex = checkedHex(expected.sha256, 'invalid-input')
    const { handle, size } = await openModelFile(sourcePath)
    const source = handle.createReadStream({ highWaterMark: CHUNK_BYTES })
    if (await this.has(expectedHex).catch(() => false)) {
      // Known bytes: still read the file once to prove it is what was hashed, but spare the disk
      // a copy that would only be thrown away (models are large, re-registrations are common).
      let actual: FileDigest
      try {
        actual = await digestStream(readingAs(source, sourcePath), { onProgress, total: size })
      } finally {
        source.destroy()
      }
      if (actual.sha256 === expectedHex && actual.size === expected.size) {
        const objectPath = this.objectPath(expectedHex)
        await reuseExisting(objectPath)
        return this.putResult(target, actual, objectPath, false)
      }
      throw changedWhileRegistering(sourcePath, expected, actual)
    }
    let tempPath: string
    try {
      await ensureDirectory(this.tempDirectory)
      tempPath = join(this.tempDirectory, `put-${randomBytes(8).toString('hex')}.tmp`)
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

    const objectPath = this.objectPath(actual.sha256)
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

    return this.putResult(target, actual, objectPath, created)
  }

  private putResult(
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

  async fetch(
    artifact: Artifact,
    outPath: string,
    onProgress: ProgressCallback | undefined = this.onProgress
  ): Promise<FetchResult> {
    const hex = this.checkArtifact(artifact)
    const objectPath = this.objectPath(hex)
    // open the object first: a missing object must not leave directories behind at outPath
    let handle
    try {
      handle = await open(objectPath, 'r')
    } catch (error) {
      throw this.objectReadError(error, artifact, objectPath)
    }
    const source = handle.createReadStream({ highWaterMark: CHUNK_BYTES })

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
          `checksum mismatch for ${artifact.file_name}: expected ${hex}, got ${actual.sha256}; the stored artifact is corrupt — run 'mreg doctor'`,
          { expected: hex, actual: actual.sha256, path: objectPath }
        )
      }
      if (actual.size !== artifact.size) {
        throw integrityError(
          `size mismatch for ${artifact.file_name}: expected ${artifact.size} bytes, got ${actual.size}; the registry metadata is wrong — run 'mreg doctor'`,
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

  async verify(artifact: Artifact): Promise<{ ok: boolean; actual: string | null; present: boolean }> {
    const hex = this.checkArtifact(artifact, { allowDeleted: true })
    if (artifact.deleted) return { ok: false, actual: null, present: false }
    const objectPath = this.objectPath(hex)
    let handle
    try {
      handle = await open(objectPath, 'r')
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return { ok: false, actual: null, present: false }
      throw this.objectReadError(error, artifact, objectPath)
    }
    const stream = handle.createReadStream({ highWaterMark: CHUNK_BYTES })
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

  async remove(artifact: Artifact): Promise<void> {
    await this.removeObject(this.checkArtifact(artifact, { allowDeleted: true }))
  }

  private async removeObject(sha256: string): Promise<void> {
    const objectPath = this.objectPath(sha256)
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

  /** Whether bytes with this SHA-256 are stored (without re-hashing them). */
  async has(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.objectPath(sha256))).isFile()
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return false
      throw fileSystemError(error, 'inspect', this.objectPath(sha256))
    }
  }

  /** Every stored object, in SHA-256 order (for doctor and orphan sweeps). Names that are not objects are skipped. */
  async *listObjects(): AsyncIterable<StoredObject> {
    const base = join(this.root, 'sha256')
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

  async *listStored(): AsyncIterable<StoredItem> {
    for await (const object of this.listObjects()) {
      yield {
        id: object.sha256,
        sha256: object.sha256,
        size: object.size,
        modified: object.modified,
        label: object.path
      }
    }
  }

  async removeStored(item: StoredItem): Promise<void> {
    if (!item.sha256 || !SHA256_HEX.test(item.sha256)) return
    await this.removeObject(item.sha256)
  }

  /**
   * Removes temp files left by killed processes. Only files last modified more than
   * `olderThanMs` ago go: younger ones may belong to a put that is still writing.
   */
  async sweepTemp(olderThanMs: number): Promise<string[]> {
    const cutoff = Date.now() - olderThanMs
    const removed: string[] = []
    for (const name of await listNames(this.tempDirectory)) {
      const path = join(this.tempDirectory, name)
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
  private checkArtifact(artifact: Artifact, options: { allowDeleted?: boolean } = {}): string {
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

  private objectReadError(error: unknown, artifact: Artifact, objectPath: string): RegistryError {
    if (error instanceof RegistryError) return error
    if (errorCode(error) === 'ENOENT') {
      return integrityError(
        `artifact ${artifact.file_name} (sha256 ${artifact.sha256}) is missing from the store at ${this.root}; run 'mreg doctor'`,
        { expected: artifact.sha256, path: objectPath }
      )
    }
    return fileSystemError(error, 'read the stored object', objectPath)
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

function checkedHex(sha256: string, kind: 'invalid-input' | 'integrity'): string {
  if (typeof sha256 !== 'string' || !SHA256_HEX.test(sha256)) {
    throw new RegistryError(
      kind,
      `"${String(sha256)}" is not a SHA-256 (64 lowercase hex digits); ${
        kind === 'integrity'
          ? "the registry metadata is corrupt — run 'mreg doctor'"
          : 'pass the digest hashFile returned'
      }`,
      { sha256 }
    )
  }
  return sha256
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

async function ensureDirectory(directory: string): Promise<string | undefined> {
  try {
    return await mkdir(directory, { recursive: true })
  } catch (error) {
    throw fileSystemError(error, 'create directory', directory)
  }
}

async function listNames(directory: string): Promise<string[]> {
  try {
    return (await readdir(directory)).sort()
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return []
    throw fileSystemError(error, 'list', directory)
  }
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
      `artifact file name "${fileName}" is not a plain file name; the registry metadata is corrupt — run 'mreg doctor'`,
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

/**
 * Wraps a file stream so its read errors become RegistryErrors naming the file: copyWithHash
 * passes source errors through because only the caller knows what the source is.
 */
async function* readingAs(
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
