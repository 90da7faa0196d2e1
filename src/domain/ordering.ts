/**
 * The one order every listing, index and retention plan agrees on: registration time, then
 * semver. Times are compared as instants (not strings) because `…:00Z` and `…:00.000Z` name the
 * same moment but sort differently as text.
 */
import { compareSemver } from './versions.js'
import type { ModelVersion } from './types.js'

export const ARCHIVED_STAGE = 'archived'

/** What ordering and selection read of a version: a ModelVersion, or a layout 2 row seen as one. */
export type Selectable = Pick<
  ModelVersion,
  'name' | 'model_type' | 'version' | 'registered_at' | 'deployment_stage' | 'tags' | 'performance_metrics'
> & { artifact: { deleted?: boolean } }

/**
 * Parsed registration times by their text: sorting 100,000 rows compares each time ~17 times,
 * and Date.parse is most of a sort's cost. Bounded: cleared when full.
 */
const parsedTimes = new Map<string, number>()
const MAX_PARSED_TIMES = 250_000

export function registeredAtMs(v: Pick<ModelVersion, 'registered_at'>): number {
  let ms = parsedTimes.get(v.registered_at)
  if (ms === undefined) {
    ms = parseRegisteredAt(v.registered_at)
    if (parsedTimes.size >= MAX_PARSED_TIMES) parsedTimes.clear()
    parsedTimes.set(v.registered_at, ms)
  }
  return ms
}

/**
 * A registration time as an instant (an unreadable one counts as the epoch), not kept: for
 * callers that parse each time once (the k-way merge of a listing, the row layout), where the
 * cache above would only hold every time of the registry (100,000 keys and numbers were half of
 * a full listing's live heap, and V8 sizes the heap to a multiple of what is live).
 */
export function parseRegisteredAt(text: string): number {
  const parsed = Date.parse(text)
  return Number.isNaN(parsed) ? 0 : parsed
}

/** Oldest registration first; same instant → lower version first. */
export function byRegistration(a: Selectable, b: Selectable): number {
  return registeredAtMs(a) - registeredAtMs(b) || compareSemver(a.version, b.version)
}

/** Newest registration first; same instant → higher version first. */
export function newestFirst(a: Selectable, b: Selectable): number {
  return byRegistration(b, a)
}

/** A tombstone: retention removed its artifact, or it was moved to the archived stage. */
export function isArchived(v: Pick<Selectable, 'deployment_stage' | 'artifact'>): boolean {
  return v.deployment_stage === ARCHIVED_STAGE || v.artifact.deleted === true
}

/**
 * Entries by key, in UTF-16 code-unit order: the same on every machine and locale (the derived
 * files are byte-for-byte deterministic), and no ICU collator to build — `localeCompare`'s
 * first call costs a command's start-up ~20 ms.
 */
export function byKey(a: readonly [string, unknown], b: readonly [string, unknown]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0
}
