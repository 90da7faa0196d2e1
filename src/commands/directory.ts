/**
 * A directory registered as one version (src/domain/manifest.ts): every regular file hashed and
 * stored as its own object, and restored by fetch into a temporary directory beside the
 * destination — each file verified by the store as it is copied — that is renamed into place
 * only once every file matched. Symbolic links, special files and empty directories are refused:
 * a version restores exactly what was registered, and those could not be.
 */
import { createHash } from 'node:crypto'
import { readdir, rename, rm, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { integrityError, invalidInput } from '../domain/errors.js'
import { canonicalManifest, checkManifestPath, sortManifest, totalSize } from '../domain/manifest.js'
import type { Artifact, ManifestEntry } from '../domain/types.js'
import type { ArtifactStore, ArtifactTarget, FileDigest, PutResult } from '../stores/artifact-store.js'
import { tempPathBeside } from '../stores/atomic-file.js'
import { hashFile } from '../stores/hashing.js'

export interface ScannedDirectory {
  entries: ManifestEntry[]
  /** Manifest path → the file on disk. */
  files: Map<string, string>
  /** The canonical manifest's SHA-256, and the files' total size. */
  digest: FileDigest
}

export async function isDirectoryPath(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory()
  } catch {
    return false
  }
}

/** Walks `root` (not following links) and hashes every file once. */
export async function scanDirectory(root: string): Promise<ScannedDirectory> {
  const files = new Map<string, string>()
  const walk = async (dir: string, prefix: string): Promise<void> => {
    const children = await readdir(dir, { withFileTypes: true })
    if (children.length === 0 && prefix !== '')
      throw invalidInput(
        `"${prefix}" in ${root} is an empty directory: a version restores files only; remove it or put a file in it`,
        { field: 'file', path: join(root, prefix) }
      )
    for (const child of children) {
      const path = prefix === '' ? child.name : `${prefix}/${child.name}`
      const absolute = join(dir, child.name)
      if (child.isSymbolicLink())
        throw invalidInput(
          `"${path}" in ${root} is a symbolic link: register regular files only (copy in what it points to)`,
          { field: 'file', path: absolute }
        )
      if (child.isDirectory()) await walk(absolute, path)
      else if (child.isFile()) files.set(checkManifestPath(path), absolute)
      else
        throw invalidInput(
          `"${path}" in ${root} is not a regular file (a socket, FIFO or device): remove it`,
          {
            field: 'file',
            path: absolute
          }
        )
    }
  }
  await walk(root, '')
  if (files.size === 0) throw invalidInput(`directory ${root} has no files to register`, { field: 'file' })
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

/** One single-file view per stored object: a directory's files, or the artifact itself. */
export function fileArtifacts(artifact: Artifact): Artifact[] {
  if (!artifact.manifest) return [artifact]
  return artifact.manifest.map(entry => ({
    store: artifact.store,
    file_name: basename(entry.path),
    size: entry.size,
    sha256: entry.sha256,
    media_type: 'application/octet-stream',
    ...(artifact.deleted ? { deleted: true } : {})
  }))
}

/**
 * Stores every file (uncompressed: each is its own content-addressed object). On a failure the
 * objects this call created are removed again; the caller undoes the rest after a failed commit.
 */
export async function putDirectory(
  store: ArtifactStore,
  scanned: ScannedDirectory,
  target: ArtifactTarget
): Promise<{ artifact: Artifact; file_path: string; created: PutResult[] }> {
  if (store.kind !== 'local')
    throw invalidInput(
      `registering a directory is supported with the local store only (not yet as ${store.kind} assets): register a single file, e.g. an archive`,
      { field: 'file' }
    )
  const created: PutResult[] = []
  try {
    for (const entry of scanned.entries) {
      const stored = await store.put(
        scanned.files.get(entry.path) as string,
        { ...target, file_name: basename(entry.path), compression: 'none' },
        { sha256: entry.sha256, size: entry.size }
      )
      if (stored.created) created.push(stored)
    }
  } catch (error) {
    for (const stored of created) await store.remove(stored.artifact).catch(() => undefined)
    throw error
  }
  return {
    artifact: {
      store: store.kind,
      file_name: target.file_name,
      size: scanned.digest.size,
      sha256: scanned.digest.sha256,
      media_type: target.media_type,
      manifest: scanned.entries
    },
    file_path: target.file_name,
    created
  }
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
      `the manifest of ${artifact.file_name} does not match its checksum ${artifact.sha256}; the registry metadata is corrupt — run 'mreg doctor'`
    )
  const paths = manifest.map(entry => {
    try {
      return checkManifestPath(entry.path)
    } catch (error) {
      throw integrityError(
        `${(error as Error).message}; the registry metadata is corrupt — run 'mreg doctor'`
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
    for (let i = 0; i < manifest.length; i++) {
      await store.fetch(views[i] as Artifact, join(temp, paths[i] as string))
    }
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
