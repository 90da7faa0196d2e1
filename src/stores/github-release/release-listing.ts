/**
 * The releases that hold registry versions: every release whose tag parses as `<name>@v<version>`
 * (drafts included), for cleanup's orphan sweep and doctor — found without paging through every
 * release: GitHub lists the newest 1,000 only (RELEASE_LIST_LIMIT; 422 "Only the first 1000
 * results are available." past them). Every published release holds its tag, and tags are listed
 * without a cap, so when the repository has more releases than that, the release of each model tag
 * the listing left out is looked up by tag, unless the registry's own records call that version
 * live (the audit verifies live versions by release id). A draft has no tag until it is published:
 * a registration leaves one only while it runs, so it is among the newest releases.
 */
import { getReleaseByTag, listReleases, listTagNames, RELEASE_LIST_LIMIT } from '../../github/releases.js'
import { parseDigest, type GitHubRelease } from '../../github/types.js'
import type { RegistryRecords, StoredItem } from '../artifact-store.js'
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

/** The registry's releases among the newest RELEASE_LIST_LIMIT of the repository. */
export async function listRegistryReleases(context: ReleaseContext): Promise<RegistryRelease[]> {
  const releases = await listReleases(context.client, { owner: context.owner, repo: context.repo })
  return releases.flatMap(release => registryRelease(release) ?? [])
}

export async function* listRegistryItems(
  { client, owner, repo }: ReleaseContext,
  records: RegistryRecords
): AsyncIterable<StoredItem> {
  const window = await listReleases(client, { owner, repo })
  const listed = new Set<string>()
  for (const release of window) {
    const item = storedItem(release)
    if (!item) continue
    listed.add(release.tag_name)
    yield item
  }
  if (window.length < RELEASE_LIST_LIMIT) return
  for (const tag of await listTagNames(client, { owner, repo })) {
    const parsed = parseReleaseTag(tag)
    if (!parsed || listed.has(tag) || records.live.has(`${parsed.name}@${parsed.version}`)) continue
    const release = await getReleaseByTag(client, { owner, repo, tag })
    const item = release && storedItem(release)
    if (item) yield item
  }
}

/** A release as the registry sees it, or null when its tag names no model version. */
export function registryRelease(release: GitHubRelease): RegistryRelease | null {
  const parsed = parseReleaseTag(release.tag_name)
  if (!parsed) return null
  return {
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
  }
}

function storedItem(github: GitHubRelease): StoredItem | null {
  const release = registryRelease(github)
  if (!release) return null
  return {
    id: String(release.id),
    size: release.assets.reduce((sum, asset) => sum + asset.size, 0),
    modified: new Date(release.created_at),
    owner: { name: release.name, version: release.version, release_id: release.id },
    label: `release ${release.tag}${release.draft ? ' (draft)' : ''}`,
    ...(release.draft ? { unfinished: true } : {})
  }
}
