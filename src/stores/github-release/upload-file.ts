/**
 * One file up to a draft release, as one asset or as consecutive parts (parts.ts): each asset's
 * size and GitHub's digest checked against what was sent, and the whole file's SHA-256 computed
 * across parts and retries compared with the digest recorded when it was hashed. Used for a
 * single-file version and for every file of a directory version.
 */
import { createHash } from 'node:crypto'
import { integrityError } from '../../domain/errors.js'
import { uploadAsset, type UploadedAsset } from '../../github/assets.js'
import type { GitHubClient } from '../../github/client.js'
import { parseDigest } from '../../github/types.js'
import type { FileDigest } from '../artifact-store.js'
import { checksumMismatch } from './fetch-artifact.js'
import { partName } from './naming.js'
import type { PartPlan } from './parts.js'

export interface UploadedPart {
  plan: PartPlan
  uploaded: UploadedAsset
}

export interface FileUpload {
  client: GitHubClient
  /** The draft release's upload_url. */
  uploadUrl: string
  sourcePath: string
  /** The asset's name when the file fits one asset; parts are `<name>.part000`… */
  name: string
  contentType: string
  plan: PartPlan[]
  expected: FileDigest
  /** Bytes of this file sent so far. */
  onProgress?: (bytesDone: number) => void
}

export async function uploadFile(upload: FileUpload): Promise<UploadedPart[]> {
  const { client, plan, expected, sourcePath } = upload
  const split = plan.length > 1
  let whole = createHash('sha256')
  const done: UploadedPart[] = []
  for (const part of plan) {
    const name = split ? partName(upload.name, part.index) : upload.name
    // Each attempt restarts from the hash state after the previous part.
    const before = whole.copy()
    const uploaded = await uploadAsset({
      client,
      uploadUrl: upload.uploadUrl,
      name,
      filePath: sourcePath,
      start: part.start,
      size: part.size,
      contentType: split ? 'application/octet-stream' : upload.contentType,
      replaceExisting: true,
      onProgress: bytes => upload.onProgress?.(part.start + bytes),
      tap: () => {
        whole = before.copy()
        return chunk => whole.update(chunk)
      }
    })
    checkUploaded(name, part, uploaded)
    if (parseDigest(uploaded.asset.digest) === null) {
      client.log.info(
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
