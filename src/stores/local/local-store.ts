/**
 * The embedded artifact store: content-addressed files under `<root>/sha256/<ab>/<abcdef…>`,
 * like git's loose objects. The class is the ArtifactStore face of the pieces beside it:
 * object-layout.ts (paths, listing, removal, temp sweeps), object-put.ts (storing) and
 * object-fetch.ts (fetching and verifying).
 */
import { resolve } from 'node:path'
import type { Artifact } from '../../domain/types.js'
import type {
  ArtifactStore,
  ArtifactTarget,
  FetchResult,
  FileDigest,
  PutResult,
  StoredItem
} from '../artifact-store.js'
import { SHA256_HEX, type ProgressCallback } from '../hashing.js'
import { fetchObject, verifyObject } from './object-fetch.js'
import {
  checkArtifact,
  hasObject,
  listObjectFiles,
  objectFile,
  removeObject,
  sweepTempFiles,
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

  async remove(artifact: Artifact): Promise<void> {
    await removeObject(this.root, checkArtifact(artifact, { allowDeleted: true }))
  }

  /** Whether bytes with this SHA-256 are stored (without re-hashing them). */
  async has(sha256: string): Promise<boolean> {
    return hasObject(this.root, sha256)
  }

  /** Every stored object, in SHA-256 order (for doctor and orphan sweeps). Names that are not objects are skipped. */
  listObjects(): AsyncIterable<StoredObject> {
    return listObjectFiles(this.root)
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
    await removeObject(this.root, item.sha256)
  }

  /**
   * Removes temp files left by killed processes. Only files last modified more than
   * `olderThanMs` ago go: younger ones may belong to a put that is still writing.
   */
  async sweepTemp(olderThanMs: number): Promise<string[]> {
    return sweepTempFiles(this.root, olderThanMs)
  }
}
