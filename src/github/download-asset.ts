/**
 * Downloads one release asset to a file, hashing while writing. GitHub answers the API request
 * with a redirect to a signed URL on another origin; that origin must not receive the token (it
 * would leak it, and it refuses requests that carry one), so the redirect is followed here, by
 * hand, without the Authorization header.
 */
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import type { FileDigest } from '../stores/artifact-store.js'
import { copyWithHash } from '../stores/hashing.js'
import { RegistryError } from '../domain/errors.js'
import type { GitHubClient } from './client.js'
import { isTransient, toRegistryError } from './errors.js'
import { backoffDelayMs, IdleWatchdog, sleep } from './timing.js'

export interface DownloadAssetOptions {
  client: GitHubClient
  owner: string
  repo: string
  assetId: number
  /** Must not exist yet (it is created exclusively); removed again on failure. */
  destPath: string
  /** Expected size, only for progress reporting. */
  size?: number
  onProgress?: (bytesDone: number, total: number) => void
  /** Attempts for network failures and 5xx. Default: the client's retries + 1. */
  maxAttempts?: number
}

const MAX_REDIRECTS = 5

/** An HTTP failure of the download origin, shaped like Octokit's errors so the mapping applies. */
function httpError(status: number, message: string): Error {
  return Object.assign(new Error(`download answered ${status}`), {
    status,
    response: { status, headers: {}, data: { message } }
  })
}

/** Marks where a failure happened, so "cannot reach" names the download origin, not the API. */
interface OriginTagged {
  mregOrigin?: string
}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308
}

async function discard(body: unknown): Promise<void> {
  if (body && typeof (body as { cancel?: unknown }).cancel === 'function') {
    await (body as { cancel(): Promise<void> }).cancel().catch(() => undefined)
  }
}

/**
 * The bytes of a response body, read through the web stream's own iterator. Not
 * `Readable.fromWeb`: when the connection drops mid-body, its adapter rethrows undici's
 * "TypeError: terminated" outside any await — an uncaught exception that kills the process
 * (https://github.com/nodejs/node/issues/49233) — where the iterator rejects the pending read.
 */
async function* chunksOf(body: unknown): AsyncIterable<Uint8Array> {
  if (body) yield* body as WebReadableStream<Uint8Array>
}

/** GETs a signed URL, following further redirects, never with credentials. */
async function fetchWithoutAuth(
  start: URL,
  client: GitHubClient,
  signal: AbortSignal
): Promise<AsyncIterable<Uint8Array>> {
  let url = start
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    let response: Response
    try {
      response = await client.fetch(url, {
        headers: { accept: 'application/octet-stream', 'user-agent': client.userAgent },
        redirect: 'manual',
        signal
      })
    } catch (error) {
      throw Object.assign(error as object, { mregOrigin: url.origin })
    }
    const location = response.headers.get('location')
    if (isRedirect(response.status) && location) {
      await discard(response.body)
      url = new URL(location, url)
      continue
    }
    if (!response.ok) {
      const text = await response.text().catch(() => '')
      throw Object.assign(httpError(response.status, text.slice(0, 200)), { mregOrigin: url.origin })
    }
    return chunksOf(response.body)
  }
  throw new Error(`more than ${MAX_REDIRECTS} redirects downloading from ${start.origin}`)
}

/** The asset's bytes: from the API itself, or from wherever it redirects. */
async function openAssetBody(
  options: DownloadAssetOptions,
  signal: AbortSignal
): Promise<AsyncIterable<Uint8Array>> {
  const { client, owner, repo, assetId } = options
  const response = await client.octokit.request('GET /repos/{owner}/{repo}/releases/assets/{asset_id}', {
    owner,
    repo,
    asset_id: assetId,
    headers: { accept: 'application/octet-stream' },
    // manual: fetch would otherwise follow the redirect and send the token along
    request: { redirect: 'manual', parseSuccessResponseBody: false, signal }
  })
  const status = response.status as number
  const body = response.data as unknown
  if (isRedirect(status)) {
    await discard(body)
    const location = response.headers.location
    if (!location) throw httpError(502, `GitHub answered ${status} without a Location`)
    return fetchWithoutAuth(new URL(location, `${client.apiUrl}/`), client, signal)
  }
  return chunksOf(body)
}

export async function downloadAsset(options: DownloadAssetOptions): Promise<FileDigest> {
  const { client, destPath, assetId } = options
  const maxAttempts = Math.max(1, options.maxAttempts ?? client.retries + 1)
  const action = `downloading asset ${assetId}`
  const repo = `${options.owner}/${options.repo}`
  for (let attempt = 1; ; attempt++) {
    const watchdog = new IdleWatchdog(client.timeoutMs)
    try {
      const body = await openAssetBody(options, watchdog.signal)
      return await copyWithHash(body, destPath, {
        total: options.size,
        onProgress: (done, total) => {
          watchdog.touch()
          options.onProgress?.(done, total)
        }
      })
    } catch (error) {
      // copyWithHash removed its own partial file; a file that was there before is not ours to touch
      if (error instanceof RegistryError) throw error
      const origin = (error as OriginTagged | null)?.mregOrigin ?? client.apiUrl
      const failure = toRegistryError(error, { apiUrl: origin, action, repo, redact: client.redact })
      if (attempt >= maxAttempts || !isTransient(error)) throw failure
      const delay = backoffDelayMs(attempt, client.retryBaseMs)
      client.log.warn(`${action} failed (${failure.message}); retrying in ${delay} ms`)
      await sleep(delay)
    } finally {
      watchdog.stop()
    }
  }
}
