/**
 * A store that wraps another (compression, the Actions cache): by default every call goes to the
 * inner store, and the optional listing members exist only when the inner store has them, as the
 * port's contract says (cleanup and doctor treat a store without them as unable to list).
 */
import type { Artifact } from '../domain/types.js'
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
  RegistryRecords,
  StoredItem,
  Verification
} from './artifact-store.js'
import { verifyEachFile } from './verify-files.js'

export class StoreDecorator implements ArtifactStore {
  readonly kind
  readonly bindsVersion: boolean
  readonly parallelFetches: number
  readonly listStored?: (records: RegistryRecords) => AsyncIterable<StoredItem>
  readonly removeStored?: (item: StoredItem, inUse?: InUseCheck) => Promise<void>

  constructor(protected readonly inner: ArtifactStore) {
    this.kind = inner.kind
    this.bindsVersion = inner.bindsVersion
    this.parallelFetches = inner.parallelFetches
    if (inner.listStored)
      this.listStored = records =>
        (inner.listStored as NonNullable<ArtifactStore['listStored']>).call(inner, records)
    if (inner.removeStored)
      this.removeStored = (item, inUse) =>
        (inner.removeStored as NonNullable<ArtifactStore['removeStored']>).call(inner, item, inUse)
  }

  put(sourcePath: string, target: ArtifactTarget, expected: FileDigest): Promise<PutResult> {
    return this.inner.put(sourcePath, target, expected)
  }

  /** A directory's files are stored as they are (each verified against its manifest entry). */
  putDirectory(directory: DirectorySource, target: ArtifactTarget): Promise<DirectoryPutResult> {
    return this.inner.putDirectory(directory, target)
  }

  finish(artifact: Artifact): Promise<void> {
    return this.inner.finish(artifact)
  }

  fetch(artifact: Artifact, outPath: string): Promise<FetchResult> {
    return this.inner.fetch(artifact, outPath)
  }

  verify(artifact: Artifact): Promise<Verification> {
    return this.inner.verify(artifact)
  }

  /**
   * A directory's files are stored as they are: the inner store checks them. A single file goes
   * through this store's own verify (a decorator may store it otherwise, e.g. compressed).
   */
  async verifyFiles(artifact: Artifact): Promise<FileVerification[]> {
    if (artifact.manifest) return this.inner.verifyFiles(artifact)
    return verifyEachFile(file => this.verify(file), artifact)
  }

  remove(artifact: Artifact, inUse?: InUseCheck): Promise<void> {
    return this.inner.remove(artifact, inUse)
  }
}
