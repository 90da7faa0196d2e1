/**
 * Serving a version's artifact. The store fetches it once into a cache directory (verified
 * against the recorded SHA-256, as `mreg fetch` does); every full download is hashed again while
 * it streams (src/serve/verified-send.ts), which cuts the connection on a mismatch. A Range
 * request is served from the cached copy only while it is the file that was verified (same size,
 * inode and modification time).
 */
import { createReadStream } from 'node:fs'
import { mkdir, rm, stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { CommandContext } from '../commands/context.js'
import { openStore } from '../commands/open-store.js'
import { showVersion } from '../commands/show.js'
import { isRegistryError, RegistryError } from '../domain/errors.js'
import { formatReference } from '../domain/references.js'
import type { Artifact, ModelVersion } from '../domain/types.js'
import { contentDisposition, directoryFile, wholeArtifact } from './directory-artifact.js'
import { CHUNK, HashingWorker, sendVerified } from './verified-send.js'

export interface ArtifactEvents {
  served(bytes: number): void
  /** What was found, said after the reference: the bytes' actual hash, or the store's error. */
  verificationFailed(version: ModelVersion, what: string): void
}

interface Cached {
  path: string
  size: number
  ino: number
  mtimeMs: number
}

export class ArtifactServer {
  private readonly cached = new Map<string, Promise<Cached>>()
  private readonly hashing = new HashingWorker()

  constructor(
    private readonly ctx: CommandContext,
    private readonly cacheDir: string,
    /** A directory made for this server is removed with it; one given is left. */
    private readonly ownsCache: boolean,
    private readonly events: ArtifactEvents
  ) {}

  /** A version's artifact, or with `path` one file of a directory version (directory-artifact.ts). */
  async serve(reference: string, req: IncomingMessage, res: ServerResponse, path?: string): Promise<void> {
    const version = await showVersion(this.ctx, reference)
    if (version.artifact.deleted)
      throw new RegistryError(
        'not-found',
        `${formatReference(version)} is archived: its artifact was deleted by retention`
      )
    const artifact = path === undefined ? wholeArtifact(version) : directoryFile(version, path)
    const sha256 = artifact.sha256
    const etag = `"sha256-${sha256}"`
    const headers: Record<string, string> = {
      etag,
      'repr-digest': `sha-256=:${Buffer.from(sha256, 'hex').toString('base64')}:`,
      'accept-ranges': 'bytes',
      'content-type': artifact.media_type || 'application/octet-stream',
      'content-disposition': contentDisposition(artifact.file_name),
      'cache-control': 'no-cache',
      'x-mreg-version': version.version,
      'x-mreg-model-id': version.model_id
    }
    if (matches(req.headers['if-none-match'], etag)) {
      res.writeHead(304, headers)
      res.end()
      return
    }
    const file = await this.local(artifact).catch((error: unknown) => {
      // The store refused the bytes (a mismatching hash, a replaced release asset): nothing was
      // sent, and it is a verification failure like a cut download.
      if (isRegistryError(error) && error.kind === 'integrity')
        this.events.verificationFailed(version, `${error.message}; not served`)
      throw error
    })
    const range = req.headers.range
    if (range !== undefined && (req.headers['if-range'] === undefined || req.headers['if-range'] === etag)) {
      await this.serveRange(version, artifact, file, range, headers, req, res)
      return
    }
    res.writeHead(200, { ...headers, 'content-length': String(file.size) })
    if (req.method === 'HEAD') return void res.end()
    try {
      const { mismatch } = await sendVerified(file.path, file.size, sha256, res, this.hashing)
      if (mismatch === null) {
        this.events.served(file.size)
        return
      }
      this.events.verificationFailed(
        version,
        `artifact does not match its recorded SHA-256 (${mismatch}); download cut`
      )
      this.forget(sha256, file)
      res.destroy()
    } catch (error) {
      res.destroy()
      if (!isClientGone(error)) throw error
    }
  }

  private async serveRange(
    version: ModelVersion,
    artifact: Artifact,
    file: Cached,
    header: string,
    headers: Record<string, string>,
    req: IncomingMessage,
    res: ServerResponse
  ): Promise<void> {
    const range = parseRange(header, file.size)
    if (range === null) {
      res.writeHead(416, { 'content-range': `bytes */${file.size}`, 'content-type': 'application/json' })
      res.end(
        JSON.stringify({ error: { kind: 'invalid-input', message: `unsatisfiable range "${header}"` } })
      )
      return
    }
    const now = await stat(file.path).catch(() => null)
    if (!now || now.size !== file.size || now.ino !== file.ino || now.mtimeMs !== file.mtimeMs) {
      // The verified copy changed under us: never serve it; fetch (and verify) again next time.
      this.events.verificationFailed(version, 'the cached artifact changed since it was verified; not served')
      this.forget(artifact.sha256, file)
      throw new RegistryError(
        'integrity',
        `the cached artifact of ${formatReference(version)} changed; retry`
      )
    }
    const [start, end] = range
    res.writeHead(206, {
      ...headers,
      'content-range': `bytes ${start}-${end}/${file.size}`,
      'content-length': String(end - start + 1)
    })
    if (req.method === 'HEAD') return void res.end()
    try {
      await pipeline(createReadStream(file.path, { start, end, highWaterMark: CHUNK }), res)
      this.events.served(end - start + 1)
    } catch (error) {
      res.destroy()
      if (!isClientGone(error)) throw error
    }
  }

  private local(artifact: Artifact): Promise<Cached> {
    const sha256 = artifact.sha256
    let entry = this.cached.get(sha256)
    if (!entry) {
      entry = (async () => {
        await mkdir(this.cacheDir, { recursive: true })
        const path = join(this.cacheDir, sha256)
        const store = await openStore(this.ctx)
        await store.fetch(artifact, path)
        const info = await stat(path)
        return { path, size: info.size, ino: info.ino, mtimeMs: info.mtimeMs }
      })()
      entry.catch(() => this.cached.delete(sha256))
      this.cached.set(sha256, entry)
    }
    return entry
  }

  private forget(sha256: string, file: Cached): void {
    this.cached.delete(sha256)
    void rm(file.path, { force: true })
  }

  async close(): Promise<void> {
    await this.hashing.close()
    if (this.ownsCache) await rm(this.cacheDir, { recursive: true, force: true })
  }
}

/** One `bytes=a-b`, `bytes=a-` or `bytes=-n` range; null when unsatisfiable or not one range. */
export function parseRange(header: string, size: number): [number, number] | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (!match || (match[1] === '' && match[2] === '')) return null
  let start: number
  let end: number
  if (match[1] === '') {
    const suffix = Number(match[2])
    if (suffix === 0) return null
    start = Math.max(0, size - suffix)
    end = size - 1
  } else {
    start = Number(match[1])
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1)
  }
  if (start > end || start >= size) return null
  return [start, end]
}

function matches(header: string | undefined, etag: string): boolean {
  return header !== undefined && header.split(',').some(tag => tag.trim() === etag || tag.trim() === '*')
}

function isClientGone(error: unknown): boolean {
  const code = (error as { code?: string }).code
  return code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ECONNRESET' || code === 'EPIPE'
}
