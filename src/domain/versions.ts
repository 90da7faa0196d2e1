/**
 * Semantic versions of a model. Input is taken literally: the registry stores exactly what the
 * schema's semver pattern allows, so `v1.2.3` or `1.2` are refused with a hint rather than fixed.
 */
// One function per module: semver's index loads every function and range helper (~80 KB that each
// command's start-up paid for; docs/BENCHMARKS.md, the scale section).
import compareBuild from 'semver/functions/compare-build.js'
import greaterThan from 'semver/functions/gt.js'
import increment from 'semver/functions/inc.js'
import prerelease from 'semver/functions/prerelease.js'
import validSemver from 'semver/functions/valid.js'
import { invalidInput } from './errors.js'

/** The schema's pattern (schemas/model-version.schema.json#/$defs/semver). */
export const SEMVER_PATTERN =
  /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/

export const FIRST_VERSION = '1.0.0'

export type Bump = 'patch' | 'minor' | 'major'
const BUMPS: readonly Bump[] = ['patch', 'minor', 'major']

export function isVersion(input: string): boolean {
  // semver's valid() also guards what the pattern cannot: components beyond MAX_SAFE_INTEGER.
  return SEMVER_PATTERN.test(input) && validSemver(input) !== null
}

/** `1.2.0-rc.1` is a pre-release; `1.2.0` and `1.2.0+build.5` are releases. */
export function isPrerelease(version: string): boolean {
  return prerelease(version) !== null
}

export function parseVersion(input: string): string {
  if (isVersion(input)) return input
  if (/^[vV]/.test(input) && isVersion(input.slice(1))) {
    throw invalidInput(`invalid version "${input}": write it without the leading "v", e.g. ${input.slice(1)}`)
  }
  if (/^\d+(\.\d+)?$/.test(input)) {
    const parts = input.split('.')
    const full = [...parts, '0', '0'].slice(0, 3).join('.')
    throw invalidInput(`invalid version "${input}": use all three parts MAJOR.MINOR.PATCH, e.g. ${full}`)
  }
  throw invalidInput(`invalid version "${input}": use semantic versioning MAJOR.MINOR.PATCH, e.g. 1.2.0`)
}

export function parseBump(input: string): Bump {
  const found = BUMPS.find(b => b === input)
  if (!found) throw invalidInput(`invalid bump "${input}": use patch, minor or major`)
  return found
}

/**
 * Total order: precedence first, then build metadata, so sorting is deterministic even for
 * versions semver calls equal (`1.0.0+a`, `1.0.0+b`).
 */
export function compareSemver(a: string, b: string): number {
  return compareBuild(a, b)
}

export function sortVersions(versions: string[]): string[] {
  return [...versions].sort(compareSemver)
}

/**
 * Bumps the highest release version. A pre-release ahead of it (`1.2.0-rc.1` over `1.0.0`) is
 * bumped instead, so the result is always greater than every existing version: a patch bump then
 * finalises the pre-release (`1.2.0`), as semver's own increment does.
 */
export function nextVersion(existing: string[], bump: Bump): string {
  const valid = existing.filter(isVersion)
  const releases = valid.filter(v => prerelease(v) === null)
  const highestRelease = releases.length ? sortVersions(releases).at(-1) : undefined
  const candidate = highestRelease ? increment(highestRelease, bump) : FIRST_VERSION
  const highest = valid.length ? sortVersions(valid).at(-1) : undefined
  if (candidate && (!highest || greaterThan(candidate, highest))) return candidate
  // Only reachable when a pre-release or build variant sits at or above the candidate.
  const bumped = highest ? increment(highest, bump) : null
  if (!bumped) throw invalidInput(`cannot bump ${String(highest)}: give the version explicitly`)
  return bumped
}
