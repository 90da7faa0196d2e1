/**
 * A directory version on GitHub: one release, one asset per file (a file too large for one asset
 * goes up in parts, parts.ts). Each asset records the manifest path it holds, so a file can be
 * fetched, verified (GitHub's per-asset digest) or served on its own. An empty file has no asset
 * (GitHub refuses empty assets, and its bytes are known from its size): fetch writes it empty.
 *
 * Why assets and not one archive: a per-file asset is verified by GitHub's own digest without a
 * download, fetched and served one file at a time, and needs no archive format or extraction
 * step that could be tricked into writing outside the destination. The cost is one upload
 * request per file and GitHub's limit of 1000 assets per release
 * (https://docs.github.com/en/repositories/releasing-projects-on-github/about-releases#storage-and-bandwidth-quotas),
 * checked before anything is created; README.md "Directories" has the measurement.
 */
import { stat } from 'node:fs/promises'
import { integrityError, invalidInput } from '../../domain/errors.js'
import type { ManifestEntry, ReleaseAssetRef } from '../../domain/types.js'
import type { GitHubClient } from '../../github/client.js'
import type { DirectorySource } from '../artifact-store.js'
import { fileSystemError } from '../atomic-file.js'
import { assetDownloadUrl } from './naming.js'
import { planParts, type PartPlan } from './parts.js'
import { uploadFile } from './upload-file.js'

/** GitHub refuses the 1001st asset of a release (422 "file_count limited to 1000 assets"). */
export const RELEASE_ASSET_LIMIT = 1000

/** SHA-256 of zero bytes: what an empty manifest entry must record. */
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'

export interface PlannedFile {
  entry: ManifestEntry
  source: string
  /** The asset name for this file (`.partNNN` appended per part when split). */
  name: string
  /** No parts for an empty file. */
  plan: PartPlan[]
}

/**
 * `0001-model.pkl`, `0002-src_features.py`: the 1-based position in the manifest keeps names
 * unique, the path (characters GitHub would rename replaced by `_`) keeps them readable. Only
 * characters GitHub keeps are used, so the name it answers with is the one asked for; the name it
 * answers is what gets recorded in any case.
 */
export function directoryAssetName(position: number, path: string): string {
  const readable = path
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .replace(/\.+$/, '')
    .slice(-180)
  return `${String(position).padStart(4, '0')}-${readable || 'file'}`
}

/** Every file's assets, refused before anything is created when GitHub could not hold them. */
export function planDirectory(directory: DirectorySource, maxPartBytes: number): PlannedFile[] {
  const planned = directory.entries.map((entry, i) => ({
    entry,
    source: directory.files.get(entry.path) as string,
    name: directoryAssetName(i + 1, entry.path),
    plan: entry.size === 0 ? [] : planParts(entry.size, maxPartBytes)
  }))
  const assets = planned.reduce((sum, file) => sum + file.plan.length, 0)
  if (assets > RELEASE_ASSET_LIMIT) {
    throw invalidInput(
      w =>
        `${w.field('model-path')}: the directory needs ${assets} release assets (${directory.entries.length} files) and a GitHub release holds at most ${RELEASE_ASSET_LIMIT}: pack it into an archive (tar, zip) and register that file`,
      { field: 'file', reason: 'too-many-files', assets, limit: RELEASE_ASSET_LIMIT }
    )
  }
  return planned
}

export interface DirectoryUpload {
  client: GitHubClient
  uploadUrl: string
  serverUrl: string
  owner: string
  repo: string
  tag: string
  onProgress?: (bytesDone: number, total: number) => void
}

/** Uploads every planned file to the draft, each verified against its manifest entry. */
export async function uploadDirectory(
  upload: DirectoryUpload,
  planned: PlannedFile[],
  total: number
): Promise<ReleaseAssetRef[]> {
  const assets: ReleaseAssetRef[] = []
  let done = 0
  for (const file of planned) {
    await checkUnchanged(file)
    if (file.plan.length === 0) continue
    const before = done
    const parts = await uploadFile({
      client: upload.client,
      uploadUrl: upload.uploadUrl,
      sourcePath: file.source,
      name: file.name,
      contentType: 'application/octet-stream',
      plan: file.plan,
      expected: { sha256: file.entry.sha256, size: file.entry.size },
      onProgress: bytes => upload.onProgress?.(before + bytes, total)
    })
    done += file.entry.size
    const split = parts.length > 1
    for (const { plan, uploaded } of parts) {
      assets.push({
        id: uploaded.asset.id,
        name: uploaded.asset.name,
        size: uploaded.size,
        sha256: uploaded.sha256,
        // The draft's own URLs point at an `untagged-…` path: record the ones it gets once published.
        url: assetDownloadUrl(upload.serverUrl, upload.owner, upload.repo, upload.tag, uploaded.asset.name),
        path: file.entry.path,
        ...(split ? { part: plan.index } : {})
      })
    }
  }
  return assets
}

/** The file must still be what was hashed: its size now (its bytes are checked while sending). */
async function checkUnchanged(file: PlannedFile): Promise<void> {
  let size: number
  try {
    size = (await stat(file.source)).size
  } catch (error) {
    throw fileSystemError(error, 'read', file.source)
  }
  if (size !== file.entry.size) {
    throw integrityError(
      `"${file.source}" changed while registering: expected ${file.entry.size} bytes, found ${size}`,
      { expected_size: file.entry.size, actual_size: size, path: file.entry.path }
    )
  }
}
