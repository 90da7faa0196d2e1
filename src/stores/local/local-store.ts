/**
 * The embedded artifact store: content-addressed files under `<root>/sha256/<ab>/<abcdef…>`,
 * like git's loose objects. The class is the ArtifactStore face of the pieces beside it:
 * object-layout.ts (paths, listing, removal, temp sweeps), object-put.ts (storing) and
 * object-fetch.ts (fetching and verifying).
 */
import { basename, resolve } from 'node:path'
import type { Artifact } from '../../domain/types.js'
import type {
  ArtifactStore,
  ArtifactTarget,
  DirectoryPutResult,
  DirectorySource,
  FetchResult,
  FileDigest,
  FileVerification,
  InUseCheck,
  PutResult,
  StoreLease,
  StoredItem
} from '../artifact-store.js'
import { SHA256_HEX, type ProgressCallback } from '../hashing.js'
import { verifyEachFile } from '../verify-files.js'
import { fetchObject, verifyObject } from './object-fetch.js'
import {
  checkArtifact,
  hasObject,
  listObjectFiles,
  objectFile,
  removeObject,
  listLeftovers,
  removeLeftover,
  type StoredObject
} from './object-layout.js'
import { putObject } from './object-put.js'

export { defaultLocalStoreRoot, type StoredObject } from './object-layout.js'

export interface LocalArtifactStoreOptions {
  root: string
  /** Default progress callback for put and fetch; a per-call callback replaces it. */
  onProgress?: ProgressCallback
}

export class LocalArtifactStore implements ArtifactStore {
  readonly kind = 'local' as const
  readonly bindsVersion = false
  /** Each copy waits mostly for its fsync (README.md "Directories"): eight overlap well. */
  readonly parallelFetches = 8
  /** Absolute, so that `file_path` and error messages name the object unambiguously. */
  readonly root: string
  private readonly onProgress?: ProgressCallback

  constructor(options: LocalArtifactStoreOptions) {
    this.root = resolve(options.root)
    this.onProgress = options.onProgress
  }

  /** Absolute path of the object holding the bytes with this SHA-256 (whether or not it exists). */
  objectPath(sha256: string): string {
    return objectFile(this.root, sha256)
  }

  async put(
    sourcePath: string,
    target: ArtifactTarget,
    expected: FileDigest,
    onProgress: ProgressCallback | undefined = this.onProgress
  ): Promise<PutResult> {
    return putObject(this.root, sourcePath, target, expected, onProgress)
  }

  /**
   * Every file its own content-addressed object (uncompressed, shared like any other). On a
   * failure the objects this call created are removed again; the caller undoes the rest after a
   * failed commit.
   */
  async putDirectory(directory: DirectorySource, target: ArtifactTarget): Promise<DirectoryPutResult> {
    const created: PutResult[] = []
    // each file's bytes stay pinned until the caller has committed (see PutResult.lease)
    const leases: StoreLease[] = []
    try {
      for (const entry of directory.entries) {
        const stored = await this.put(
          directory.files.get(entry.path) as string,
          { ...target, file_name: basename(entry.path), compression: 'none' },
          { sha256: entry.sha256, size: entry.size }
        )
        if (stored.lease) leases.push(stored.lease)
        if (stored.created) created.push(stored)
      }
    } catch (error) {
      for (const lease of leases) await lease.settle(false)
      for (const stored of created) await this.remove(stored.artifact).catch(() => undefined)
      throw error
    }
    return {
      artifact: {
        store: this.kind,
        file_name: target.file_name,
        size: directory.digest.size,
        sha256: directory.digest.sha256,
        media_type: target.media_type,
        manifest: directory.entries
      },
      file_path: target.file_name,
      created,
      leases
    }
  }

  /** Content-addressed bytes are final once stored: nothing to publish. */
  async finish(): Promise<void> {}

  async fetch(
    artifact: Artifact,
    outPath: string,
    onProgress: ProgressCallback | undefined = this.onProgress
  ): Promise<FetchResult> {
    return fetchObject(this.root, artifact, outPath, onProgress)
  }

  async verify(artifact: Artifact): Promise<{ ok: boolean; actual: string | null; present: boolean }> {
    return verifyObject(this.root, artifact)
  }

  /** Each file of a directory version is its own object, re-hashed on its own. */
  verifyFiles(artifact: Artifact): Promise<FileVerification[]> {
    return verifyEachFile(file => this.verify(file), artifact)
  }

  async remove(artifact: Artifact, inUse?: InUseCheck): Promise<void> {
    await removeObject(this.root, checkArtifact(artifact, { allowDeleted: true }), inUse)
  }

  /** Whether bytes with this SHA-256 are stored (without re-hashing them). */
  async has(sha256: string): Promise<boolean> {
    return hasObject(this.root, sha256)
  }

  /** Every stored object, in SHA-256 order (for doctor and orphan sweeps). Names that are not objects are skipped. */
  listObjects(): AsyncIterable<StoredObject> {
    return listObjectFiles(this.root)
  }

  /** Every object, then the temp files and pins a killed writer may have left (`temporary`). */
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
    for await (const leftover of listLeftovers(this.root)) {
      yield { ...leftover, label: leftover.path, temporary: true }
    }
  }

  async removeStored(item: StoredItem, inUse?: InUseCheck): Promise<void> {
    if (item.temporary) return removeLeftover(this.root, item.id)
    if (!item.sha256 || !SHA256_HEX.test(item.sha256)) return
    await removeObject(this.root, item.sha256, inUse)
  }
}
