/** `release` and `release-asset` as GitHub renders them. */
import type { EmulatorContext } from '../context.js'
import type { AssetRecord, ReleaseRecord } from '../state.js'
import { enc, nodeId, repoApi, repoWeb, user, type Json } from './common.js'

/** Drafts have no tag yet; the web addresses them as `untagged-<hex>` (rule draft-has-no-tag). */
function webTag(release: ReleaseRecord): string {
  return release.draft ? release.untaggedName : release.tagName
}

export function releaseAsset(ctx: EmulatorContext, release: ReleaseRecord, asset: AssetRecord): Json {
  return {
    url: `${repoApi(ctx)}/releases/assets/${asset.id}`,
    browser_download_url: `${repoWeb(ctx)}/releases/download/${enc(webTag(release))}/${enc(asset.name)}`,
    id: asset.id,
    node_id: nodeId('ReleaseAsset', asset.id),
    name: asset.name,
    label: asset.label,
    state: asset.state,
    content_type: asset.contentType,
    size: asset.size,
    // rule asset-digest: sha256 over the bytes received; starter assets have none
    digest: asset.sha256 ? `sha256:${asset.sha256}` : null,
    download_count: asset.downloadCount,
    created_at: asset.createdAt,
    updated_at: asset.updatedAt,
    uploader: user(ctx, asset.uploader)
  }
}

export function release(ctx: EmulatorContext, record: ReleaseRecord): Json {
  const url = `${repoApi(ctx)}/releases/${record.id}`
  return {
    url,
    html_url: `${repoWeb(ctx)}/releases/tag/${enc(webTag(record))}`,
    assets_url: `${url}/assets`,
    // A hypermedia template, like GitHub's `https://uploads.github.com/repos/o/r/releases/1/assets{?name,label}`.
    upload_url: `${ctx.uploadsUrl}/repos/${enc(ctx.owner)}/${enc(ctx.repo)}/releases/${record.id}/assets{?name,label}`,
    tarball_url: record.draft ? null : `${repoApi(ctx)}/tarball/${enc(record.tagName)}`,
    zipball_url: record.draft ? null : `${repoApi(ctx)}/zipball/${enc(record.tagName)}`,
    id: record.id,
    node_id: nodeId('Release', record.id),
    tag_name: record.tagName,
    target_commitish: record.targetCommitish,
    name: record.name,
    body: record.body,
    draft: record.draft,
    prerelease: record.prerelease,
    immutable: record.immutable,
    created_at: record.createdAt,
    published_at: record.publishedAt,
    updated_at: record.updatedAt,
    author: user(ctx, record.author),
    assets: record.assets.map(asset => releaseAsset(ctx, record, asset))
  }
}
