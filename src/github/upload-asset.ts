/**
 * Streams one file (or one byte range of it) to a release as an asset, hashing exactly the bytes
 * sent. Never buffers the file; on a network failure the file is reopened and sent again.
 */
import { createHash, type Hash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { integrityError, RegistryError } from '../domain/errors.js'
import type { GitHubClient } from './client.js'
import { httpStatus, isRateLimited, isTransient, retryAfterSeconds, validationCodes } from './errors.js'
import { deleteAsset, listAssets, type RepoRef } from './releases.js'
import { backoffDelayMs, IdleWatchdog, sleep } from './timing.js'
import { parseDigest, toAsset, type GitHubAsset } from './types.js'

/** Called after each chunk sent: bytes of this asset so far, and its size. */
export type UploadProgress = (bytesDone: number, total: number) => void

export interface UploadAssetOptions {
  client: GitHubClient
  /** The release's `upload_url` (an RFC 6570 template ending in `{?name,label}`). */
  uploadUrl: string
  name: string
  filePath: string
  /** Offset of the first byte to send, for the parts of a split file. Default 0. */
  start?: number
  /** Bytes to send from `start`; also the Content-Length. */
  size: number
  contentType: string
  label?: string
  onProgress?: UploadProgress
  /**
   * Called when an attempt starts reading the file; the returned function sees every chunk of
   * that attempt. Lets a caller hash a whole file across parts and retries (restart on each call).
   */
  tap?: () => (chunk: Buffer) => void
  /**
   * The release is the caller's own draft: an uploaded asset of the same name whose content does
   * not match may be deleted and replaced. Without it that is a conflict.
   */
  replaceExisting?: boolean
  /** Attempts for network failures, 5xx and rate limits. Default: the client's retries + 1. */
  maxAttempts?: number
}

export interface UploadedAsset {
  asset: GitHubAsset
  /** SHA-256 of the bytes sent (or, for an accepted existing asset, of the bytes on disk). */
  sha256: string
  size: number
  attempts: number
}

const CHUNK_BYTES = 1024 * 1024
/** Left-over half-uploads deleted before giving up: one per failed attempt is the normal case. */
const MAX_LEFTOVER_DELETIONS = 4

/** owner, repo and release id from an upload_url (`…/repos/{owner}/{repo}/releases/{id}/assets{?…}`). */
export function parseUploadUrl(uploadUrl: string): RepoRef & { release_id: number } {
  const match = /\/repos\/([^/]+)\/([^/]+)\/releases\/(\d+)\/assets(?:[{?]|$)/.exec(uploadUrl)
  if (!match?.[1] || !match[2] || !match[3]) {
    throw new RegistryError('unavailable', `unexpected release upload_url from GitHub: ${uploadUrl}`)
  }
  return {
    owner: decodeURIComponent(match[1]),
    repo: decodeURIComponent(match[2]),
    release_id: Number(match[3])
  }
}

/** Per-attempt facts the body generator reports back (the request error hides them). */
interface Attempt {
  hash: Hash
  sent: number
  bodyError?: RegistryError
}

async function* fileRange(
  options: UploadAssetOptions,
  attempt: Attempt,
  watchdog: IdleWatchdog | undefined,
  see: ((chunk: Buffer) => void) | undefined
): AsyncGenerator<Buffer> {
  const { filePath, size } = options
  const start = options.start ?? 0
  if (size > 0) {
    const stream = createReadStream(filePath, { start, end: start + size - 1, highWaterMark: CHUNK_BYTES })
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        attempt.hash.update(chunk)
        attempt.sent += chunk.length
        see?.(chunk)
        watchdog?.touch()
        options.onProgress?.(attempt.sent, size)
        yield chunk
      }
    } catch (error) {
      attempt.bodyError = new RegistryError(
        'invalid-input',
        `cannot read "${filePath}" while uploading it: ${error instanceof Error ? error.message : String(error)}`
      )
      throw attempt.bodyError
    } finally {
      stream.destroy()
    }
  }
  if (attempt.sent !== size) {
    attempt.bodyError = integrityError(
      `"${filePath}" changed while uploading: expected ${size} bytes from offset ${start}, read ${attempt.sent}`,
      { expected_size: size, actual_size: attempt.sent }
    )
    throw attempt.bodyError
  }
}

/** Hashes the range from disk without sending it (to compare with an asset already there). */
async function hashRange(options: UploadAssetOptions): Promise<{ sha256: string; size: number }> {
  const attempt: Attempt = { hash: createHash('sha256'), sent: 0 }
  const see = options.tap?.()
  for await (const _chunk of fileRange({ ...options, onProgress: undefined }, attempt, undefined, see)) {
    // fileRange hashes and counts; nothing else to do with the bytes
  }
  return { sha256: attempt.hash.digest('hex'), size: attempt.sent }
}

export async function uploadAsset(options: UploadAssetOptions): Promise<UploadedAsset> {
  const { client, uploadUrl, name, size, contentType } = options
  const maxAttempts = Math.max(1, options.maxAttempts ?? client.retries + 1)
  const release = parseUploadUrl(uploadUrl)
  const action = `uploading asset ${name}`
  const repo = `${release.owner}/${release.repo}`
  let failures = 0
  let deletions = 0

  for (;;) {
    const attempt: Attempt = { hash: createHash('sha256'), sent: 0 }
    const watchdog = new IdleWatchdog(client.timeoutMs)
    try {
      const response = await client.octokit.request({
        method: 'POST',
        url: uploadUrl,
        name,
        ...(options.label ? { label: options.label } : {}),
        data: fileRange(options, attempt, watchdog, options.tap?.()),
        headers: { 'content-type': contentType, 'content-length': size },
        // The body is a one-shot stream: neither plugin may replay it; this loop retries instead.
        request: { retries: 0, mregNoRetry: true, signal: watchdog.signal }
      })
      return {
        asset: toAsset(response.data),
        sha256: attempt.hash.digest('hex'),
        size: attempt.sent,
        attempts: failures + deletions + 1
      }
    } catch (error) {
      if (attempt.bodyError) throw attempt.bodyError
      if (error instanceof RegistryError) throw error

      if (httpStatus(error) === 422 && validationCodes(error).includes('already_exists')) {
        if (deletions >= MAX_LEFTOVER_DELETIONS) throw client.fail(error, action, repo)
        const existing = (await listAssets(client, release)).find(asset => asset.name === name)
        if (existing && existing.state === 'uploaded' && existing.size === size) {
          const ours = await hashRange(options)
          if (ours.size === size && parseDigest(existing.digest) === ours.sha256) {
            // Our own earlier attempt landed but its response was lost: the bytes are right.
            return { asset: existing, sha256: ours.sha256, size, attempts: failures + deletions + 1 }
          }
        }
        if (existing && existing.state === 'uploaded' && !options.replaceExisting) {
          throw new RegistryError(
            'conflict',
            `asset ${name} already exists on release ${release.release_id} of ${repo} with other content`,
            {
              asset_id: existing.id
            }
          )
        }
        if (existing) {
          client.log.warn(`deleting left-over asset ${name} (state ${existing.state}) before uploading again`)
          await deleteAsset(client, { ...release, asset_id: existing.id })
        }
        deletions++
        continue
      }

      failures++
      if (failures >= maxAttempts) throw client.fail(error, action, repo)
      if (isRateLimited(error)) {
        const wait = retryAfterSeconds(error) ?? 60
        if (wait > client.maxRateLimitWaitSeconds) throw client.fail(error, action, repo)
        client.log.warn(`rate limited while ${action}: waiting ${wait} s`)
        await sleep(wait * 1000)
        continue
      }
      if (!isTransient(error)) throw client.fail(error, action, repo)
      const delay = backoffDelayMs(failures, client.retryBaseMs)
      client.log.warn(
        `${action} failed (${client.fail(error, action, repo).message}); retrying in ${delay} ms`
      )
      await sleep(delay)
    } finally {
      watchdog.stop()
    }
  }
}
