/**
 * The Python registry's enable_compression, for any store: with `artifacts.compression: gzip` the bytes
 * are stored gzipped, while the version's checksum stays the SHA-256 of the model file itself.
 * The stored (compressed) bytes are recorded as `artifact.stored` and verified on their own,
 * then the decompressed file is verified against the checksum before it is moved into place.
 * Nothing a user is handed as the model (file_path, the Action's asset-url) names the gzip.
 */
import { createReadStream } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { integrityError, isRegistryError } from '../domain/errors.js'
import type { Artifact } from '../domain/types.js'
import type { ArtifactTarget, FetchResult, FileDigest, InUseCheck, PutResult } from './artifact-store.js'
import { moveIntoPlace, removeQuietly, tempPathBeside } from './atomic-file.js'
import { StoreDecorator } from './store-decorator.js'
import { copyWithHash, HashingStream } from './hashing.js'
import { zlib } from './lazy-zlib.js'

export class CompressingStore extends StoreDecorator {
  override async put(sourcePath: string, target: ArtifactTarget, expected: FileDigest): Promise<PutResult> {
    if (target.compression !== 'gzip') return super.put(sourcePath, target, expected)
    const scratch = await mkdtemp(join(dirname(sourcePath), '.mreg-gzip-'))
    try {
      const compressedPath = join(scratch, `${target.file_name}.gz`)
      const original = new HashingStream()
      const source = createReadStream(sourcePath).pipe(original).pipe(zlib().createGzip())
      const compressed = await copyWithHash(source, compressedPath)
      const read = original.digest()
      if (read.sha256 !== expected.sha256) {
        throw integrityError(
          `model file changed while registering: expected sha256 ${expected.sha256}, got ${read.sha256}; register again`
        )
      }
      const stored = await this.inner.put(
        compressedPath,
        { ...target, file_name: `${target.file_name}.gz`, media_type: 'application/gzip' },
        compressed
      )
      const artifact: Artifact = {
        ...stored.artifact,
        file_name: target.file_name,
        media_type: target.media_type,
        size: expected.size,
        sha256: expected.sha256,
        compression: 'gzip',
        stored: { file_name: stored.artifact.file_name, size: compressed.size, sha256: compressed.sha256 }
      }
      // What users are given as the model's path is the model file, never the gzip: the file
      // exists where `fetch` writes it (decompressed, verified), so file_path is its name. The
      // stored bytes stay internal, in artifact.stored (and the inner store's uri / assets).
      return { ...stored, artifact, file_path: target.file_name }
    } finally {
      await rm(scratch, { recursive: true, force: true })
    }
  }

  override finish(artifact: Artifact): Promise<void> {
    return this.inner.finish(artifact.compression === 'gzip' ? storedView(artifact) : artifact)
  }

  override async fetch(artifact: Artifact, outPath: string): Promise<FetchResult> {
    if (artifact.compression !== 'gzip') return this.inner.fetch(artifact, outPath)
    await mkdir(dirname(outPath), { recursive: true })
    const compressedPath = tempPathBeside(`${outPath}.gz`)
    const decompressedPath = tempPathBeside(outPath)
    try {
      await this.inner.fetch(storedView(artifact), compressedPath)
      let digest: FileDigest
      try {
        digest = await copyWithHash(
          createReadStream(compressedPath).pipe(zlib().createGunzip()),
          decompressedPath
        )
      } catch (error) {
        if (isRegistryError(error)) throw error
        throw integrityError(
          w =>
            `stored artifact ${artifact.file_name} is not valid gzip (${(error as Error).message}); ${w.command('doctor')} checks the registry`
        )
      }
      if (digest.sha256 !== artifact.sha256) {
        throw integrityError(
          `checksum mismatch for ${artifact.file_name}: expected ${artifact.sha256}, got ${digest.sha256}`,
          {
            expected: artifact.sha256,
            actual: digest.sha256
          }
        )
      }
      await moveIntoPlace(decompressedPath, outPath)
      return { path: outPath, sha256: digest.sha256, size: digest.size }
    } finally {
      await removeQuietly(compressedPath)
      await removeQuietly(decompressedPath)
    }
  }

  override verify(artifact: Artifact) {
    return this.inner.verify(artifact.compression === 'gzip' ? storedView(artifact) : artifact)
  }

  override remove(artifact: Artifact, inUse?: InUseCheck): Promise<void> {
    return this.inner.remove(artifact.compression === 'gzip' ? storedView(artifact) : artifact, inUse)
  }
}

/** The artifact as the inner store holds it: the compressed bytes. */
export function storedView(artifact: Artifact): Artifact {
  if (!artifact.stored) return artifact
  const { stored, compression: _compression, ...rest } = artifact
  return {
    ...rest,
    file_name: stored.file_name,
    size: stored.size,
    sha256: stored.sha256,
    media_type: 'application/gzip'
  }
}
