/**
 * fetch through the Actions cache, keyed by the artifact's SHA-256: a hit skips the download
 * but is still verified; a miss or an unavailable cache service is not an error.
 */
import * as cache from '@actions/cache'
import * as core from '@actions/core'
import { copyFile, mkdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { Artifact } from '../domain/types.js'
import type { ArtifactStore, FetchResult, FileDigest } from '../stores/artifact-store.js'
import { tempPathBeside, moveIntoPlace, removeQuietly } from '../stores/atomic-file.js'
import { hashFile } from '../stores/hashing.js'
import { StoreDecorator } from '../stores/store-decorator.js'

export class CachedArtifactStore extends StoreDecorator {
  constructor(
    inner: ArtifactStore,
    private readonly cacheRoot: string
  ) {
    super(inner)
  }

  override async fetch(artifact: Artifact, outPath: string): Promise<FetchResult> {
    if (!cache.isFeatureAvailable()) return this.inner.fetch(artifact, outPath)
    const key = `mreg-sha256-${artifact.sha256}`
    const cached = join(this.cacheRoot, artifact.sha256, artifact.file_name)
    if (await this.restore(cached, key)) {
      const digest = await hashFile(cached)
      if (digest.sha256 === artifact.sha256) {
        core.info(`cache hit for ${artifact.file_name} (sha256 verified)`)
        return this.copyVerified(cached, outPath, digest)
      }
      core.warning(`cached ${artifact.file_name} does not match its sha256; downloading again`)
      await removeQuietly(cached)
    }
    const fetched = await this.inner.fetch(artifact, cached)
    try {
      await cache.saveCache([cached], key)
    } catch (error) {
      core.info(`could not save ${artifact.file_name} to the cache: ${(error as Error).message}`)
    }
    return this.copyVerified(cached, outPath, fetched)
  }

  private async restore(path: string, key: string): Promise<boolean> {
    try {
      await mkdir(dirname(path), { recursive: true })
      return (await cache.restoreCache([path], key)) !== undefined
    } catch (error) {
      core.info(`cache unavailable: ${(error as Error).message}`)
      return false
    }
  }

  private async copyVerified(from: string, outPath: string, digest: FileDigest): Promise<FetchResult> {
    await mkdir(dirname(outPath), { recursive: true })
    const temp = tempPathBeside(outPath)
    try {
      await copyFile(from, temp)
      await moveIntoPlace(temp, outPath)
    } catch (error) {
      await removeQuietly(temp)
      throw error
    }
    return { path: outPath, sha256: digest.sha256, size: digest.size }
  }
}
