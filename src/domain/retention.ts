/**
 * Retention planning (the Python registry's cleanup_old_versions, made safe): which versions' artifacts a
 * cleanup may delete. The rule, in order, for each model:
 *   1. already archived versions are left alone and do not count toward N;
 *   2. the N most recently registered live versions are kept, whatever their stage;
 *   3. an older version is kept if its stage is protected, if it is the parent of a live version
 *      in a protected stage (the lineage of what serves traffic), or if it is younger than the
 *      minimum age; otherwise it is deleted.
 * The plan is a fixed point: applying it and planning again deletes nothing more.
 */
import { invalidInput } from './errors.js'
import { formatReference } from './references.js'
import { isArchived, newestFirst, registeredAtMs } from './ordering.js'
import type { ModelIndex, ModelVersion, RetentionPolicy } from './types.js'

const DAY_MS = 24 * 60 * 60 * 1000

export interface RetentionDecision {
  version: ModelVersion
  action: 'keep' | 'delete'
  reason: string
}

export interface RetentionOptions {
  retention: RetentionPolicy
  now: Date
  /** Overrides retention.keep_last (e.g. `cleanup --keep-last`). */
  keepLast?: number
  /** Overrides retention.min_age_days. */
  minAgeDays?: number
  /**
   * Versions of other models whose parent_model_id may point into this one (a fine-tune of
   * another model); planRegistryRetention passes the whole registry.
   */
  related?: ModelVersion[]
}

export interface RetentionInput extends RetentionOptions {
  /** The versions of one model. */
  versions: ModelVersion[]
}

function settings(options: RetentionOptions): { keepLast: number; minAgeDays: number } {
  const keepLast = options.keepLast ?? options.retention.keep_last
  const minAgeDays = options.minAgeDays ?? options.retention.min_age_days
  if (!Number.isInteger(keepLast) || keepLast < 1) {
    throw invalidInput(`invalid keep-last ${keepLast}: use a whole number of at least 1`)
  }
  if (!Number.isFinite(minAgeDays) || minAgeDays < 0) {
    throw invalidInput(`invalid minimum age ${minAgeDays} days: use a number of days of at least 0`)
  }
  return { keepLast, minAgeDays }
}

/** parent model_id → the first live version in a protected stage that descends from it. */
function protectedChildren(
  versions: ModelVersion[],
  protect: ReadonlySet<string>
): Map<string, ModelVersion> {
  const children = new Map<string, ModelVersion>()
  for (const v of versions) {
    if (
      v.parent_model_id &&
      !isArchived(v) &&
      protect.has(v.deployment_stage) &&
      !children.has(v.parent_model_id)
    ) {
      children.set(v.parent_model_id, v)
    }
  }
  return children
}

export function planRetention(input: RetentionInput): RetentionDecision[] {
  const { keepLast, minAgeDays } = settings(input)
  const protect = new Set(input.retention.protect_stages)
  const children = protectedChildren([...input.versions, ...(input.related ?? [])], protect)
  const newest = new Set(
    input.versions
      .filter(v => !isArchived(v))
      .sort(newestFirst)
      .slice(0, keepLast)
  )
  const now = input.now.getTime()
  return input.versions.map((version): RetentionDecision => {
    if (isArchived(version)) return { version, action: 'keep', reason: 'already archived' }
    if (newest.has(version)) return { version, action: 'keep', reason: `within last ${keepLast}` }
    if (protect.has(version.deployment_stage)) {
      return { version, action: 'keep', reason: `protected stage: ${version.deployment_stage}` }
    }
    const child = children.get(version.model_id)
    if (child) {
      return {
        version,
        action: 'keep',
        reason: `parent of ${formatReference(child)} (${child.deployment_stage})`
      }
    }
    if (minAgeDays > 0 && now - registeredAtMs(version) < minAgeDays * DAY_MS) {
      return { version, action: 'keep', reason: `younger than ${minAgeDays} days` }
    }
    return { version, action: 'delete', reason: `older than the last ${keepLast} and not protected` }
  })
}

/** Every model's plan, flattened; parent links across models are honoured. */
export function planRegistryRetention(indexes: ModelIndex[], options: RetentionOptions): RetentionDecision[] {
  const all = indexes.flatMap(index => index.versions)
  return indexes.flatMap(index =>
    planRetention({ ...options, versions: index.versions, related: [...(options.related ?? []), ...all] })
  )
}
