/**
 * Deleting a version's release: its assets, the release, and its tag. Used to undo a
 * registration (the metadata commit failed, or the upload was bad) and by retention. Every step
 * treats "already gone" as done, so a repeated or interrupted removal can simply run again.
 */
import { isRegistryError } from '../../domain/errors.js'
import type { Artifact } from '../../domain/types.js'
import type { GitHubClient } from '../../github/client.js'
import { deleteAsset, deleteRelease, deleteTag, getReleaseByTag } from '../../github/releases.js'

export interface ReleaseContext {
  client: GitHubClient
  owner: string
  repo: string
}

/**
 * Deletes the release and then its tag, unless another published release now holds that tag (a
 * concurrent registration of the same version that won): that tag is not ours to take away.
 */
export async function deleteReleaseAndTag(
  context: ReleaseContext,
  releaseId: number,
  tag: string
): Promise<void> {
  const { client, owner, repo } = context
  await deleteRelease(client, { owner, repo, release_id: releaseId })
  const holder = await getReleaseByTag(client, { owner, repo, tag })
  if (holder && holder.id !== releaseId) return
  try {
    await deleteTag(client, { owner, repo, tag })
  } catch (error) {
    // GitHub keeps the tag of an immutable release for good (422). The release and its bytes are
    // gone, which is what removal is for; failing here would make every retry fail the same way.
    if (!isRegistryError(error) || error.details?.status !== 422) throw error
    client.log.warn(`tag ${tag} stays: ${error.message}`)
  }
}

/** Removes what `artifact` recorded on GitHub. Idempotent. */
export async function removeRelease(context: ReleaseContext, artifact: Artifact): Promise<void> {
  const release = artifact.release
  if (!release) return
  const { client, owner, repo } = context
  // Assets first, so a release whose deletion fails is at least emptied; an immutable release
  // refuses asset deletions, which is fine since deleting the release takes its assets along.
  let assetFailure: unknown
  if (!release.immutable) {
    for (const asset of artifact.assets ?? []) {
      try {
        await deleteAsset(client, { owner, repo, asset_id: asset.id })
      } catch (error) {
        assetFailure ??= error
      }
    }
  }
  await deleteReleaseAndTag(context, release.id, release.tag)
  if (assetFailure)
    client.log.debug?.(`asset deletion failed before the release went: ${String(assetFailure)}`)
}
