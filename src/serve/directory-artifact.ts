/**
 * The files of a directory version over HTTP: `GET /api/v1/versions/{ref}/artifact/{path}` serves
 * one manifest entry (streamed and verified by artifact.ts like a single file, with that file's
 * own ETag and Repr-Digest). Only paths the manifest lists are served — the path never reaches the
 * filesystem — and a path with an empty, `.` or `..` segment (or a backslash or NUL) is refused
 * outright as traversal, before any lookup.
 */
import { fileArtifacts } from '../commands/directory.js'
import { RegistryError } from '../domain/errors.js'
import { checkManifestPath } from '../domain/manifest.js'
import { formatReference } from '../domain/references.js'
import type { Artifact, ModelVersion } from '../domain/types.js'
import { ApiError } from './http.js'

/** `/api/v1/versions/{ref}/artifact/{path…}` on the raw (not dot-normalised) request path. */
const FILE_ROUTE = /^\/api\/v1\/versions\/([^/]+)\/artifact\/(.*)$/

/**
 * The reference and manifest path a raw request path names, or null for another route. Read from
 * the raw path because URL parsing would resolve `..` segments away before they could be refused.
 */
export function directoryFileRoute(rawPath: string): { reference: string; path: string } | null {
  const match = FILE_ROUTE.exec(rawPath)
  if (!match) return null
  const segments = (match[2] as string).split('/').map(decodeSegment)
  const path = segments.join('/')
  try {
    checkManifestPath(path)
  } catch {
    throw new ApiError(
      'invalid-input',
      `"${path}" is not a file path inside a directory version: relative, "/"-separated, no empty, "." or ".." segment`
    )
  }
  return { reference: decodeSegment(match[1] as string), path }
}

/** The single-file view of `path` in a directory version (the store fetches and verifies it). */
export function directoryFile(version: ModelVersion, path: string): Artifact {
  const manifest = version.artifact.manifest
  if (!manifest)
    throw new RegistryError(
      'refused',
      `${formatReference(version)} is a single file, not a directory version: GET …/artifact without a path`
    )
  const index = manifest.findIndex(entry => entry.path === path)
  if (index < 0)
    throw new RegistryError(
      'not-found',
      `${formatReference(version)} has no file "${path}"; its manifest (artifact.manifest of the version) lists them`
    )
  return fileArtifacts(version.artifact)[index] as Artifact
}

/** The whole artifact of a version, which a directory version does not have as one file. */
export function wholeArtifact(version: ModelVersion): Artifact {
  const manifest = version.artifact.manifest
  if (manifest)
    throw new RegistryError(
      'refused',
      `${formatReference(version)} is a directory version of ${manifest.length} files: GET …/artifact/{path} for each (artifact.manifest of the version lists them)`
    )
  return version.artifact
}

/**
 * `attachment` with the file's name: an ASCII fallback (anything else replaced by `_`) and the
 * exact name as RFC 8187 UTF-8 (RFC 6266 section 4.3), so no name can break the header.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    throw new ApiError('invalid-input', `"${segment}" is not valid URL encoding`)
  }
}
