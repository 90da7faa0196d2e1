/**
 * A store that wraps another (compression, the Actions cache): by default every call goes to the
 * inner store, and the optional listing members exist only when the inner store has them, as the
 * port's contract says (cleanup and doctor treat a store without them as unable to list).
 */
import type { Artifact } from '../domain/types.js'
import type {
  ArtifactStore,
  ArtifactTarget,
  FetchResult,
  FileDigest,
  InUseCheck,
  PutResult,
  RegistryRecords,
  StoredItem
} from './artifact-store.js'

export class StoreDecorator implements ArtifactStore {
  readonly kind
  readonly bindsVersion: boolean
  readonly listStored?: (records: RegistryRecords) => AsyncIterable<StoredItem>
  readonly removeStored?: (item: StoredItem, inUse?: InUseCheck) => Promise<void>

  constructor(protected readonly inner: ArtifactStore) {
    this.kind = inner.kind
    this.bindsVersion = inner.bindsVersion
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

  finish(artifact: Artifact): Promise<void> {
    return this.inner.finish(artifact)
  }

  fetch(artifact: Artifact, outPath: string): Promise<FetchResult> {
    return this.inner.fetch(artifact, outPath)
  }

  verify(artifact: Artifact): Promise<{ ok: boolean; actual: string | null; present: boolean }> {
    return this.inner.verify(artifact)
  }

  remove(artifact: Artifact, inUse?: InUseCheck): Promise<void> {
    return this.inner.remove(artifact, inUse)
  }
}
