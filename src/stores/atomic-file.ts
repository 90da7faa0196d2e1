/**
 * "Write beside, fsync, rename into place": a process killed at any moment leaves at worst a
 * stray temp file, never a half-written final file, because rename within one directory is atomic.
 */
import { randomBytes } from 'node:crypto'
import { chmod, open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { RegistryError } from '../domain/errors.js'

/** Marks our temp files so that sweeps and humans can tell them from anything else. */
export const TEMP_MARKER = '.mreg-'
export const TEMP_SUFFIX = '.tmp'

// Names may be at most 255 bytes on common filesystems; leave room for the dot, marker and suffix.
const MAX_BASE_CHARS = 160

/**
 * A unique temp path in the same directory as `finalPath` (`.<base>.mreg-<random>.tmp`): same
 * directory means same filesystem, so the final rename is atomic; the leading dot hides it from
 * casual listings while it is being written.
 */
export function tempPathBeside(finalPath: string): string {
  const base = basename(finalPath).slice(0, MAX_BASE_CHARS)
  return join(dirname(finalPath), `.${base}${TEMP_MARKER}${randomBytes(8).toString('hex')}${TEMP_SUFFIX}`)
}

/** True for names produced by tempPathBeside (for sweeping temp files a killed process left). */
export function isTempName(name: string): boolean {
  return name.startsWith('.') && name.includes(TEMP_MARKER) && name.endsWith(TEMP_SUFFIX)
}

/**
 * Renames `tempPath` over `finalPath` (replacing it atomically on POSIX) and then syncs the
 * directory, because the rename itself lives in the directory's entry table and is only durable
 * once that is flushed. The caller must have fsynced the temp file's contents already.
 */
export async function moveIntoPlace(tempPath: string, finalPath: string): Promise<void> {
  try {
    await rename(tempPath, finalPath)
  } catch (error) {
    throw fileSystemError(error, 'move the finished file to', finalPath)
  }
  await syncDirectory(dirname(finalPath))
}

/**
 * Best effort: some platforms (Windows) and filesystems cannot open or fsync a directory; the
 * data itself is already synced there, so failing the whole operation would help nobody.
 */
export async function syncDirectory(directory: string): Promise<void> {
  let handle
  try {
    handle = await open(directory, 'r')
    await handle.sync()
  } catch {
    // see above: durability of the directory entry is best effort
  } finally {
    await handle?.close().catch(() => undefined)
  }
}

/**
 * Removes a file if it is there, ignoring every error: used on failure paths, where the original
 * error is what the user must see. Read-only files are made writable first because Windows refuses
 * to unlink them.
 */
export async function removeQuietly(path: string): Promise<void> {
  try {
    await rm(path, { force: true })
  } catch {
    try {
      await chmod(path, 0o644)
      await rm(path, { force: true })
    } catch {
      // nothing more to do on a failure path
    }
  }
}

/** Writes a whole small file atomically (temp beside it, fsync, rename, directory sync). */
export async function writeFileAtomic(
  finalPath: string,
  data: string | Uint8Array,
  options: { mode?: number } = {}
): Promise<void> {
  const tempPath = tempPathBeside(finalPath)
  try {
    const handle = await open(tempPath, 'wx', options.mode ?? 0o666)
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch (error) {
    await removeQuietly(tempPath)
    throw fileSystemError(error, 'write', finalPath)
  }
  try {
    await moveIntoPlace(tempPath, finalPath)
  } catch (error) {
    await removeQuietly(tempPath)
    throw error
  }
}

/** Node's error code (`ENOENT`, `EEXIST`…) of a thrown value, if it has one. */
export const errorCode = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined

/**
 * Turns a Node file-system error into a RegistryError with a one-line message that says what to
 * do. `action` completes the sentence "could not <action> <path>". RegistryErrors pass through.
 */
export function fileSystemError(error: unknown, action: string, path: string): RegistryError {
  if (error instanceof RegistryError) return error
  const code = errorCode(error)
  const details = { path, code }
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new RegistryError(
        'unavailable',
        `could not ${action} "${path}": no space left on the device; free some space and retry`,
        details
      )
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new RegistryError(
        'invalid-input',
        `could not ${action} "${path}": permission denied; check its permissions or choose another path`,
        details
      )
    case 'ENOENT':
    case 'ENOTDIR':
      return new RegistryError(
        'invalid-input',
        `could not ${action} "${path}": a directory on the way does not exist; check the path`,
        details
      )
    case 'EISDIR':
      return new RegistryError(
        'invalid-input',
        `could not ${action} "${path}": it is a directory; give a file path or remove the directory`,
        details
      )
    case 'ENAMETOOLONG':
      return new RegistryError(
        'invalid-input',
        `could not ${action} "${path}": the name is too long; choose a shorter path`,
        details
      )
    default: {
      const reason = code ?? (error instanceof Error ? error.message : String(error))
      return new RegistryError(
        'unavailable',
        `could not ${action} "${path}" (${reason}); check the disk and retry`,
        details
      )
    }
  }
}
