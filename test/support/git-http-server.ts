/**
 * Git smart HTTP on 127.0.0.1 through the real `git http-backend` (a CGI program, run once per
 * request), so remote tests talk to the same server code github.com-style hosting runs.
 * Optional Basic auth: any user name, the password must equal the expected token.
 * https://git-scm.com/docs/git-http-backend
 */
import { spawn } from 'node:child_process'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { GIT_ENV } from './git-repo.js'

export const GIT_HTTP_BACKEND = '/usr/lib/git-core/git-http-backend'

export interface GitHttpOptions {
  /** Requests must carry Basic auth whose password is this token. */
  token?: string
}

export type GitHttpHandler = (req: IncomingMessage, res: ServerResponse, pathInfo?: string) => void

/**
 * A request handler serving the repositories under `projectRoot` (`/<name>.git/...` maps to
 * `<projectRoot>/<name>.git`). `pathInfo` overrides the request path, for mounting under a prefix.
 */
export function gitHttpBackendHandler(projectRoot: string, options: GitHttpOptions = {}): GitHttpHandler {
  return (req, res, pathInfo) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const user = authenticate(req, options.token)
    if (user === null) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="git"', 'Content-Type': 'text/plain' })
      res.end('authentication required\n')
      return
    }
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('error', () => res.destroy())
    // Buffered so CONTENT_LENGTH is exact: http-backend's handling of bodies without one varies by version.
    req.on('end', () =>
      runBackend(
        req,
        res,
        projectRoot,
        pathInfo ?? decodeURIComponent(url.pathname),
        url,
        user,
        Buffer.concat(chunks)
      )
    )
  }
}

/** The user name when the request may proceed ('' without auth), null when it must be refused. */
function authenticate(req: IncomingMessage, token: string | undefined): string | null {
  if (token === undefined) return ''
  const header = req.headers.authorization ?? ''
  const match = /^Basic\s+(\S+)$/i.exec(header)
  if (!match?.[1]) return null
  const decoded = Buffer.from(match[1], 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon < 0 || decoded.slice(colon + 1) !== token) return null
  return decoded.slice(0, colon) || 'git'
}

function runBackend(
  req: IncomingMessage,
  res: ServerResponse,
  projectRoot: string,
  pathInfo: string,
  url: URL,
  user: string,
  body: Buffer
): void {
  const env: NodeJS.ProcessEnv = {
    ...GIT_ENV,
    GIT_PROJECT_ROOT: projectRoot,
    GIT_HTTP_EXPORT_ALL: '1',
    GATEWAY_INTERFACE: 'CGI/1.1',
    SERVER_PROTOCOL: 'HTTP/1.1',
    REQUEST_METHOD: req.method ?? 'GET',
    PATH_INFO: pathInfo,
    QUERY_STRING: url.search.replace(/^\?/, ''),
    CONTENT_TYPE: req.headers['content-type'] ?? '',
    CONTENT_LENGTH: String(body.length),
    REMOTE_ADDR: req.socket.remoteAddress ?? '127.0.0.1'
  }
  if (user) env.REMOTE_USER = user
  const encoding = req.headers['content-encoding']
  if (typeof encoding === 'string') env.HTTP_CONTENT_ENCODING = encoding
  const protocol = req.headers['git-protocol']
  if (typeof protocol === 'string') env.GIT_PROTOCOL = protocol

  const child = spawn(GIT_HTTP_BACKEND, [], { env, stdio: ['pipe', 'pipe', 'pipe'] })
  let head = Buffer.alloc(0)
  let headersSent = false
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  child.stdin.on('error', () => undefined) // the backend may exit without reading the body
  child.stdin.end(body)

  child.stdout.on('data', (chunk: Buffer) => {
    if (headersSent) {
      res.write(chunk)
      return
    }
    head = Buffer.concat([head, chunk])
    const end = headerEnd(head)
    if (!end) return
    const { status, headers } = parseCgiHeaders(head.subarray(0, end.index).toString('latin1'))
    res.writeHead(status, headers)
    headersSent = true
    const rest = head.subarray(end.index + end.length)
    if (rest.length > 0) res.write(rest)
  })
  child.on('error', error => {
    if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' })
    res.end(`git http-backend failed to start: ${error.message}\n`)
  })
  child.on('close', code => {
    if (!headersSent) {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' })
      res.end(`git http-backend exited ${code}: ${stderr}\n`)
      return
    }
    res.end()
  })
}

function headerEnd(buffer: Buffer): { index: number; length: number } | null {
  const crlf = buffer.indexOf('\r\n\r\n')
  const lf = buffer.indexOf('\n\n')
  if (crlf >= 0 && (lf < 0 || crlf < lf)) return { index: crlf, length: 4 }
  if (lf >= 0) return { index: lf, length: 2 }
  return null
}

function parseCgiHeaders(text: string): { status: number; headers: Record<string, string> } {
  let status = 200
  const headers: Record<string, string> = {}
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(':')
    if (colon <= 0) continue
    const name = line.slice(0, colon).trim()
    const value = line.slice(colon + 1).trim()
    if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10) || 500
    else headers[name] = value
  }
  return { status, headers }
}

export interface GitHttpServer {
  /** e.g. `http://127.0.0.1:4711`; a repository is `${url}/<name>.git`. */
  url: string
  close(): Promise<void>
}

export async function startGitHttpServer(options: {
  projectRoot: string
  token?: string
}): Promise<GitHttpServer> {
  const handler = gitHttpBackendHandler(options.projectRoot, { token: options.token })
  const server = createServer((req, res) => handler(req, res))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
