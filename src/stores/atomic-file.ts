/**
 * "Write beside, fsync, rename into place": a process killed at any moment leaves at worst a
 * stray temp file, never a half-written final file, because rename within one directory is atomic.
 */
import { randomBytes } from 'node:crypto'
import { chmod, lstat, open, readdir, rename, rm } from 'node:fs/promises'
import type { Stats } from 'node:fs'
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
 * True for temp files written on the way to `finalPath`: tempPathBeside(finalPath), and the
 * temp files of stores that stage through a sibling (`<file>.gz`, itself written through a temp).
 */
export function isTempNameFor(name: string, finalPath: string): boolean {
  const base = basename(finalPath).slice(0, MAX_BASE_CHARS).replace(/^\.+/, '')
  return isTempName(name) && base !== '' && name.replace(/^\.+/, '').startsWith(base)
}

/**
 * Removes the temp files a killed earlier write to `finalPath` left beside it, once they have not
 * been written to for `olderThanMs` (a write in progress keeps touching its file). With
 * `directories`, also the temp directories of a killed directory fetch (the tree being restored,
 * or the old tree renamed aside before its removal), judged by the newest change anywhere inside:
 * a restore in progress keeps writing some file in it. Best effort: the write that calls this
 * must not fail because an old leftover cannot be removed.
 */
export async function sweepStaleTempsBeside(
  finalPath: string,
  olderThanMs: number,
  options: { directories?: boolean } = {}
): Promise<string[]> {
  const directory = dirname(finalPath)
  const cutoff = Date.now() - olderThanMs
  const removed: string[] = []
  let names: string[]
  try {
    names = await readdir(directory)
  } catch {
    return removed
  }
  for (const name of names) {
    if (!isTempNameFor(name, finalPath)) continue
    const path = join(directory, name)
    try {
      const info = await lstat(path)
      if (info.isFile()) {
        if (info.mtimeMs > cutoff) continue
      } else if (!options.directories || !info.isDirectory() || (await newestChange(path)) > cutoff) continue
      await rm(path, { recursive: true, force: true })
      removed.push(path)
    } catch {
      // gone already, or not ours to remove: leave it
    }
  }
  return removed
}

/** The latest mtime of `root` and everything under it (links not followed). */
async function newestChange(root: string): Promise<number> {
  const info = await lstat(root)
  let newest = info.mtimeMs
  if (!info.isDirectory()) return newest
  // walked by hand: Dirent.parentPath needs Node 20.12, package.json allows every Node 20
  for (const name of await readdir(root)) {
    newest = Math.max(newest, await newestChange(join(root, name)).catch(() => 0))
  }
  return newest
}

/**
 * Renames `tempPath` over `finalPath` (replacing it atomically on POSIX) and then syncs the
 * directory, because the rename itself lives in the directory's entry table and is only durable
 * once that is flushed. The caller must have fsynced the temp file's contents already.
 */
export async function moveIntoPlace(tempPath: string, finalPath: string): Promise<void> {
  // rename would replace a FIFO or a device (as root, /dev/null itself) with a regular file
  await refuseSpecialFile(finalPath, `"${finalPath}"`)
  try {
    await rename(tempPath, finalPath)
  } catch (error) {
    throw fileSystemError(error, 'move the finished file to', finalPath)
  }
  await syncDirectory(dirname(finalPath))
}

/** What kind of special file `info` describes, or null for regular files, directories and symlinks. */
export function specialFileKind(info: Stats): string | null {
  if (info.isFIFO()) return 'a FIFO (named pipe)'
  if (info.isCharacterDevice()) return 'a character device'
  if (info.isBlockDevice()) return 'a block device'
  if (info.isSocket()) return 'a socket'
  return null
}

/**
 * Refuses to write over a FIFO, device or socket at `path` (nothing there is fine): mreg writes
 * by renaming a finished file into place, which would replace the special file, never write
 * through it. `label` is how the user named the path (`--out "x"`).
 */
export async function refuseSpecialFile(path: string, label: string): Promise<void> {
  let info: Stats
  try {
    info = await lstat(path)
  } catch (error) {
    const code = errorCode(error)
    if (code === 'ENOENT' || code === 'ENOTDIR') return
    throw fileSystemError(error, 'inspect', path)
  }
  const kind = specialFileKind(info)
  if (kind) {
    throw new RegistryError(
      'invalid-input',
      `${label} is ${kind}, not a regular file: mreg never replaces special files; give a file path or a directory`,
      { path }
    )
  }
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
