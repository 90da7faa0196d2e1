/**
 * Names the release store gives things on GitHub: the tag of a version's release, the assets of
 * a split file, and the browser URLs users see in metadata. Pure, so they are unit-tested.
 */
import parseSemver from 'semver/functions/parse.js'

/** DESIGN.md's model name rule; repeated here so that tag parsing does not depend on the CLI's parsers. */
const MODEL_NAME = /^[a-z0-9][a-z0-9_.-]{0,62}$/

/** `<name>@v<version>`: the version's release tag. */
export function releaseTag(name: string, version: string): string {
  return `${name}@v${version}`
}

/** The name and version of a registry tag, or null for any other tag (user releases). */
export function parseReleaseTag(tag: string): { name: string; version: string } | null {
  const at = tag.lastIndexOf('@v')
  if (at <= 0) return null
  const name = tag.slice(0, at)
  const version = tag.slice(at + 2)
  if (!MODEL_NAME.test(name) || !isExactSemver(version)) return null
  return { name, version }
}

/** Strict: semver itself would accept `v1.0.0` or ` 1.0.0` and normalise away build metadata. */
function isExactSemver(version: string): boolean {
  const parsed = parseSemver(version)
  if (!parsed || !/^\d/.test(version)) return false
  const build = parsed.build.length > 0 ? `+${parsed.build.join('.')}` : ''
  return `${parsed.version}${build}` === version
}

/** `<file_name>.part000`, `.part001`…: zero-padded so the assets sort in order. */
export function partName(fileName: string, index: number): string {
  return `${fileName}.part${String(index).padStart(3, '0')}`
}

const trimSlash = (url: string): string => url.replace(/\/+$/, '')

/** `${serverUrl}/${owner}/${repo}/releases/download/<tag>/<name>`, what a browser downloads. */
export function assetDownloadUrl(
  serverUrl: string,
  owner: string,
  repo: string,
  tag: string,
  asset: string
): string {
  return `${trimSlash(serverUrl)}/${owner}/${repo}/releases/download/${encodeURIComponent(tag)}/${encodeURIComponent(asset)}`
}

/** `${serverUrl}/${owner}/${repo}/releases/tag/<tag>`, the release page. */
export function releasePageUrl(serverUrl: string, owner: string, repo: string, tag: string): string {
  return `${trimSlash(serverUrl)}/${owner}/${repo}/releases/tag/${encodeURIComponent(tag)}`
}
