/**
 * Release assets: list, get (JSON, or a 302 to the download origin for application/octet-stream),
 * update, delete. Uploading is in upload.ts.
 */
import { ApiError, notFound, paginate, type EmulatorContext, type Handler } from '../context.js'
import { releaseAsset } from '../representations/releases.js'
import { timestamp, type AssetRecord, type ReleaseRecord } from '../state.js'

function findAsset(ctx: EmulatorContext, id: unknown): { release: ReleaseRecord; asset: AssetRecord } {
  const found = ctx.state.asset(Number(id))
  if (!found) throw notFound()
  return found
}

/** Rule immutable-release: assets of a published immutable release cannot change. */
export function refuseIfImmutable(release: ReleaseRecord, action: string): void {
  if (release.immutable && !release.draft) {
    throw new ApiError(422, `Cannot ${action} an immutable release`, { rule: 'immutable-release' })
  }
}

export const listReleaseAssets: Handler = (ctx, req) => {
  const release = ctx.state.release(Number(req.params.release_id))
  if (!release) throw notFound()
  const sorted = [...release.assets].sort((a, b) => a.id - b.id)
  const { page, headers } = paginate(req, sorted)
  return { status: 200, body: page.map(a => releaseAsset(ctx, release, a)), headers }
}

function wantsBytes(accept: string | undefined): boolean {
  return (accept ?? '')
    .split(',')
    .some(part => part.trim().toLowerCase().startsWith('application/octet-stream'))
}

export const getReleaseAsset: Handler = (ctx, req) => {
  const { release, asset } = findAsset(ctx, req.params.asset_id)
  if (wantsBytes(req.headers.accept)) {
    // Rule asset-download-redirect: the bytes live on another origin behind a signed URL.
    return {
      status: 302,
      headers: { location: ctx.signDownload(asset.id, asset.name) },
      rule: 'asset-download-redirect'
    }
  }
  return { status: 200, body: releaseAsset(ctx, release, asset) }
}

export const updateReleaseAsset: Handler = (ctx, req) => {
  const { release, asset } = findAsset(ctx, req.params.asset_id)
  refuseIfImmutable(release, 'modify assets of')
  const input = req.body as { name?: string; label?: string }
  if (input.name !== undefined && input.name !== asset.name) {
    if (release.assets.some(a => a !== asset && a.name === input.name)) {
      throw new ApiError(422, 'Validation Failed', {
        errors: [{ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' }],
        rule: 'duplicate-asset-name'
      })
    }
    asset.name = input.name
  }
  if (input.label !== undefined) asset.label = input.label
  asset.updatedAt = timestamp()
  return { status: 200, body: releaseAsset(ctx, release, asset) }
}

export const deleteReleaseAsset: Handler = (ctx, req) => {
  const { release, asset } = findAsset(ctx, req.params.asset_id)
  refuseIfImmutable(release, 'delete assets from')
  release.assets = release.assets.filter(a => a !== asset)
  return { status: 204 }
}
