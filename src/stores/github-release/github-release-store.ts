/**
 * Model files as GitHub release assets: one release per version, tagged `<name>@v<version>` at
 * the training commit. put() leaves the release a draft (no tag yet) with every asset up and
 * verified; finish() publishes it once the version's metadata has landed. So a failure before the
 * metadata lands deletes a draft and spends nothing: with immutable releases, a tag that was ever
 * published can never be used again (https://docs.github.com/en/code-security/concepts/supply-chain-security/immutable-releases).
 */
import { stat, writeFile } from 'node:fs/promises'
import {
  integrityError,
  invalidInput,
  isRegistryError,
  notFound,
  RegistryError
} from '../../domain/errors.js'
import type { Artifact, ArtifactPart, ReleaseAssetRef } from '../../domain/types.js'
import type { GitHubClient } from '../../github/client.js'
import {
  createDraftRelease,
  deleteRelease,
  getRelease,
  getReleaseByTag,
  publishRelease
} from '../../github/releases.js'
import type { GitHubRelease } from '../../github/types.js'
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
import { fileSystemError, moveIntoPlace, removeQuietly, tempPathBeside } from '../atomic-file.js'
import { EMPTY_SHA256, planDirectory, uploadDirectory } from './directory-assets.js'
import { fetchArtifact } from './fetch-artifact.js'
import { assetDownloadUrl, releasePageUrl, releaseTag } from './naming.js'
import { DEFAULT_MAX_PART_BYTES, planParts } from './parts.js'
import { listRegistryItems, listRegistryReleases, type RegistryRelease } from './release-listing.js'
import { deleteReleaseAndTag, removeRelease, type ReleaseContext } from './remove-release.js'
import { uploadFile, type UploadedPart } from './upload-file.js'
import { isEmptyFile, verifyRelease, verifyReleaseFiles, type VerifyContext } from './verify-release.js'

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

  /**
   * Publishes the version's draft release (creating its tag). Already published: nothing to do.
   * It is published without being read first (one round trip less at the end of a register):
   * publishing a published release changes nothing. Only when GitHub refuses (404, 422) is it
   * read, to tell a gone release or one published already from a refused publication.
   */
  async finish(artifact: Artifact): Promise<void> {
    const release = artifact.release
    if (!release) return
    const ids = { owner: this.owner, repo: this.repo, release_id: release.id }
    try {
      await publishRelease(this.client, { ...ids, tag: release.tag })
    } catch (error) {
      const status = isRegistryError(error) ? error.details?.status : undefined
      if (status !== 404 && status !== 422) throw error
      const current = await getRelease(this.client, ids)
      if (!current) {
        throw notFound(`release ${release.tag} (id ${release.id}) is gone from ${this.owner}/${this.repo}`, {
          tag: release.tag,
          release_id: release.id
        })
      }
      if (current.draft) throw error
    }
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

  /** See verify-release.ts: GitHub's digests when it gives them, else a download. */
  async verify(artifact: Artifact): Promise<Verification> {
    return verifyRelease(this.verifyContext, artifact)
  }

  /** Every file of a directory version against one listing of its release (verify-release.ts). */
  async verifyFiles(artifact: Artifact): Promise<FileVerification[]> {
    return verifyReleaseFiles(this.verifyContext, artifact)
  }

  private get verifyContext(): VerifyContext {
    return { ...this.context, download: (artifact, outPath) => this.fetch(artifact, outPath) }
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
