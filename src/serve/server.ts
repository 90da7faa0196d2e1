/**
 * `mreg serve`: a read-only HTTP server over one registry (see schemas/openapi.json). node:http,
 * no framework: the routes are a table (api.ts), the artifact stream and the event stream have
 * their own modules. Security: it binds 127.0.0.1 unless told otherwise, and anywhere else it
 * needs a bearer token or an explicit `public`; it takes GET/HEAD only (and a signed webhook
 * POST); headers, URLs, bodies and time are bounded; no CORS header unless an origin is given.
 * The token and the webhook secret are compared in constant time and never logged.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import { mkdtemp } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { currentTip } from '../commands/watch.js'
import { invalidInput } from '../domain/errors.js'
import { formatReference } from '../domain/references.js'
import type { OpenedRegistry } from '../wiring/open-registry.js'
import { JSON_ROUTES } from './api.js'
import { ArtifactServer } from './artifact.js'
import { directoryFileRoute } from './directory-artifact.js'
import { CachedReads } from './cached-reads.js'
import { DashboardAssets } from './dashboard.js'
import { EventHub } from './events.js'
import { ApiError, errorBody, Query, readBody, sendJson } from './http.js'
import { ServeMetrics } from './metrics.js'
import { servedOpenApi } from './openapi.js'

export interface ServeOptions {
  host?: string
  /** 0 picks a free port. */
  port?: number
  /** Bearer token every route but /healthz and the webhook requires. */
  token?: string
  /** Serve without a token on a non-loopback address: a deliberate choice. */
  public?: boolean
  /** The one origin allowed by CORS; none by default. */
  cors?: string
  /** GitHub webhook secret: enables POST /hooks/github. */
  webhookSecret?: string
  /** Where verified artifacts are cached for streaming; default: a new temporary directory. */
  artifactCacheDir?: string
  /** Whole-request limit for plain requests (ms); streams are exempt. Default 30 s. */
  requestTimeoutMs?: number
  /** Webhook body limit. Default 1 MiB (GitHub caps payloads at 25 MB, registry pushes are small). */
  maxBodyBytes?: number
  /** One line per request and per notable event. Never given secrets. */
  log?: (line: string) => void
}

export interface RunningServer {
  url: string
  port: number
  close(): Promise<void>
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost'])
const MAX_URL = 8192

export async function startServer(
  opened: OpenedRegistry,
  options: ServeOptions = {}
): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1'
  if (!LOOPBACK.has(host) && !options.token && !options.public)
    throw invalidInput(
      `--host ${host} exposes the registry beyond this machine: give --token (or MREG_SERVE_TOKEN), or --public to serve it without one`,
      { field: 'host' }
    )
  const log = options.log ?? (() => {})
  // Requests read the snapshot the hub pinned; the hub itself reads the branch afresh.
  const reads = new CachedReads(opened.context.backend)
  let lastTrouble = ''
  const ctx = { ...opened.context, backend: reads }
  const hub = new EventHub(
    opened.context,
    opened.tipSignal(),
    error => {
      // Said once per distinct trouble, not at every poll while it lasts.
      const line = `event stream: could not read the registry: ${describe(error)}`
      if (line !== lastTrouble) log(line)
      lastTrouble = line
    },
    commit => {
      lastTrouble = ''
      reads.pin(commit)
      void metrics.tipMoved(ctx).catch(() => {})
    }
  )
  const metrics = new ServeMetrics(ctx, () => hub.clientCount)
  const artifacts = new ArtifactServer(
    ctx,
    options.artifactCacheDir ?? (await mkdtemp(join(tmpdir(), 'mreg-serve-'))),
    options.artifactCacheDir === undefined,
    {
      served: bytes => metrics.bytesServed.inc(bytes),
      verificationFailed: (version, what) => {
        metrics.verificationFailures.inc()
        log(`integrity: ${formatReference(version)}: ${what}`)
      }
    }
  )
  const openapi = JSON.stringify(servedOpenApi())
  const dashboard = new DashboardAssets()
  const tokenDigest = options.token ? digest(options.token) : null

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<string> => {
    const raw = req.url ?? '/'
    if (raw.length > MAX_URL) throw new ApiError('invalid-input', `URL over ${MAX_URL} characters`)
    const url = new URL(raw, 'http://localhost')
    const path = url.pathname
    if (options.cors) {
      res.setHeader('access-control-allow-origin', options.cors)
      res.setHeader('vary', 'Origin')
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          'access-control-allow-methods': 'GET, HEAD',
          'access-control-allow-headers': 'Authorization, Range, If-None-Match, Last-Event-ID',
          'access-control-max-age': '600'
        })
        res.end()
        return 'preflight'
      }
    }
    if (path === '/hooks/github') {
      if (req.method !== 'POST') throw new ApiError('method-not-allowed', 'POST only')
      await webhook(req, res)
      return '/hooks/github'
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      throw new ApiError('method-not-allowed', `${req.method} is not allowed: this server is read-only`)
    if (path === '/healthz') {
      sendJson(res, 200, { status: 'ok', tip: await currentTip(ctx).catch(() => null) })
      return '/healthz'
    }
    const page = dashboard.route(path)
    if (page) {
      // Static files without registry data: the page itself asks for the token (src/dashboard/api.ts).
      await dashboard.serve(path, req, res)
      return page
    }
    authorize(req)
    if (path === '/api/v1/openapi.json') {
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(openapi)
      })
      res.end(openapi)
      return path
    }
    if (path === '/metrics') {
      const text = await metrics.registry.metrics()
      res.writeHead(200, { 'content-type': metrics.registry.contentType })
      res.end(text)
      return path
    }
    if (path === '/api/v1/events') {
      const last = req.headers['last-event-id']
      await hub.subscribe(res, Array.isArray(last) ? last[0] : last)
      return path
    }
    const file = directoryFileRoute(raw.split(/[?#]/)[0] as string)
    if (file) {
      await artifacts.serve(file.reference, req, res, file.path)
      return '/api/v1/versions/{ref}/artifact/{path}'
    }
    const artifact = /^\/api\/v1\/versions\/([^/]+)\/artifact$/.exec(path)
    if (artifact) {
      await artifacts.serve(decode(artifact[1] as string), req, res)
      return '/api/v1/versions/{ref}/artifact'
    }
    for (const route of JSON_ROUTES) {
      const match = route.pattern.exec(path)
      if (!match) continue
      const body = await route.handle(ctx, match.slice(1).map(decode), new Query(url.searchParams))
      sendJson(res, 200, body)
      return route.route
    }
    throw new ApiError('not-found', `no route ${path}; see /api/v1/openapi.json`)
  }

  const authorize = (req: IncomingMessage) => {
    if (!tokenDigest) return
    const header = req.headers.authorization ?? ''
    const given = /^Bearer (.+)$/i.exec(header)?.[1] ?? ''
    // Digests have equal length whatever was sent, so the comparison takes the same time.
    if (!timingSafeEqual(digest(given), tokenDigest))
      throw new ApiError('unauthorized', 'missing or wrong bearer token (Authorization: Bearer <token>)')
  }

  const webhook = async (req: IncomingMessage, res: ServerResponse) => {
    if (!options.webhookSecret)
      throw new ApiError('not-found', 'webhooks are off: start with MREG_WEBHOOK_SECRET set')
    const body = await readBody(req, options.maxBodyBytes ?? 1024 * 1024)
    const signature = String(req.headers['x-hub-signature-256'] ?? '')
    const expected = Buffer.from(
      'sha256=' + createHmac('sha256', options.webhookSecret).update(body).digest('hex')
    )
    const given = Buffer.from(signature)
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw new ApiError(
        'unauthorized',
        'X-Hub-Signature-256 does not match the body signed with the webhook secret'
      )
    hub.poke()
    sendJson(res, 202, { accepted: true })
  }

  const server: Server = createServer({ maxHeaderSize: 16 * 1024, requestTimeout: 0 }, (req, res) => {
    const started = performance.now()
    let route = 'unmatched'
    const timer = setTimeout(() => {
      if (!res.headersSent) {
        const { status, body } = errorBody(new ApiError('unavailable', 'the request took too long'))
        sendJson(res, status, body)
      }
    }, options.requestTimeoutMs ?? 30_000)
    timer.unref()
    const finish = () => {
      clearTimeout(timer)
      const seconds = (performance.now() - started) / 1000
      metrics.requests.inc({ route, method: req.method ?? '', status: String(res.statusCode) })
      metrics.latency.observe({ route, method: req.method ?? '' }, seconds)
      log(`${req.method} ${(req.url ?? '').split('?')[0]} ${res.statusCode} ${(seconds * 1000).toFixed(1)}ms`)
    }
    res.on('close', finish)
    handle(req, res)
      .then(matched => {
        route = matched
        if (route === '/api/v1/events') clearTimeout(timer)
      })
      .catch(error => {
        const { status, body } = errorBody(error)
        if (status === 500 && !(error instanceof ApiError) && !isExpected(error))
          log(`error: ${describe(error)}`)
        if (!res.headersSent) sendJson(res, status, body)
        else res.destroy()
      })
  })
  server.headersTimeout = 10_000
  await hub.start()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 8080, host, () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  const shownHost = host.includes(':') ? `[${host}]` : host
  return {
    url: `http://${shownHost}:${port}`,
    port,
    close: async () => {
      await hub.close()
      server.closeAllConnections()
      await new Promise<void>(resolve => server.close(() => resolve()))
      await artifacts.close()
    }
  }
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    throw new ApiError('invalid-input', `"${segment}" is not valid URL encoding`)
  }
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest()
}

function isExpected(error: unknown): boolean {
  return typeof (error as { kind?: unknown }).kind === 'string'
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
