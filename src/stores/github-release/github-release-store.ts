/**
 * Model files as GitHub release assets: one release per version, tagged `<name>@v<version>` at
 * the training commit. put() leaves the release a draft (no tag yet) with every asset up and
 * verified; finish() publishes it once the version's metadata has landed. So a failure before the
 * metadata lands deletes a draft and spends nothing: with immutable releases, a tag that was ever
 * published can never be used again (https://docs.github.com/en/code-security/concepts/supply-chain-security/immutable-releases).
 */
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  integrityError,
  invalidInput,
  isRegistryError,
  notFound,
  RegistryError
} from '../../domain/errors.js'
import { fileArtifacts } from '../../domain/manifest.js'
import type { Artifact, ArtifactPart, ReleaseAssetRef } from '../../domain/types.js'
import type { GitHubClient } from '../../github/client.js'
import {
  createDraftRelease,
  deleteRelease,
  getRelease,
  getReleaseByTag,
  listAssets,
  publishRelease
} from '../../github/releases.js'
import { parseDigest, type GitHubAsset, type GitHubRelease } from '../../github/types.js'
import type {
  ArtifactStore,
  ArtifactTarget,
  DirectoryPutResult,
  DirectorySource,
  FetchResult,
  FileDigest,
  FileVerification,
  PutResult,
  RegistryRecords,
  StoredItem,
  Verification
} from '../artifact-store.js'
import { verifyEachFile } from '../verify-files.js'
import { fileSystemError, moveIntoPlace, removeQuietly, tempPathBeside } from '../atomic-file.js'
import { EMPTY_SHA256, planDirectory, uploadDirectory } from './directory-assets.js'
import { assetPlace, assetsInOrder, fetchArtifact } from './fetch-artifact.js'
import { assetDownloadUrl, releasePageUrl, releaseTag } from './naming.js'
import { DEFAULT_MAX_PART_BYTES, planParts } from './parts.js'
import { listRegistryItems, listRegistryReleases, type RegistryRelease } from './release-listing.js'
import { deleteReleaseAndTag, removeRelease, type ReleaseContext } from './remove-release.js'
import { uploadFile, type UploadedPart } from './upload-file.js'

export type { RegistryRelease } from './release-listing.js'

export interface GitHubReleaseStoreOptions {
  client: GitHubClient
  owner: string
  repo: string
  /** Largest asset; larger files go up in parts. Default just under GitHub's 2 GiB limit. */
  maxPartBytes?: number
  /** Web origin for the URLs recorded in metadata. Default https://github.com. */
  serverUrl?: string
  onProgress?: (bytesDone: number, total: number) => void
}

export class GitHubReleaseStore implements ArtifactStore {
  readonly kind = 'github-release' as const
  readonly bindsVersion = true
  /**
   * One request at a time, as GitHub asks to stay clear of secondary rate limits
   * (https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api#avoid-concurrent-requests).
   */
  readonly parallelFetches = 1
  private readonly client: GitHubClient
  private readonly owner: string
  private readonly repo: string
  private readonly maxPartBytes: number
  private readonly serverUrl: string
  private readonly onProgress?: (bytesDone: number, total: number) => void

  constructor(options: GitHubReleaseStoreOptions) {
    this.client = options.client
    this.owner = options.owner
    this.repo = options.repo
    this.maxPartBytes = options.maxPartBytes ?? DEFAULT_MAX_PART_BYTES
    this.serverUrl = (options.serverUrl ?? 'https://github.com').replace(/\/+$/, '')
    this.onProgress = options.onProgress
  }

  private get context(): ReleaseContext {
    return { client: this.client, owner: this.owner, repo: this.repo }
  }

  async put(sourcePath: string, target: ArtifactTarget, expected: FileDigest): Promise<PutResult> {
    const tag = releaseTag(target.name, target.version)
    let size: number
    try {
      size = (await stat(sourcePath)).size
    } catch (error) {
      throw fileSystemError(error, 'read', sourcePath)
    }
    if (size !== expected.size) {
      throw integrityError(
        `"${sourcePath}" changed while registering: expected ${expected.size} bytes, found ${size}`,
        {
          expected_size: expected.size,
          actual_size: size
        }
      )
    }
    if (size === 0) {
      // GitHub refuses empty assets (422 "size must be greater than or equal to 1"): say so
      // before a draft release is made.
      throw invalidInput(
        `"${sourcePath}" is empty (0 bytes): GitHub refuses empty release assets; register a non-empty model file`,
        { field: 'file', value: sourcePath, reason: 'empty' }
      )
    }
    const plan = planParts(size, this.maxPartBytes)
    return this.inDraft(target, async draft => {
      const parts = await uploadFile({
        client: this.client,
        uploadUrl: draft.upload_url,
        sourcePath,
        name: target.file_name,
        contentType: target.media_type,
        plan,
        expected,
        onProgress: bytes => this.onProgress?.(bytes, expected.size)
      })
      return this.result(draft, tag, target, expected, parts)
    })
  }

  /**
   * A directory version: one draft release, one asset per file (directory-assets.ts), each
   * verified against its manifest entry; refused before the draft when GitHub could not hold it.
   */
  async putDirectory(directory: DirectorySource, target: ArtifactTarget): Promise<DirectoryPutResult> {
    const planned = planDirectory(directory, this.maxPartBytes)
    const tag = releaseTag(target.name, target.version)
    return this.inDraft(target, async draft => {
      const assets = await uploadDirectory(
        {
          client: this.client,
          uploadUrl: draft.upload_url,
          serverUrl: this.serverUrl,
          owner: this.owner,
          repo: this.repo,
          tag,
          onProgress: this.onProgress
        },
        planned,
        directory.digest.size
      )
      const url = releasePageUrl(this.serverUrl, this.owner, this.repo, tag)
      const artifact: Artifact = {
        store: 'github-release',
        uri: url,
        file_name: target.file_name,
        size: directory.digest.size,
        sha256: directory.digest.sha256,
        media_type: target.media_type,
        release: { id: draft.id, tag, url },
        assets,
        manifest: directory.entries
      }
      const stored: PutResult = { artifact, file_path: url, created: true }
      return { artifact, file_path: url, created: [stored], leases: [] }
    })
  }

  /** Makes the version's draft release, runs `work` on it, and deletes the draft if that fails. */
  private async inDraft<T>(target: ArtifactTarget, work: (draft: GitHubRelease) => Promise<T>): Promise<T> {
    const tag = releaseTag(target.name, target.version)
    await this.checkTagFree(tag)
    const draft = await createDraftRelease(this.client, {
      owner: this.owner,
      repo: this.repo,
      tag,
      name: `${target.name} ${target.version}`,
      target_commitish: target.commit,
      body: target.description ?? `${target.name} ${target.version} (${target.model_id})`
    })
    try {
      return await work(draft)
    } catch (error) {
      await this.undo(draft.id, tag, error)
      throw error
    }
  }

  /**
   * Drafts may share a tag, so GitHub would accept the draft and refuse only its publication,
   * after the metadata landed: a published release (of a registration that lost its metadata, or
   * a person's) that holds the tag already makes the version's slot taken now.
   */
  private async checkTagFree(tag: string): Promise<void> {
    const holder = await getReleaseByTag(this.client, { owner: this.owner, repo: this.repo, tag })
    if (holder) {
      throw new RegistryError(
        'conflict',
        `release tag ${tag} is already used by a published release on ${this.owner}/${this.repo}`,
        { field: 'version', reason: 'exists', tag, release_id: holder.id }
      )
    }
  }

  /** Publishes the version's draft release (creating its tag). Already published: nothing to do. */
  async finish(artifact: Artifact): Promise<void> {
    const release = artifact.release
    if (!release) return
    const current = await getRelease(this.client, {
      owner: this.owner,
      repo: this.repo,
      release_id: release.id
    })
    if (!current) {
      throw notFound(`release ${release.tag} (id ${release.id}) is gone from ${this.owner}/${this.repo}`, {
        tag: release.tag,
        release_id: release.id
      })
    }
    if (!current.draft) return
    await publishRelease(this.client, {
      owner: this.owner,
      repo: this.repo,
      release_id: release.id,
      tag: release.tag
    })
  }

  private result(
    draft: GitHubRelease,
    tag: string,
    target: ArtifactTarget,
    expected: FileDigest,
    parts: UploadedPart[]
  ): PutResult {
    const assets: ReleaseAssetRef[] = parts.map(({ uploaded }) => {
      const name = uploaded.asset.name
      // The draft's own URLs point at an `untagged-…` path: record the ones it gets once published.
      return {
        id: uploaded.asset.id,
        name,
        size: uploaded.size,
        sha256: uploaded.sha256,
        url: assetDownloadUrl(this.serverUrl, this.owner, this.repo, tag, name)
      }
    })
    const partRecords: ArtifactPart[] = parts.map(({ plan, uploaded }) => ({
      index: plan.index,
      size: uploaded.size,
      sha256: uploaded.sha256,
      name: uploaded.asset.name
    }))
    const url = releasePageUrl(this.serverUrl, this.owner, this.repo, tag)
    const artifact: Artifact = {
      store: 'github-release',
      uri: url,
      file_name: target.file_name,
      size: expected.size,
      sha256: expected.sha256,
      media_type: target.media_type,
      ...(parts.length > 1 ? { parts: partRecords } : {}),
      // Whether it becomes immutable is known only once published, after the metadata landed.
      release: { id: draft.id, tag, url },
      assets
    }
    const first = assets[0]?.name ?? target.file_name
    return {
      artifact,
      file_path: assetDownloadUrl(this.serverUrl, this.owner, this.repo, tag, first),
      created: true
    }
  }

  /**
   * Best effort: the error that made us undo is what the user must see, not a cleanup failure.
   * A draft made no tag, so only the release goes (a tag of that name is someone else's).
   */
  private async undo(releaseId: number, tag: string, cause: unknown): Promise<void> {
    try {
      await deleteRelease(this.client, { owner: this.owner, repo: this.repo, release_id: releaseId })
    } catch (error) {
      const why = isRegistryError(cause) ? cause.message : String(cause)
      this.client.log.warn(
        `could not delete release ${tag} (id ${releaseId}) after a failed registration (${why}): ${
          error instanceof Error ? error.message : String(error)
        }; delete it by hand or let cleanup sweep it`
      )
    }
  }

  async fetch(artifact: Artifact, outPath: string): Promise<FetchResult> {
    if (isEmptyFile(artifact)) {
      const temp = tempPathBeside(outPath)
      try {
        await writeFile(temp, '', { flag: 'wx' })
        await moveIntoPlace(temp, outPath)
      } finally {
        await removeQuietly(temp)
      }
      return { path: outPath, sha256: EMPTY_SHA256, size: 0 }
    }
    return fetchArtifact({ ...this.context, onProgress: this.onProgress }, artifact, outPath)
  }

  /**
   * GitHub's own asset digests, when it gives them, are a re-hash of the stored bytes on its side:
   * matching part digests prove the whole file (verified at registration) is intact. Without
   * digests the file is downloaded to a temp directory and hashed.
   */
  async verify(artifact: Artifact): Promise<Verification> {
    if (isEmptyFile(artifact)) return { ok: true, actual: EMPTY_SHA256, present: true }
    const release = artifact.release
    if (!release || !artifact.assets?.length) return { ok: false, actual: null, present: false }
    const listed = await this.listedAssets(release.id)
    if (listed === null)
      return { ok: false, actual: null, present: false, where: `release ${release.tag} is gone` }
    return this.judge(artifact, listed)
  }

  /**
   * Every file of a directory version against one listing of its release (not one per file): a
   * file whose assets all carry GitHub's digest is judged by them, the others are downloaded.
   */
  async verifyFiles(artifact: Artifact): Promise<FileVerification[]> {
    if (!artifact.manifest || !artifact.release) return verifyEachFile(file => this.verify(file), artifact)
    const listed = await this.listedAssets(artifact.release.id)
    const results: FileVerification[] = []
    for (const file of fileArtifacts(artifact)) {
      let result
      if (isEmptyFile(file)) result = { ok: true, actual: EMPTY_SHA256, present: true }
      else if (listed === null)
        result = { ok: false, actual: null, present: false, where: `release ${artifact.release.tag} is gone` }
      else if (!file.assets?.length) result = { ok: false, actual: null, present: false }
      else result = await this.judge(file, listed)
      results.push({ file, ...result })
    }
    return results
  }

  /** The release's assets, or null when the release is gone. */
  private async listedAssets(releaseId: number): Promise<GitHubAsset[] | null> {
    try {
      return await listAssets(this.client, { owner: this.owner, repo: this.repo, release_id: releaseId })
    } catch (error) {
      if (isRegistryError(error) && error.kind === 'not-found') return null
      throw error
    }
  }

  /**
   * Each recorded asset by its id in the listing. An id no longer listed while another asset holds
   * its name is a replacement (deleted and uploaded again: not the registered bytes); a GitHub
   * digest other than the recorded SHA-256 is GitHub saying it holds other bytes. Both are named.
   */
  private async judge(artifact: Artifact, listed: GitHubAsset[]): Promise<Verification> {
    const recorded = assetsInOrder(artifact)
    const found = recorded.map(asset => listed.find(a => a.id === asset.id))
    for (const [i, asset] of recorded.entries()) {
      if (found[i]) continue
      const now = listed.find(a => a.name === asset.name)
      if (!now)
        return { ok: false, actual: null, present: false, where: `${assetPlace(artifact, asset)} is missing` }
      return {
        ok: false,
        actual: recorded.length === 1 ? parseDigest(now.digest) : null,
        present: true,
        where: `${assetPlace(artifact, asset)} was replaced after registration (recorded asset id ${asset.id}, now id ${now.id})`
      }
    }
    const unfinished = found.findIndex(asset => asset?.state !== 'uploaded')
    if (unfinished >= 0) {
      const asset = recorded[unfinished] as ReleaseAssetRef
      return {
        ok: false,
        actual: null,
        present: false,
        where: `${assetPlace(artifact, asset)} is not fully uploaded (state ${found[unfinished]?.state})`
      }
    }
    const digests = found.map(asset => parseDigest(asset?.digest))
    if (digests.every(d => d !== null)) {
      const wrong = digests.findIndex((d, i) => d !== recorded[i]?.sha256)
      if (wrong < 0) return { ok: true, actual: artifact.sha256, present: true }
      const asset = recorded[wrong] as ReleaseAssetRef
      const where = `GitHub's digest of ${assetPlace(artifact, asset)} is sha256:${digests[wrong]}, not the recorded ${asset.sha256}`
      // A part's digest is not the whole file's hash, but it is proof enough that the part is
      // not the one registered (each part's SHA-256 was recorded): no download needed.
      return { ok: false, actual: digests.length === 1 ? (digests[0] ?? null) : null, present: true, where }
    }
    return this.verifyByDownload(artifact)
  }

  private async verifyByDownload(artifact: Artifact): Promise<Verification> {
    const dir = await mkdtemp(join(tmpdir(), 'mreg-verify-'))
    try {
      const got = await this.fetch(artifact, join(dir, 'artifact'))
      return { ok: true, actual: got.sha256, present: true }
    } catch (error) {
      if (isRegistryError(error) && error.kind === 'integrity') {
        // A part's mismatch says nothing about the whole file's hash.
        const actual = error.details?.asset === undefined ? error.details?.actual : undefined
        return {
          ok: false,
          actual: typeof actual === 'string' ? actual : null,
          present: true,
          where: `downloaded from ${assetsInOrder(artifact)
            .map(asset => assetPlace(artifact, asset))
            .join(', ')}`
        }
      }
      if (isRegistryError(error) && error.kind === 'not-found')
        return { ok: false, actual: null, present: false, where: error.message }
      throw error
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }

  /** Deletes the assets, the release and its tag. Idempotent. */
  async remove(artifact: Artifact): Promise<void> {
    await removeRelease(this.context, artifact)
  }

  /** Undo of a registration whose metadata commit failed: the same as remove. */
  async removeRelease(artifact: Artifact): Promise<void> {
    await removeRelease(this.context, artifact)
  }

  /** Every release of a model version tag (drafts too): see release-listing.ts for how past 1,000. */
  listStored(records: RegistryRecords): AsyncIterable<StoredItem> {
    return listRegistryItems(this.context, records)
  }

  async removeStored(item: StoredItem): Promise<void> {
    if (!item.owner) return
    await deleteReleaseAndTag(
      this.context,
      item.owner.release_id,
      releaseTag(item.owner.name, item.owner.version)
    )
  }

  /** The registry's releases among the newest RELEASE_LIST_LIMIT of the repository. */
  async listRegistryReleases(): Promise<RegistryRelease[]> {
    return listRegistryReleases(this.context)
  }
}

/** An empty file of a directory version: no asset holds it (GitHub refuses empty assets). */
function isEmptyFile(artifact: Artifact): boolean {
  return artifact.size === 0 && artifact.sha256 === EMPTY_SHA256 && (artifact.assets ?? []).length === 0
}
