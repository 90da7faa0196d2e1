/**
 * A directory registered as one version (src/domain/manifest.ts): every regular file hashed and
 * stored on its own (a content-addressed object locally, a release asset on GitHub: the stores'
 * putDirectory), and restored by fetch into a temporary directory beside the
 * destination — each file verified by the store as it is copied — that is renamed into place
 * only once every file matched (for --if-changed/--watch, over the old directory, which stays as it
 * was if anything fails). Symbolic links, special files and empty directories are refused:
 * a version restores exactly what was registered, and those could not be.
 */
import { createHash } from 'node:crypto'
import { lstat, mkdir, readdir, rename, rm, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { integrityError, invalidInput } from '../domain/errors.js'
import {
  canonicalManifest,
  checkManifestPath,
  fileArtifacts,
  sortManifest,
  totalSize
} from '../domain/manifest.js'
import type { Artifact, ManifestEntry } from '../domain/types.js'
import type {
  ArtifactStore,
  ArtifactTarget,
  DirectoryPutResult,
  DirectorySource
} from '../stores/artifact-store.js'
import { fileSystemError, syncDirectory, tempPathBeside } from '../stores/atomic-file.js'
import { hashFile } from '../stores/hashing.js'

export type ScannedDirectory = DirectorySource

export { fileArtifacts }

export async function isDirectoryPath(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory()
  } catch {
    return false
  }
}

/**
 * Walks `root` (not following links) and hashes every file once. Refusals name the front's
 * word for the directory given (the CLI's FILE, the Action's input "model-path").
 */
export async function scanDirectory(root: string): Promise<ScannedDirectory> {
  const files = new Map<string, string>()
  const walk = async (dir: string, prefix: string): Promise<void> => {
    const children = await readdir(dir, { withFileTypes: true })
    if (children.length === 0 && prefix !== '')
      throw invalidInput(
        w =>
          `${w.field('model-path')}: "${prefix}" in ${root} is an empty directory: a version restores files only; remove it or put a file in it`,
        { field: 'file', path: join(root, prefix) }
      )
    for (const child of children) {
      const path = prefix === '' ? child.name : `${prefix}/${child.name}`
      const absolute = join(dir, child.name)
      if (child.isSymbolicLink())
        throw invalidInput(
          w =>
            `${w.field('model-path')}: "${path}" in ${root} is a symbolic link: register regular files only (copy in what it points to)`,
          { field: 'file', path: absolute }
        )
      if (child.isDirectory()) await walk(absolute, path)
      else if (child.isFile()) files.set(checkManifestPath(path), absolute)
      else
        throw invalidInput(
          w =>
            `${w.field('model-path')}: "${path}" in ${root} is not a regular file (a socket, FIFO or device): remove it`,
          {
            field: 'file',
            path: absolute
          }
        )
    }
  }
  await walk(root, '')
  if (files.size === 0)
    throw invalidInput(w => `${w.field('model-path')}: directory ${root} has no files to register`, {
      field: 'file'
    })
  const entries: ManifestEntry[] = []
  for (const [path, absolute] of files) {
    const { sha256, size } = await hashFile(absolute)
    entries.push({ path, size, sha256 })
  }
  const sorted = sortManifest(entries)
  return { entries: sorted, files, digest: { sha256: manifestDigest(sorted), size: totalSize(sorted) } }
}

export function manifestDigest(entries: readonly ManifestEntry[]): string {
  return createHash('sha256').update(canonicalManifest(entries), 'utf8').digest('hex')
}

/**
 * Stores the directory through the store (src/stores/artifact-store.ts putDirectory): every file
 * verified against its manifest entry, all or nothing.
 */
export async function putDirectory(
  store: ArtifactStore,
  scanned: ScannedDirectory,
  target: ArtifactTarget
): Promise<DirectoryPutResult> {
  return store.putDirectory(scanned, target)
}

/**
 * The manifest of a directory version, checked before anything is compared or written: it is
 * registry metadata, so it must still be the one the checksum names, and its paths must stay
 * inside the destination. Returns each entry's checked relative path.
 */
function checkedManifest(artifact: Artifact): { manifest: ManifestEntry[]; paths: string[] } {
  const manifest = artifact.manifest ?? []
  if (manifestDigest(sortManifest(manifest)) !== artifact.sha256)
    throw integrityError(
      w =>
        `the manifest of ${artifact.file_name} does not match its checksum ${artifact.sha256}; the registry metadata is corrupt — ${w.command('doctor')} checks the registry`
    )
  const paths = manifest.map(entry => {
    try {
      return checkManifestPath(entry.path)
    } catch (error) {
      throw integrityError(
        w =>
          `${(error as Error).message}; the registry metadata is corrupt — ${w.command('doctor')} checks the registry`
      )
    }
  })
  return { manifest, paths }
}

export interface FetchDirectoryOptions {
  /**
   * fetch --if-changed / --watch: an existing directory at `finalPath` is replaced — only once the
   * new tree is complete and verified beside it; a failure leaves it untouched.
   */
  replace?: boolean
}

/**
 * Restores a directory version at `finalPath` (which must not exist unless `replace`): into a
 * temporary sibling, every file verified by the store, then renamed into place. Nothing is left
 * behind on a failure.
 */
export async function fetchDirectory(
  store: ArtifactStore,
  artifact: Artifact,
  finalPath: string,
  options: FetchDirectoryOptions = {}
): Promise<string> {
  const { manifest, paths } = checkedManifest(artifact)
  if (!options.replace && (await exists(finalPath)))
    throw invalidInput(`"${finalPath}" already exists: fetch a directory version to a new path`, {
      field: 'out'
    })
  const temp = tempPathBeside(finalPath)
  const views = fileArtifacts(artifact)
  try {
    // up to store.parallelFetches files at once; the first failure stops taking more
    let next = 0
    let failure: { error: unknown } | undefined
    const worker = async (): Promise<void> => {
      while (failure === undefined && next < manifest.length) {
        const i = next++
        const out = join(temp, paths[i] as string)
        try {
          await mkdir(dirname(out), { recursive: true })
          await store.fetch(views[i] as Artifact, out)
        } catch (error) {
          failure ??= { error }
        }
      }
    }
    const workers = Math.max(1, Math.min(store.parallelFetches, manifest.length))
    await Promise.all(Array.from({ length: workers }, worker))
    if (failure) throw failure.error
    if (options.replace && (await exists(finalPath))) await swapInto(temp, finalPath)
    else await rename(temp, finalPath)
    await syncDirectory(dirname(finalPath))
  } catch (error) {
    await rm(temp, { recursive: true, force: true })
    throw error
  }
  return finalPath
}

/**
 * Puts the verified tree `temp` in place of the directory at `finalPath`. rename(2) cannot replace
 * a non-empty directory, so the old one is renamed aside first and removed after: between the two
 * renames (microseconds) `finalPath` is absent, but it never holds a mix of the two versions. If
 * the second rename fails the old directory is put back.
 */
async function swapInto(temp: string, finalPath: string): Promise<void> {
  const aside = tempPathBeside(finalPath)
  try {
    await rename(finalPath, aside)
  } catch (error) {
    throw fileSystemError(error, 'move aside the directory being replaced at', finalPath)
  }
  try {
    await rename(temp, finalPath)
  } catch (error) {
    await rename(aside, finalPath).catch(() => undefined)
    throw fileSystemError(error, 'move the verified directory to', finalPath)
  }
  // the new tree is in place; a failure to remove the old one must not fail the fetch
  await rm(aside, { recursive: true, force: true }).catch(() => undefined)
}

/**
 * True when the directory at `root` holds exactly the version's files: the same set of paths
 * (nothing extra, no links, special files or empty directories, which a version never restores),
 * each the recorded size and SHA-256. Sizes are compared first, then each file is hashed while
 * streaming; the first difference ends the comparison.
 */
export async function directoryMatches(root: string, artifact: Artifact): Promise<boolean> {
  const { manifest, paths } = checkedManifest(artifact)
  const expected = new Map(paths.map((path, i) => [path, manifest[i] as ManifestEntry]))
  const found: string[] = []
  const walk = async (dir: string, prefix: string): Promise<boolean> => {
    const children = await readdir(dir, { withFileTypes: true })
    if (children.length === 0 && prefix !== '') return false
    for (const child of children) {
      const path = prefix === '' ? child.name : `${prefix}/${child.name}`
      if (child.isDirectory()) {
        if (!(await walk(join(dir, child.name), path))) return false
      } else if (child.isFile() && expected.has(path)) found.push(path)
      else return false
      if (found.length > expected.size) return false
    }
    return true
  }
  try {
    if (!(await walk(root, ''))) return false
  } catch {
    return false
  }
  if (found.length !== expected.size) return false
  for (const path of found) {
    const entry = expected.get(path) as ManifestEntry
    const absolute = join(root, path)
    const info = await lstat(absolute).catch(() => null)
    if (!info?.isFile() || info.size !== entry.size) return false
  }
  for (const path of found) {
    const entry = expected.get(path) as ManifestEntry
    const digest = await hashFile(join(root, path)).catch(() => null)
    if (digest?.sha256 !== entry.sha256) return false
  }
  return true
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch {
    return false
  }
}
