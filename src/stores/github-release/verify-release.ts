/**
 * Verification of a version's release assets without trusting the branch alone: each recorded
 * asset is looked up by id in one listing of its release; GitHub's digests judge it when GitHub
 * gives them, otherwise the bytes are downloaded to a temp directory and hashed. Split out of
 * github-release-store.ts, which delegates verify() and verifyFiles() here.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isRegistryError } from '../../domain/errors.js'
import { fileArtifacts } from '../../domain/manifest.js'
import type { Artifact, ReleaseAssetRef } from '../../domain/types.js'
import { listAssets } from '../../github/releases.js'
import { parseDigest, type GitHubAsset } from '../../github/types.js'
import type { FetchResult, FileVerification, Verification } from '../artifact-store.js'
import { verifyEachFile } from '../verify-files.js'
import { EMPTY_SHA256 } from './directory-assets.js'
import { assetPlace, assetsInOrder } from './fetch-artifact.js'
import type { ReleaseContext } from './remove-release.js'

export interface VerifyContext extends ReleaseContext {
  /** The store's own fetch (empty files included), for assets GitHub gives no digest for. */
  download: (artifact: Artifact, outPath: string) => Promise<FetchResult>
}

/** An empty file of a directory version: no asset holds it (GitHub refuses empty assets). */
export function isEmptyFile(artifact: Artifact): boolean {
  return artifact.size === 0 && artifact.sha256 === EMPTY_SHA256 && (artifact.assets ?? []).length === 0
}

/**
 * GitHub's own asset digests, when it gives them, are a re-hash of the stored bytes on its side:
 * matching part digests prove the whole file (verified at registration) is intact. Without
 * digests the file is downloaded to a temp directory and hashed.
 */
export async function verifyRelease(context: VerifyContext, artifact: Artifact): Promise<Verification> {
  if (isEmptyFile(artifact)) return { ok: true, actual: EMPTY_SHA256, present: true }
  const release = artifact.release
  if (!release || !artifact.assets?.length) return { ok: false, actual: null, present: false }
  const listed = await listedAssets(context, release.id)
  if (listed === null)
    return { ok: false, actual: null, present: false, where: `release ${release.tag} is gone` }
  return judge(context, artifact, listed)
}

/**
 * Every file of a directory version against one listing of its release (not one per file): a
 * file whose assets all carry GitHub's digest is judged by them, the others are downloaded.
 */
export async function verifyReleaseFiles(
  context: VerifyContext,
  artifact: Artifact
): Promise<FileVerification[]> {
  if (!artifact.manifest || !artifact.release)
    return verifyEachFile(file => verifyRelease(context, file), artifact)
  const listed = await listedAssets(context, artifact.release.id)
  const results: FileVerification[] = []
  for (const file of fileArtifacts(artifact)) {
    let result
    if (isEmptyFile(file)) result = { ok: true, actual: EMPTY_SHA256, present: true }
    else if (listed === null)
      result = { ok: false, actual: null, present: false, where: `release ${artifact.release.tag} is gone` }
    else if (!file.assets?.length) result = { ok: false, actual: null, present: false }
    else result = await judge(context, file, listed)
    results.push({ file, ...result })
  }
  return results
}

/** The release's assets, or null when the release is gone. */
async function listedAssets(context: VerifyContext, releaseId: number): Promise<GitHubAsset[] | null> {
  try {
    return await listAssets(context.client, {
      owner: context.owner,
      repo: context.repo,
      release_id: releaseId
    })
  } catch (error) {
    if (isRegistryError(error) && error.kind === 'not-found') return null
    throw error
  }
}

/**
 * Each recorded asset by its id in the listing. An id no longer listed while another asset holds
 * its name is a replacement (deleted and uploaded again: not the registered bytes); a GitHub
 * digest other than the recorded SHA-256 is GitHub saying it holds other bytes. Both are named.
 */
async function judge(
  context: VerifyContext,
  artifact: Artifact,
  listed: GitHubAsset[]
): Promise<Verification> {
  const recorded = assetsInOrder(artifact)
  const found = recorded.map(asset => listed.find(a => a.id === asset.id))
  for (const [i, asset] of recorded.entries()) {
    if (found[i]) continue
    const now = listed.find(a => a.name === asset.name)
    if (!now)
      return { ok: false, actual: null, present: false, where: `${assetPlace(artifact, asset)} is missing` }
    return {
      ok: false,
      actual: recorded.length === 1 ? parseDigest(now.digest) : null,
      present: true,
      where: `${assetPlace(artifact, asset)} was replaced after registration (recorded asset id ${asset.id}, now id ${now.id})`
    }
  }
  const unfinished = found.findIndex(asset => asset?.state !== 'uploaded')
  if (unfinished >= 0) {
    const asset = recorded[unfinished] as ReleaseAssetRef
    return {
      ok: false,
      actual: null,
      present: false,
      where: `${assetPlace(artifact, asset)} is not fully uploaded (state ${found[unfinished]?.state})`
    }
  }
  const digests = found.map(asset => parseDigest(asset?.digest))
  if (digests.every(d => d !== null)) {
    const wrong = digests.findIndex((d, i) => d !== recorded[i]?.sha256)
    if (wrong < 0) return { ok: true, actual: artifact.sha256, present: true }
    const asset = recorded[wrong] as ReleaseAssetRef
    const where = `GitHub's digest of ${assetPlace(artifact, asset)} is sha256:${digests[wrong]}, not the recorded ${asset.sha256}`
    // A part's digest is not the whole file's hash, but it is proof enough that the part is
    // not the one registered (each part's SHA-256 was recorded): no download needed.
    return { ok: false, actual: digests.length === 1 ? (digests[0] ?? null) : null, present: true, where }
  }
  return verifyByDownload(context, artifact)
}

async function verifyByDownload(context: VerifyContext, artifact: Artifact): Promise<Verification> {
  const dir = await mkdtemp(join(tmpdir(), 'mreg-verify-'))
  try {
    const got = await context.download(artifact, join(dir, 'artifact'))
    return { ok: true, actual: got.sha256, present: true }
  } catch (error) {
    if (isRegistryError(error) && error.kind === 'integrity') {
      // A part's mismatch says nothing about the whole file's hash.
      const actual = error.details?.asset === undefined ? error.details?.actual : undefined
      return {
        ok: false,
        actual: typeof actual === 'string' ? actual : null,
        present: true,
        where: `downloaded from ${assetsInOrder(artifact)
          .map(asset => assetPlace(artifact, asset))
          .join(', ')}`
      }
    }
    if (isRegistryError(error) && error.kind === 'not-found')
      return { ok: false, actual: null, present: false, where: error.message }
    throw error
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
