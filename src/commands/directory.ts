/**
 * A directory registered as one version (src/domain/manifest.ts): every regular file hashed and
 * stored on its own (a content-addressed object locally, a release asset on GitHub: the stores'
 * putDirectory), and restored by fetch into a temporary directory beside the
 * destination — each file verified by the store as it is copied — that is renamed into place
 * only once every file matched. Symbolic links, special files and empty directories are refused:
 * a version restores exactly what was registered, and those could not be.
 */
import { createHash } from 'node:crypto'
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises'
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
import { tempPathBeside } from '../stores/atomic-file.js'
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
 * Restores a directory version at `finalPath` (which must not exist): into a temporary sibling,
 * every file verified by the store, then one rename. Nothing is left behind on a failure.
 */
export async function fetchDirectory(
  store: ArtifactStore,
  artifact: Artifact,
  finalPath: string
): Promise<string> {
  const manifest = artifact.manifest ?? []
  // The manifest is registry metadata: it must still be the one the checksum names, and its paths
  // must stay inside the destination.
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
  if (await exists(finalPath))
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
    await rename(temp, finalPath)
  } catch (error) {
    await rm(temp, { recursive: true, force: true })
    throw error
  }
  return finalPath
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch {
    return false
  }
}
