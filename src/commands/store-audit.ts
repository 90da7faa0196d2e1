/**
 * What the artifact store holds against what the registry says is live: stored items no live
 * version uses (swept by cleanup, reported by doctor) and live versions whose bytes are gone.
 */
import { formatReference } from '../domain/references.js'
import type { ModelVersion, RegistryPolicy } from '../domain/types.js'
import type { ArtifactStore, InUseCheck, StoredItem } from '../stores/artifact-store.js'
import type { CommandContext } from './context.js'
import { allVersions } from './resolve.js'

/** A registration stores its bytes before it commits: give it this long before they count as orphaned. */
export const DEFAULT_ORPHAN_GRACE_HOURS = 1

export interface StoreAudit {
  /** Items no live version uses: of archived or removed versions at once, unknown ones after the grace period. */
  unused: StoredItem[]
  /** Live versions whose stored item is not there. */
  missing: ModelVersion[]
}

/**
 * `versions` are every version document (live and archived); `gone` are versions this run
 * removed from the branch, whose bytes are therefore known, not orphans. Null for stores that
 * cannot list what they hold.
 */
export async function auditStore(
  store: ArtifactStore,
  policy: RegistryPolicy,
  now: Date,
  versions: ModelVersion[],
  gone: ModelVersion[] = []
): Promise<StoreAudit | null> {
  if (!store.listStored) return null
  const graceMs = (policy.retention.orphan_grace_hours ?? DEFAULT_ORPHAN_GRACE_HOURS) * 3_600_000
  const cutoff = now.getTime() - graceMs
  const live = versions.filter(v => !v.artifact.deleted && v.artifact.store === store.kind)
  const liveKeys = new Set(live.flatMap(itemKeys))
  const knownKeys = new Set(
    [...versions, ...gone].flatMap(v => [...itemKeys(v), `version:${formatReference(v)}`])
  )
  const unused: StoredItem[] = []
  const seen = new Set<string>()
  for await (const item of store.listStored()) {
    const key = keyOf(item)
    seen.add(key)
    if (liveKeys.has(key)) continue
    const known =
      knownKeys.has(key) ||
      (item.owner !== undefined && knownKeys.has(`version:${item.owner.name}@${item.owner.version}`))
    if (known || item.modified.getTime() <= cutoff) unused.push(item)
  }
  const missing = live.filter(v => !itemKeys(v).some(key => seen.has(key)))
  return { unused, missing }
}

/** Content-addressed items are named by their bytes; release items by the release that holds them. */
function keyOf(item: StoredItem): string {
  return item.owner ? `release:${item.owner.release_id}` : `sha256:${item.sha256 ?? item.id}`
}

function itemKeys(version: ModelVersion): string[] {
  const release = version.artifact.release
  // A compressed artifact is stored (and content-addressed) as its compressed bytes.
  return release
    ? [`release:${release.id}`]
    : [`sha256:${version.artifact.stored?.sha256 ?? version.artifact.sha256}`]
}

/**
 * The registry's answer, read fresh when asked, to "does a live version use these stored bytes?":
 * the last check a content-addressed store makes before deleting shared bytes (removeObject).
 */
export function storedBytesInUse(ctx: CommandContext): InUseCheck {
  return async sha256 => {
    const versions = await allVersions(await ctx.backend.snapshot())
    return versions.some(
      v => !v.artifact.deleted && (v.artifact.stored?.sha256 ?? v.artifact.sha256) === sha256
    )
  }
}
