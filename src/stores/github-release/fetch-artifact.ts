/**
 * Downloads a version's asset(s) to a path, verifying every byte: each asset against its
 * recorded SHA-256, then the reassembled file against the artifact's. The result is moved into
 * place only when everything matched; on any failure nothing is left at the path.
 */
import { createReadStream } from 'node:fs'
import { integrityError, isRegistryError, notFound, RegistryError } from '../../domain/errors.js'
import type { Artifact, ReleaseAssetRef } from '../../domain/types.js'
import { downloadAsset } from '../../github/assets.js'
import { listAssets } from '../../github/releases.js'
import { parseDigest } from '../../github/types.js'
import type { FetchResult } from '../artifact-store.js'
import { moveIntoPlace, removeQuietly, tempPathBeside } from '../atomic-file.js'
import { copyWithHash } from '../hashing.js'
import type { ReleaseContext } from './remove-release.js'

export interface FetchContext extends ReleaseContext {
  onProgress?: (bytesDone: number, total: number) => void
}

export function checksumMismatch(
  file: string,
  expected: string,
  actual: string,
  extra = {},
  where = ''
): RegistryError {
  return integrityError(`checksum mismatch for ${file}: expected ${expected}, got ${actual}${where}`, {
    expected,
    actual,
    ...extra
  })
}

/** Where an asset is, for messages: `release asset NAME of release TAG`. */
export function assetPlace(artifact: Artifact, asset: { name: string }): string {
  const tag = artifact.release?.tag
  return `release asset ${asset.name}${tag === undefined ? '' : ` of release ${tag}`}`
}

/**
 * Why a recorded asset could not be downloaded (GitHub answered 404 for its id), from one listing
 * of its release: replaced (another asset holds its name now: its bytes are not the registered
 * ones, an integrity failure) or missing.
 */
async function explainMissing(
  context: FetchContext,
  artifact: Artifact,
  asset: ReleaseAssetRef,
  cause: RegistryError
): Promise<RegistryError> {
  const release = artifact.release
  if (!release) return cause
  let listed
  try {
    listed = await listAssets(context.client, {
      owner: context.owner,
      repo: context.repo,
      release_id: release.id
    })
  } catch (error) {
    if (isRegistryError(error) && error.kind === 'not-found')
      return notFound(`release ${release.tag} (id ${release.id}) holding ${artifact.file_name} is gone`, {
        release_id: release.id
      })
    return cause
  }
  const now = listed.find(a => a.name === asset.name)
  if (now) {
    const digest = parseDigest(now.digest)
    return integrityError(
      `${assetPlace(artifact, asset)} was replaced after registration: the registry recorded asset id ${asset.id} (sha256 ${asset.sha256}), GitHub now holds asset id ${now.id}${digest ? ` (sha256 ${digest})` : ''}; ${artifact.file_name} is not the registered file`,
      { asset: asset.name, asset_id: asset.id, replaced_by: now.id, expected: asset.sha256 }
    )
  }
  return notFound(
    `${assetPlace(artifact, asset)} (id ${asset.id}) holding ${artifact.file_name} is missing`,
    { asset: asset.name, asset_id: asset.id }
  )
}

/** The recorded assets in part order (by part name when parts are recorded). */
export function assetsInOrder(artifact: Artifact): ReleaseAssetRef[] {
  const assets = artifact.assets ?? []
  if (assets.length === 0) {
    throw new RegistryError(
      'not-found',
      `${artifact.file_name}: the metadata records no release asset to download`
    )
  }
  const parts = artifact.parts
  if (!parts || parts.length === 0) {
    if (assets.length !== 1) {
      throw integrityError(`${artifact.file_name}: ${assets.length} assets recorded but no parts`)
    }
    return assets
  }
  return [...parts]
    .sort((a, b) => a.index - b.index)
    .map(part => {
      const asset = assets.find(a => a.name === part.name) ?? assets[part.index]
      if (!asset) throw integrityError(`${artifact.file_name}: no asset recorded for part ${part.index}`)
      // The part's own record is the authority on its hash and size.
      return { ...asset, sha256: part.sha256, size: part.size }
    })
}

async function* concatenate(paths: string[]): AsyncGenerator<Buffer> {
  for (const path of paths) {
    const stream = createReadStream(path, { highWaterMark: 1024 * 1024 })
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) yield chunk
    } finally {
      stream.destroy()
    }
  }
}

export async function fetchArtifact(
  context: FetchContext,
  artifact: Artifact,
  outPath: string
): Promise<FetchResult> {
  const { client, owner, repo } = context
  const assets = assetsInOrder(artifact)
  const temps: string[] = []
  let done = 0
  let lastDigest = ''
  try {
    for (const asset of assets) {
      const temp = tempPathBeside(outPath)
      temps.push(temp)
      const before = done
      const got = await downloadAsset({
        client,
        owner,
        repo,
        assetId: asset.id,
        destPath: temp,
        size: asset.size,
        onProgress: bytes => context.onProgress?.(before + bytes, artifact.size)
      }).catch(async (error: unknown) => {
        if (isRegistryError(error) && error.kind === 'not-found')
          throw await explainMissing(context, artifact, asset, error)
        throw error
      })
      done += got.size
      lastDigest = got.sha256
      // A lone asset is the whole file: it is checked against the artifact's hash below.
      if (assets.length > 1 && got.sha256 !== asset.sha256) {
        throw checksumMismatch(
          asset.name,
          asset.sha256,
          got.sha256,
          { asset: asset.name, asset_id: asset.id },
          ` (${assetPlace(artifact, asset)})`
        )
      }
    }

    let final: string
    let whole: { sha256: string; size: number }
    if (temps.length === 1 && temps[0]) {
      final = temps[0]
      whole = { sha256: lastDigest, size: done }
    } else {
      final = tempPathBeside(outPath)
      temps.push(final)
      whole = await copyWithHash(concatenate(temps.slice(0, -1)), final)
    }
    if (whole.sha256 !== artifact.sha256)
      throw checksumMismatch(
        artifact.file_name,
        artifact.sha256,
        whole.sha256,
        {},
        ` (${assets.map(asset => assetPlace(artifact, asset)).join(', ')})`
      )
    if (whole.size !== artifact.size) {
      throw integrityError(
        `size mismatch for ${artifact.file_name}: expected ${artifact.size} bytes, got ${whole.size}`,
        {
          expected_size: artifact.size,
          actual_size: whole.size
        }
      )
    }
    await moveIntoPlace(final, outPath)
    return { path: outPath, sha256: whole.sha256, size: whole.size }
  } finally {
    // After a successful move the final temp no longer exists; removing it is a no-op.
    await Promise.all(temps.map(temp => removeQuietly(temp)))
  }
}
