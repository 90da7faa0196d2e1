/**
 * POST {upload_url}: the streaming asset upload. Like GitHub, the asset exists from the first
 * byte in state `starter` and becomes `uploaded` when the body is complete; an upload that dies
 * midway leaves the `starter` asset behind, blocking its name until deleted (rule starter-asset).
 */
import { createHash } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { ApiError, RequestMismatch, notFound, type EmulatorContext, type Handler } from '../context.js'
import { releaseAsset } from '../representations/releases.js'
import { timestamp, type AssetRecord, type ReleaseRecord } from '../state.js'
import { refuseIfImmutable } from './assets.js'

/** Read and discard a request body, so the client can read our early answer. */
export function drain(req: IncomingMessage): Promise<void> {
  return new Promise(resolve => {
    if (req.readableEnded) return resolve()
    req.on('end', () => resolve())
    req.on('close', () => resolve())
    req.on('error', () => resolve())
    req.resume()
  })
}

/**
 * Rule asset-name-sanitised. GitHub documents the renaming without its exact algorithm: this
 * replaces characters outside [A-Za-z0-9._+-] (and `@`, which GitHub keeps in practice) with '.'
 * and trims leading and trailing periods.
 */
export function sanitiseAssetName(name: string): string {
  return name.replace(/[^A-Za-z0-9._+@-]/g, '.').replace(/^\.+|\.+$/g, '')
}

/** Rule asset-count-limit (rules.ts has the sources). */
export const MAX_ASSETS_PER_RELEASE = 1000

function newStarter(
  ctx: EmulatorContext,
  release: ReleaseRecord,
  name: string,
  label: string | null,
  type: string
): AssetRecord {
  const now = timestamp()
  const asset: AssetRecord = {
    id: ctx.state.nextId(),
    releaseId: release.id,
    name,
    label,
    contentType: type,
    size: 0,
    state: 'starter',
    sha256: null,
    bytes: null,
    downloadCount: 0,
    uploader: ctx.state.viewer,
    createdAt: now,
    updatedAt: now
  }
  release.assets.push(asset)
  return asset
}

/** Leftovers the fault injector asked for with an explicit release id. */
export function plantStarters(ctx: EmulatorContext): void {
  for (const { name, releaseId } of ctx.faults.immediateStarters.splice(0)) {
    const release = ctx.state.release(releaseId)
    if (release) newStarter(ctx, release, name, null, 'application/octet-stream')
  }
}

export const uploadReleaseAsset: Handler = async (ctx, req) => {
  const raw = req.raw
  const release = ctx.state.release(Number(req.params.release_id))
  if (!release) {
    await drain(raw)
    throw notFound()
  }
  // Rule upload-headers-required: the description calls both headers required.
  const contentType = raw.headers['content-type']
  const lengthHeader = raw.headers['content-length']
  if (!contentType || lengthHeader === undefined) {
    await drain(raw)
    throw new RequestMismatch(
      `upload-release-asset needs Content-Type and Content-Length headers (got ${JSON.stringify({ contentType, lengthHeader })})`
    )
  }
  const length = Number(lengthHeader)
  try {
    refuseIfImmutable(release, 'upload assets to')
    if (length < 1) {
      throw new ApiError(422, 'Validation Failed', {
        rule: 'asset-not-empty',
        errors: [
          {
            resource: 'ReleaseAsset',
            code: 'custom',
            field: 'size',
            message: 'size must be greater than or equal to 1'
          }
        ]
      })
    }
    if (length > ctx.maxAssetBytes) {
      throw new ApiError(422, 'Validation Failed', {
        rule: 'asset-size-limit',
        errors: [
          {
            resource: 'ReleaseAsset',
            code: 'custom',
            field: 'size',
            message: `size must be less than or equal to ${ctx.maxAssetBytes} bytes`
          }
        ]
      })
    }
    // Rule asset-count-limit: a release holds at most 1000 assets.
    if (release.assets.length >= MAX_ASSETS_PER_RELEASE) {
      throw new ApiError(422, 'Validation Failed', {
        rule: 'asset-count-limit',
        errors: [
          {
            resource: 'ReleaseAsset',
            code: 'custom',
            field: 'file_count',
            message: `file_count limited to ${MAX_ASSETS_PER_RELEASE} assets`
          }
        ]
      })
    }
    const name = sanitiseAssetName(String(req.query.name))
    const label = req.query.label === undefined ? null : String(req.query.label)
    if (ctx.faults.takeStarter(name) && !release.assets.some(a => a.name === name)) {
      newStarter(ctx, release, name, label, contentType)
    }
    if (release.assets.some(a => a.name === name)) {
      throw new ApiError(422, 'Validation Failed', {
        rule: 'duplicate-asset-name',
        errors: [{ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' }]
      })
    }
    const asset = newStarter(ctx, release, name, label, contentType)
    const reset = ctx.faults.takeReset(name)
    const bytes = await receive(raw, reset ? (reset.afterBytes ?? Math.floor(length / 2)) : undefined)
    if (bytes === undefined)
      return { status: 0, handled: true, rule: reset ? 'injected-fault' : 'starter-asset' }

    if (ctx.faults.takeCorruption(name) && bytes.length > 0) bytes[0] = (bytes[0] as number) ^ 0xff
    // Rule asset-digest: over the bytes received, whatever the client believes it sent.
    asset.sha256 = createHash('sha256').update(bytes).digest('hex')
    asset.bytes = bytes
    asset.size = bytes.length
    asset.state = 'uploaded'
    asset.updatedAt = timestamp()
    return { status: 201, body: releaseAsset(ctx, release, asset), rule: 'asset-digest' }
  } catch (error) {
    await drain(raw)
    throw error
  }
}

/**
 * The whole body, or undefined when the connection died first. With `cutAfter`, the socket is
 * destroyed once that many bytes have arrived (the injected mid-upload reset).
 */
function receive(req: IncomingMessage, cutAfter?: number): Promise<Buffer | undefined> {
  return new Promise(resolve => {
    const chunks: Buffer[] = []
    let received = 0
    let done = false
    const finish = (value: Buffer | undefined): void => {
      if (done) return
      done = true
      resolve(value)
    }
    req.on('data', (chunk: Buffer) => {
      if (done) return
      chunks.push(chunk)
      received += chunk.length
      if (cutAfter !== undefined && received >= cutAfter) {
        req.socket.destroy()
        finish(undefined)
      }
    })
    req.on('end', () => finish(Buffer.concat(chunks)))
    req.on('aborted', () => finish(undefined))
    req.on('close', () => {
      if (!req.complete) finish(undefined)
    })
    req.on('error', () => finish(undefined))
  })
}
