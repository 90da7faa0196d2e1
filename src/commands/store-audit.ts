/**
 * What the artifact store holds against what the registry says is live: stored items no live
 * version uses (swept by cleanup, reported by doctor) and live versions whose bytes are gone.
 * The store is told which versions are live, so that one that lists only a window (GitHub: the
 * newest 1,000 releases, where a registration that died leaves its draft) looks up every other
 * release of a model tag by name rather than missing the orphans older than the window.
 */
import { isRegistryError } from '../domain/errors.js'
import { formatReference } from '../domain/references.js'
import type { ModelVersion, RegistryPolicy } from '../domain/types.js'
import type { ArtifactStore, InUseCheck, StoredItem } from '../stores/artifact-store.js'
import type { CommandContext } from './context.js'
import { fileArtifacts } from './directory.js'
import { allVersions } from './resolve.js'

/** A registration stores its bytes before it commits: give it this long before they count as orphaned. */
export const DEFAULT_ORPHAN_GRACE_HOURS = 1

export interface StoreAudit {
  /** Items no live version uses: of archived or removed versions at once, unknown ones after the grace period. */
  unused: StoredItem[]
  /** Live versions whose stored item is not there. */
  missing: ModelVersion[]
  /**
   * Live versions whose stored item was never finished (a draft release: the registration died
   * between committing the metadata and publishing). Cleanup finishes them; doctor reports them.
   */
  unfinished: ModelVersion[]
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
  const liveByKey = new Map(live.flatMap(v => itemKeys(v).map(key => [key, v] as const)))
  const knownKeys = new Set(
    [...versions, ...gone].flatMap(v => [...itemKeys(v), `version:${formatReference(v)}`])
  )
  const unused: StoredItem[] = []
  const unfinished: ModelVersion[] = []
  const seen = new Set<string>()
  const records = { live: new Set(live.map(formatReference)) }
  for await (const item of store.listStored(records)) {
    const key = keyOf(item)
    seen.add(key)
    const owner = liveByKey.get(key)
    if (owner) {
      if (item.unfinished) unfinished.push(owner)
      continue
    }
    const known =
      knownKeys.has(key) ||
      (item.owner !== undefined && knownKeys.has(`version:${item.owner.name}@${item.owner.version}`))
    if (known || item.modified.getTime() <= cutoff) unused.push(item)
  }
  // A store may list only a window of what it holds (GitHub: the newest 1000 releases), so a
  // live version it did not list in full is asked about directly before it counts as missing.
  const missing: ModelVersion[] = []
  for (const version of live.filter(v => !itemKeys(v).every(key => seen.has(key)))) {
    for (const file of fileArtifacts(version.artifact)) {
      // bytes that are there but not a sound object (a FIFO, a symlink) are not missing: doctor
      // reports them as corrupt from its own verification
      const present = await store.verify(file).then(
        result => result.present,
        (error: unknown) => {
          if (isRegistryError(error) && error.kind === 'integrity') return true
          throw error
        }
      )
      if (!present) {
        missing.push(version)
        break
      }
    }
  }
  return { unused, missing, unfinished }
}

/** Content-addressed items are named by their bytes; release items by the release that holds them. */
function keyOf(item: StoredItem): string {
  return item.owner ? `release:${item.owner.release_id}` : `sha256:${item.sha256 ?? item.id}`
}

function itemKeys(version: ModelVersion): string[] {
  const release = version.artifact.release
  // A compressed artifact is stored (and content-addressed) as its compressed bytes; each file of
  // a directory version is an object of its own.
  return release
    ? [`release:${release.id}`]
    : fileArtifacts(version.artifact).map(a => `sha256:${a.stored?.sha256 ?? a.sha256}`)
}

/**
 * The registry's answer, read fresh when asked, to "does a live version use these stored bytes?":
 * the last check a content-addressed store makes before deleting shared bytes (removeObject).
 */
export function storedBytesInUse(ctx: CommandContext): InUseCheck {
  return async sha256 => {
    const versions = await allVersions(await ctx.backend.snapshot())
    return versions.some(
      v =>
        !v.artifact.deleted && fileArtifacts(v.artifact).some(a => (a.stored?.sha256 ?? a.sha256) === sha256)
    )
  }
}
