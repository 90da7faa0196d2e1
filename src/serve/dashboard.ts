/**
 * The dashboard's files (built from src/dashboard by scripts/bundle-dashboard.mjs into
 * dist/dashboard, next to the bundle that runs this): `/` is its index.html, `/dashboard/<file>`
 * its hashed scripts and styles. They hold no registry data, so they are served without the
 * token (the page asks for it and sends it to the API). Only names found in that directory are
 * served, so no path reaches anything else. The page runs no inline script: the CSP allows
 * scripts, styles and connections to this origin only.
 */
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ApiError } from './http.js'

export const DASHBOARD_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin'
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8'
}

interface Asset {
  body: Buffer
  type: string
  etag: string
  cache: string
}

const ASSET_PATH = /^\/dashboard\/([A-Za-z0-9_-]+\.(?:js|css))$/

export class DashboardAssets {
  private loaded: Promise<Map<string, Asset> | null> | null = null

  /** Where the built dashboard lives: `dashboard/` beside the running bundle (dist/cli-program-<hash>.cjs, dist/lib.js). */
  private readonly dir = fileURLToPath(new URL('./dashboard/', import.meta.url))

  /** The metrics route name when `path` is the dashboard's, else null. */
  route(path: string): string | null {
    if (path === '/' || path === '/index.html') return '/'
    if (path.startsWith('/dashboard/')) return '/dashboard/{asset}'
    return null
  }

  async serve(path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const assets = await (this.loaded ??= this.load())
    if (!assets)
      throw new ApiError(
        'not-found',
        'the dashboard is not in this build: run `npm run package` (it builds dist/dashboard) and start dist/cli.cjs serve'
      )
    const name = path === '/' || path === '/index.html' ? 'index.html' : ASSET_PATH.exec(path)?.[1]
    const asset = name === undefined ? undefined : assets.get(name)
    if (!asset) throw new ApiError('not-found', `no dashboard file ${path}`)
    const headers = {
      ...DASHBOARD_HEADERS,
      'content-type': asset.type,
      'cache-control': asset.cache,
      etag: asset.etag
    }
    if (req.headers['if-none-match'] === asset.etag) {
      res.writeHead(304, headers)
      res.end()
      return
    }
    res.writeHead(200, { ...headers, 'content-length': asset.body.length })
    res.end(req.method === 'HEAD' ? undefined : asset.body)
  }

  private async load(): Promise<Map<string, Asset> | null> {
    let names: string[]
    try {
      names = await readdir(this.dir)
    } catch {
      return null
    }
    if (!names.includes('index.html')) return null
    const assets = new Map<string, Asset>()
    for (const name of names) {
      const type = TYPES[extname(name)]
      if (!type) continue
      const body = await readFile(join(this.dir, name))
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`
      // The scripts and styles carry their content hash in their names: cache them for good;
      // the page that names them is checked again each time, so a new build shows at once.
      const cache = name === 'index.html' ? 'no-cache' : 'public, max-age=31536000, immutable'
      assets.set(name, { body, type, etag, cache })
    }
    return assets
  }
}
