/**
 * Git smart HTTP through the real `git http-backend`, run as a CGI program per request
 * (https://git-scm.com/docs/git-http-backend). The request body is buffered before the CGI starts
 * so CONTENT_LENGTH is always known: http-backend's handling of bodies without a length has varied
 * across git versions, and test pushes are small.
 */
import { spawn } from 'node:child_process'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { isolatedGitEnv } from './repo.js'

export interface GitHttpRequest {
  /** Directory that contains `<owner>/<repo>.git`. */
  projectRoot: string
  /** e.g. `/acme/models.git/info/refs` */
  pathInfo: string
  query: string
  remoteUser: string
  body: Buffer
}

export function serveGitHttp(
  req: IncomingMessage,
  res: ServerResponse,
  request: GitHttpRequest
): Promise<number> {
  return new Promise(resolve => {
    const env = isolatedGitEnv({
      GIT_PROJECT_ROOT: request.projectRoot,
      GIT_HTTP_EXPORT_ALL: '1',
      PATH_INFO: request.pathInfo,
      REQUEST_METHOD: req.method ?? 'GET',
      QUERY_STRING: request.query,
      CONTENT_TYPE: req.headers['content-type'] ?? '',
      CONTENT_LENGTH: String(request.body.length),
      REMOTE_USER: request.remoteUser,
      REMOTE_ADDR: req.socket.remoteAddress ?? '127.0.0.1',
      GATEWAY_INTERFACE: 'CGI/1.1',
      SERVER_PROTOCOL: 'HTTP/1.1'
    })
    const encoding = req.headers['content-encoding']
    if (typeof encoding === 'string') env.HTTP_CONTENT_ENCODING = encoding
    const protocol = req.headers['git-protocol']
    if (typeof protocol === 'string') env.GIT_PROTOCOL = protocol

    const child = spawn('git', ['http-backend'], { env, stdio: ['pipe', 'pipe', 'pipe'] })
    let stderr = ''
    let head = Buffer.alloc(0)
    let headersDone = false
    let status = 200
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.stdin.on('error', () => undefined) // the CGI may exit before reading everything
    child.stdin.end(request.body)

    child.stdout.on('data', (chunk: Buffer) => {
      if (headersDone) {
        res.write(chunk)
        return
      }
      head = Buffer.concat([head, chunk])
      // The header block ends at the first blank line, CRLF or bare LF, whichever comes first.
      const crlf = head.indexOf('\r\n\r\n')
      const lf = head.indexOf('\n\n')
      const cut =
        crlf >= 0 && (lf < 0 || crlf < lf) ? { at: crlf, len: 4 } : lf >= 0 ? { at: lf, len: 2 } : undefined
      if (!cut) return
      headersDone = true
      const headerText = head.subarray(0, cut.at).toString('latin1')
      for (const line of headerText.split(/\r?\n/)) {
        const colon = line.indexOf(':')
        if (colon < 0) continue
        const name = line.slice(0, colon).trim()
        const value = line.slice(colon + 1).trim()
        if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10) || 200
        else res.setHeader(name, value)
      }
      res.statusCode = status
      res.write(head.subarray(cut.at + cut.len))
    })
    child.on('close', code => {
      if (!headersDone) {
        status = 500
        res.statusCode = 500
        res.setHeader('content-type', 'text/plain')
        res.end(`git http-backend failed (${code}): ${stderr}`)
      } else {
        res.end()
      }
      resolve(status)
    })
    child.on('error', error => {
      if (!res.headersSent) {
        res.statusCode = 500
        res.end(`cannot run git http-backend: ${error.message}`)
      }
      resolve(500)
    })
  })
}
