/**
 * The releases that hold registry versions: every release whose tag parses as `<name>@v<version>`
 * (drafts included), for cleanup's orphan sweep and doctor.
 */
import { listReleases } from '../../github/releases.js'
import { parseDigest } from '../../github/types.js'
import { parseReleaseTag } from './naming.js'
import type { ReleaseContext } from './remove-release.js'

export interface RegistryRelease {
  id: number
  tag: string
  /** Model name and version, parsed from the tag. */
  name: string
  version: string
  created_at: string
  draft: boolean
  assets: { id: number; name: string; size: number; state: string; sha256: string | null }[]
}

export async function listRegistryReleases(context: ReleaseContext): Promise<RegistryRelease[]> {
  const releases = await listReleases(context.client, { owner: context.owner, repo: context.repo })
  const result: RegistryRelease[] = []
  for (const release of releases) {
    const parsed = parseReleaseTag(release.tag_name)
    if (!parsed) continue
    result.push({
      id: release.id,
      tag: release.tag_name,
      name: parsed.name,
      version: parsed.version,
      created_at: release.created_at,
      draft: release.draft,
      assets: release.assets.map(a => ({
        id: a.id,
        name: a.name,
        size: a.size,
        state: a.state,
        sha256: parseDigest(a.digest)
      }))
    })
  }
  return result
}
