/**
 * A directory registered as one version: its manifest lists every file (relative path, size,
 * SHA-256) and the version's checksum is the SHA-256 of the manifest's canonical bytes.
 *
 * Canonical bytes (README.md "Directories"): the UTF-8 encoding of the JSON array of the entries,
 * sorted by the UTF-8 bytes of `path`, each entry an object with exactly the keys `path`, `size`,
 * `sha256` in that order, no whitespace (JavaScript's JSON.stringify; Python's
 * `json.dumps(entries, separators=(",", ":"), ensure_ascii=False)` gives the same bytes). Paths use
 * `/`, are relative, and have no empty, `.` or `..` segment.
 */
import { invalidInput } from './errors.js'
import type { Artifact, ManifestEntry } from './types.js'

export function sortManifest(entries: readonly ManifestEntry[]): ManifestEntry[] {
  return [...entries].sort((a, b) => byCodePoints(a.path, b.path))
}

/** Code point order is UTF-8 byte order (UTF-16 code unit order, `<`, is not, above U+FFFF). */
function byCodePoints(a: string, b: string): number {
  const x = [...a]
  const y = [...b]
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i] as string).codePointAt(0)! - (y[i] as string).codePointAt(0)!
    if (d !== 0) return d
  }
  return x.length - y.length
}

export function canonicalManifest(entries: readonly ManifestEntry[]): string {
  return JSON.stringify(sortManifest(entries).map(e => ({ path: e.path, size: e.size, sha256: e.sha256 })))
}

/** A manifest path as stored: checked before it becomes part of a path on disk. */
export function checkManifestPath(path: string): string {
  const segments = path.split('/')
  if (
    path === '' ||
    path.includes('\0') ||
    path.includes('\\') ||
    segments.some(segment => segment === '' || segment === '.' || segment === '..')
  ) {
    throw invalidInput(
      `invalid path "${path}" in a directory manifest: relative, "/"-separated, no "." or ".."`
    )
  }
  return path
}

export function totalSize(entries: readonly ManifestEntry[]): number {
  return entries.reduce((sum, e) => sum + e.size, 0)
}

/**
 * One single-file view per stored file: a directory's files (on GitHub each with the release and
 * the asset(s) holding its bytes, `path` naming the manifest entry), or the artifact itself.
 */
export function fileArtifacts(artifact: Artifact): Artifact[] {
  if (!artifact.manifest) return [artifact]
  return artifact.manifest.map(entry => {
    const view: Artifact = {
      store: artifact.store,
      file_name: basename(entry.path),
      size: entry.size,
      sha256: entry.sha256,
      media_type: 'application/octet-stream',
      ...(artifact.deleted ? { deleted: true } : {})
    }
    if (artifact.store !== 'github-release') return view
    const assets = (artifact.assets ?? []).filter(asset => asset.path === entry.path)
    const split = assets.length > 1
    return {
      ...view,
      ...(artifact.release ? { release: artifact.release } : {}),
      assets,
      // A split file's parts: each asset's own record holds its hash and size.
      ...(split
        ? {
            parts: assets.map(asset => ({
              index: asset.part ?? 0,
              size: asset.size,
              sha256: asset.sha256,
              name: asset.name
            }))
          }
        : {})
    }
  })
}

/** The last segment of a manifest path. */
function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}
