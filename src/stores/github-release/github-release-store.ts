/**
 * Model files as GitHub release assets: one release per version, tagged `<name>@v<version>` at
 * the training commit. put() leaves the release a draft (no tag yet) with every asset up and
 * verified; finish() publishes it once the version's metadata has landed. So a failure before the
 * metadata lands deletes a draft and spends nothing: with immutable releases, a tag that was ever
 * published can never be used again (https://docs.github.com/en/code-security/concepts/supply-chain-security/immutable-releases).
 */
import { createHash } from 'node:crypto'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  integrityError,
  invalidInput,
  isRegistryError,
  notFound,
  RegistryError
} from '../../domain/errors.js'
import type { Artifact, ArtifactPart, ReleaseAssetRef } from '../../domain/types.js'
import { uploadAsset, type UploadedAsset } from '../../github/assets.js'
import type { GitHubClient } from '../../github/client.js'
import {
  createDraftRelease,
  deleteRelease,
  getRelease,
  getReleaseByTag,
  listAssets,
  listReleases,
  publishRelease
} from '../../github/releases.js'
import { parseDigest, type GitHubRelease } from '../../github/types.js'
import type {
  ArtifactStore,
  ArtifactTarget,
  FetchResult,
  FileDigest,
  PutResult,
  RegistryRecords,
  StoredItem
} from '../artifact-store.js'
import { fileSystemError } from '../atomic-file.js'
import { assetsInOrder, checksumMismatch, fetchArtifact } from './fetch-artifact.js'
import { assetDownloadUrl, partName, releasePageUrl, releaseTag } from './naming.js'
import { DEFAULT_MAX_PART_BYTES, planParts, type PartPlan } from './parts.js'
import { listRegistryItems, registryRelease, type RegistryRelease } from './listing.js'
import { deleteReleaseAndTag, removeRelease, type ReleaseContext } from './remove-release.js'

export type { RegistryRelease } from './listing.js'

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

interface UploadedPart {
  plan: PartPlan
  uploaded: UploadedAsset
}

export class GitHubReleaseStore implements ArtifactStore {
  readonly kind = 'github-release' as const
  readonly bindsVersion = true
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
      const parts = await this.uploadParts(draft, sourcePath, target, plan, expected)
      return this.result(draft, tag, target, expected, parts)
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

  /** Uploads each planned range and checks it, hashing the whole file across parts and retries. */
  private async uploadParts(
    draft: GitHubRelease,
    sourcePath: string,
    target: ArtifactTarget,
    plan: PartPlan[],
    expected: FileDigest
  ): Promise<UploadedPart[]> {
    const split = plan.length > 1
    let whole = createHash('sha256')
    const done: UploadedPart[] = []
    for (const part of plan) {
      const name = split ? partName(target.file_name, part.index) : target.file_name
      // Each attempt restarts from the hash state after the previous part.
      const before = whole.copy()
      const uploaded = await uploadAsset({
        client: this.client,
        uploadUrl: draft.upload_url,
        name,
        filePath: sourcePath,
        start: part.start,
        size: part.size,
        contentType: split ? 'application/octet-stream' : target.media_type,
        replaceExisting: true,
        onProgress: bytes => this.onProgress?.(part.start + bytes, expected.size),
        tap: () => {
          whole = before.copy()
          return chunk => whole.update(chunk)
        }
      })
      checkUploaded(name, part, uploaded)
      if (parseDigest(uploaded.asset.digest) === null) {
        this.client.log.info(
          `GitHub gave no digest for asset ${name}; relying on the SHA-256 computed while sending`
        )
      }
      done.push({ plan: part, uploaded })
    }
    const actual = whole.digest('hex')
    if (actual !== expected.sha256) {
      throw integrityError(
        `"${sourcePath}" changed while registering: expected sha256 ${expected.sha256}, uploaded ${actual}`,
        { expected: expected.sha256, actual }
      )
    }
    return done
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
    return fetchArtifact({ ...this.context, onProgress: this.onProgress }, artifact, outPath)
  }

  /**
   * GitHub's own asset digests, when it gives them, are a re-hash of the stored bytes on its side:
   * matching part digests prove the whole file (verified at registration) is intact. Without
   * digests the file is downloaded to a temp directory and hashed.
   */
  async verify(artifact: Artifact): Promise<{ ok: boolean; actual: string | null; present: boolean }> {
    const release = artifact.release
    if (!release || !artifact.assets?.length) return { ok: false, actual: null, present: false }
    let listed
    try {
      listed = await listAssets(this.client, { owner: this.owner, repo: this.repo, release_id: release.id })
    } catch (error) {
      if (isRegistryError(error) && error.kind === 'not-found')
        return { ok: false, actual: null, present: false }
      throw error
    }
    const recorded = assetsInOrder(artifact)
    const found = recorded.map(asset => listed.find(a => a.id === asset.id))
    if (found.some(asset => !asset || asset.state !== 'uploaded'))
      return { ok: false, actual: null, present: false }
    const digests = found.map(asset => parseDigest(asset?.digest))
    if (digests.every(d => d !== null)) {
      if (digests.every((d, i) => d === recorded[i]?.sha256))
        return { ok: true, actual: artifact.sha256, present: true }
      if (digests.length === 1) return { ok: false, actual: digests[0] ?? null, present: true }
    }
    return this.verifyByDownload(artifact)
  }

  private async verifyByDownload(
    artifact: Artifact
  ): Promise<{ ok: boolean; actual: string | null; present: boolean }> {
    const dir = await mkdtemp(join(tmpdir(), 'mreg-verify-'))
    try {
      const got = await this.fetch(artifact, join(dir, 'artifact'))
      return { ok: true, actual: got.sha256, present: true }
    } catch (error) {
      if (isRegistryError(error) && error.kind === 'integrity') {
        // A part's mismatch says nothing about the whole file's hash.
        const actual = error.details?.asset === undefined ? error.details?.actual : undefined
        return { ok: false, actual: typeof actual === 'string' ? actual : null, present: true }
      }
      if (isRegistryError(error) && error.kind === 'not-found')
        return { ok: false, actual: null, present: false }
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

  /** Every release of a model version tag (drafts too): see listing.ts for how past 1,000. */
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
    const releases = await listReleases(this.client, { owner: this.owner, repo: this.repo })
    return releases.flatMap(release => registryRelease(release) ?? [])
  }
}

/** GitHub's digest and size of what it stored must equal what we sent. */
function checkUploaded(name: string, part: PartPlan, uploaded: UploadedAsset): void {
  const digest = parseDigest(uploaded.asset.digest)
  if (digest !== null && digest !== uploaded.sha256) {
    throw checksumMismatch(`asset ${name}`, uploaded.sha256, digest, { asset: name, source: 'github-digest' })
  }
  if (uploaded.asset.size !== part.size || uploaded.size !== part.size) {
    throw integrityError(
      `GitHub stored ${uploaded.asset.size} bytes for asset ${name}, expected ${part.size}`,
      {
        asset: name,
        expected_size: part.size,
        actual_size: uploaded.asset.size
      }
    )
  }
}
