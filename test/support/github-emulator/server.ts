/**
 * The request pipeline of the main origin. Paths:
 *   /api/v3/…                      REST API (GitHub Enterprise layout, so one port serves all)
 *   /uploads/…                     the upload_url origin (uploads.github.com)
 *   /{owner}/{repo}.git/…          git smart HTTP through `git http-backend`
 *   /{owner}/{repo}/releases/download/{tag}/{name}   browser_download_url → 302 to the download origin
 * Every API request: injected fault? → auth → rate limit → match an OpenAPI operation → validate
 * the request → handler → validate the response → send. A mismatch anywhere is recorded in
 * validationErrors and answered 500 with its text.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { parseAuthorization, type Credentials } from './auth.js'
import { ApiError, RequestMismatch, type ApiAnswer, type EmulatorContext } from './context.js'
import { conditionalAnswer } from './conditional.js'
import { serveGitHttp } from './git/http-backend.js'
import { declinedPushResponse, parsePushCommands, type PushRules, type Refusal } from './git/push-rules.js'
import { HANDLERS, STREAMING, checkRepository } from './handlers/index.js'
import { drain, plantStarters } from './handlers/upload.js'
import type { PathMatcher } from './openapi/paths.js'
import type { OpenApiValidator } from './openapi/validator.js'
import { allows, permissionRefusal } from './permissions.js'
import type { RateLimiter } from './rate-limit.js'
import type { RecordedRequest } from './types.js'

/**
 * Runs writes one at a time. GitHub is linearizable per resource; handlers check then act across
 * awaits (is the tag free? create it), so concurrent writers (8 Action processes) must queue.
 * Uploads are not queued while their bodies stream: they reserve their asset name synchronously.
 */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve()

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task)
    this.tail = result.catch(() => undefined)
    return result
  }
}

export interface Pipeline {
  ctx: EmulatorContext
  writes: WriteQueue
  /** The rulesets pushes and merges are checked against (tokens are ctx.state.tokens). */
  pushRules: PushRules
  projectRoot: string
  validator: OpenApiValidator
  matcher: PathMatcher
  limiter: RateLimiter
  requests: RecordedRequest[]
  validationErrors: string[]
  /** EmulatorOptions.latencyMs */
  latencyMs: number
}

const DOCS = 'https://docs.github.com/rest'
let requestCounter = 0

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/** Start a record now (arrival order) and fill in its status when the response is done. */
export function record(
  requests: RecordedRequest[],
  req: IncomingMessage,
  res: ServerResponse,
  origin: RecordedRequest['origin'],
  path: string
): RecordedRequest {
  const entry: RecordedRequest = {
    origin,
    method: req.method ?? 'GET',
    path,
    url: req.url ?? '/',
    status: 0,
    authorization: req.headers.authorization !== undefined,
    requestBytes: 0,
    responseBytes: 0,
    startedAt: performance.timeOrigin + performance.now(),
    finishedAt: 0
  }
  requests.push(entry)
  res.on('finish', () => {
    entry.status = res.statusCode
    entry.finishedAt = performance.timeOrigin + performance.now()
  })
  countBytes(req, res, entry)
  return entry
}

/** What crossed the wire in each direction (bodies, after any compression), for transfer budgets. */
function countBytes(req: IncomingMessage, res: ServerResponse, entry: RecordedRequest): void {
  req.on('data', (chunk: Buffer) => (entry.requestBytes += chunk.length))
  const size = (chunk: unknown, encoding?: unknown): number =>
    typeof chunk === 'string'
      ? Buffer.byteLength(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
      : chunk instanceof Uint8Array
        ? chunk.length
        : 0
  const write = res.write.bind(res) as (...args: unknown[]) => boolean
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    entry.responseBytes += size(chunk, rest[0])
    return write(chunk, ...rest)
  }) as ServerResponse['write']
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (typeof chunk !== 'function') entry.responseBytes += size(chunk, rest[0])
    return end(chunk, ...rest)
  }) as ServerResponse['end']
}

function send(res: ServerResponse, answer: ApiAnswer, headers: Record<string, string>): void {
  const all: Record<string, string | number> = {
    'x-github-api-version-selected': '2022-11-28',
    'x-github-media-type': 'github.v3; format=json',
    'x-github-request-id': `EMU:${++requestCounter}`,
    ...headers,
    ...answer.headers
  }
  let payload: string | Buffer | undefined
  if (answer.raw) {
    payload = answer.raw.bytes
    all['content-type'] = answer.raw.contentType
    all['content-length'] = payload.length
  } else if (answer.body !== undefined) {
    payload = JSON.stringify(answer.body)
    all['content-type'] = 'application/json; charset=utf-8'
    all['content-length'] = Buffer.byteLength(payload)
  } else {
    all['content-length'] = 0
  }
  res.writeHead(answer.status, all)
  res.end(payload)
}

export async function handleMain(p: Pipeline, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', p.ctx.serverUrl)
  const path = url.pathname
  if (path === '/api/v3' || path.startsWith('/api/v3/'))
    return handleApi(p, req, res, 'api', path.slice('/api/v3'.length) || '/', url)
  if (path.startsWith('/uploads/'))
    return handleApi(p, req, res, 'uploads', path.slice('/uploads'.length), url)
  const git = /^\/([^/]+)\/([^/]+)\.git(\/.*)$/.exec(path)
  if (git) return handleGit(p, req, res, url, git[1] as string, git[2] as string)
  const download = /^\/([^/]+)\/([^/]+)\/releases\/download\/([^/]+)\/([^/]+)$/.exec(path)
  const entry = record(p.requests, req, res, 'web', path)
  if (download && authorize(p, req.headers.authorization)) {
    const [tag, name] = [decodeURIComponent(download[3] as string), decodeURIComponent(download[4] as string)]
    const release = p.ctx.state.releases.find(r => (r.draft ? r.untaggedName : r.tagName) === tag)
    const asset = release?.assets.find(a => a.name === name)
    if (asset) {
      entry.rule = 'asset-download-redirect'
      res.writeHead(302, { location: p.ctx.signDownload(asset.id, asset.name), 'content-length': 0 })
      res.end()
      return
    }
  }
  res.writeHead(404, { 'content-type': 'text/plain' })
  res.end('Not Found')
}

async function handleGit(
  p: Pipeline,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  owner: string,
  repo: string
): Promise<void> {
  const entry = record(p.requests, req, res, 'git', url.pathname)
  const fault = p.ctx.faults.takeFailure('git', req.method ?? 'GET', url.pathname)
  if (fault) {
    entry.rule = 'injected-fault'
    await drain(req)
    res.writeHead(fault.status, { 'content-type': 'text/plain', ...fault.headers })
    res.end(`Injected fault: ${fault.status}\n`)
    return
  }
  const credentials = authorize(p, req.headers.authorization)
  if (!credentials) {
    entry.rule = 'bad-credentials'
    await drain(req)
    res.writeHead(401, { 'www-authenticate': 'Basic realm="GitHub"', 'content-type': 'text/plain' })
    res.end('Invalid username or token. Password authentication is not supported for Git operations.\n')
    return
  }
  if (owner.toLowerCase() !== p.ctx.owner.toLowerCase() || repo.toLowerCase() !== p.ctx.repo.toLowerCase()) {
    await drain(req)
    res.writeHead(404, { 'content-type': 'text/plain' })
    res.end('Repository not found.\n')
    return
  }
  const isPush =
    url.searchParams.get('service') === 'git-receive-pack' || url.pathname.endsWith('/git-receive-pack')
  const grant = p.ctx.state.tokens.grant(credentials.token)
  const login = grant?.login ?? p.ctx.state.viewer
  // Rule git-push-permission (tokens.ts): contents write to push, read to fetch.
  const needed = isPush ? 'write' : 'read'
  if (!allows(grant?.permissions ?? {}, [{ contents: needed }])) {
    entry.rule = 'git-push-permission'
    await drain(req)
    res.writeHead(403, { 'content-type': 'text/plain' })
    res.end(`Permission to ${p.ctx.owner}/${p.ctx.repo}.git denied to ${login}.\n`)
    return
  }
  const body = await readBody(req)
  if (p.ctx.faults.takeConnectionReset('git', req.method ?? 'GET', url.pathname)) {
    entry.rule = 'injected-fault'
    req.socket.destroy()
    return
  }
  if (req.method === 'POST' && url.pathname.endsWith('/git-receive-pack')) {
    const race = p.ctx.faults.takePushRace()
    if (race) await race()
    const { commands, capabilities } = parsePushCommands(
      body,
      req.headers['content-encoding'] as string | undefined
    )
    const refused = new Map<string, Refusal>()
    for (const command of commands) {
      const refusal = p.pushRules.refusal(command, credentials.token, p.ctx.state.statuses)
      if (refusal) refused.set(command.ref, refusal)
    }
    if (refused.size > 0) {
      entry.rule = [...refused.values()].some(r => r.classic)
        ? 'push-protected-branch'
        : 'push-ruleset-violation'
      const rulesUrl = (ref: string) =>
        `${p.ctx.serverUrl}/${p.ctx.owner}/${p.ctx.repo}/rules?ref=${encodeURIComponent(ref)}`
      res.writeHead(200, {
        'content-type': 'application/x-git-receive-pack-result',
        'cache-control': 'no-cache'
      })
      res.end(declinedPushResponse(commands, refused, capabilities, rulesUrl))
      return
    }
  }
  await serveGitHttp(req, res, {
    projectRoot: p.projectRoot,
    pathInfo: `/${p.ctx.owner}/${p.ctx.repo}.git${url.pathname.replace(/^\/[^/]+\/[^/]+\.git/, '')}`,
    query: url.search.replace(/^\?/, ''),
    remoteUser: credentials.user,
    body
  })
}

/** A token of the table (tokens.ts), in any of the schemes GitHub accepts (auth.ts). */
function authorize(p: Pipeline, header: string | undefined): Credentials | undefined {
  const credentials = parseAuthorization(header)
  return credentials && p.ctx.state.tokens.grant(credentials.token) ? credentials : undefined
}

function mismatch(p: Pipeline, where: string, problems: string[]): ApiAnswer {
  const text = `${where}: ${problems.join('; ')}`
  p.validationErrors.push(text)
  return {
    status: 500,
    body: { message: `GitHub emulator: OpenAPI mismatch: ${text}`, documentation_url: DOCS }
  }
}

async function handleApi(
  p: Pipeline,
  req: IncomingMessage,
  res: ServerResponse,
  origin: 'api' | 'uploads',
  path: string,
  url: URL
): Promise<void> {
  const method = req.method ?? 'GET'
  const entry = record(p.requests, req, res, origin, path)
  const answer = await answerApi(p, req, res, origin, method, path, url, entry)
  if (answer.handled) return
  if (!req.readableEnded) await drain(req)
  // The answer travels back as over a network (held here: the request's body is read as it arrives).
  if (p.latencyMs > 0) await new Promise(resolve => setTimeout(resolve, p.latencyMs))
  entry.rule = entry.rule ?? answer.rule
  send(res, answer, answer.rule === 'primary-rate-limit' ? {} : p.limiter.headers())
}

async function answerApi(
  p: Pipeline,
  req: IncomingMessage,
  res: ServerResponse,
  origin: 'api' | 'uploads',
  method: string,
  path: string,
  url: URL,
  entry: RecordedRequest
): Promise<ApiAnswer> {
  if (p.ctx.faults.takeConnectionReset(origin, method, path)) {
    req.socket.destroy()
    return { status: 0, handled: true, rule: 'injected-fault' }
  }
  const fault = p.ctx.faults.takeFailure(origin, method, path)
  if (fault) {
    const body = fault.body ?? { message: `Injected fault: ${fault.status}`, documentation_url: DOCS }
    return { status: fault.status, body, headers: fault.headers, rule: 'injected-fault' }
  }
  const caller = authorize(p, req.headers.authorization)
  if (!caller) {
    return {
      status: 401,
      body: { message: 'Bad credentials', documentation_url: DOCS, status: '401' },
      rule: 'bad-credentials'
    }
  }
  const forced = p.ctx.faults.takeRateLimit(origin, method, path)
  const refusal = forced
    ? p.limiter.forced(forced.kind, forced.retryAfterSeconds, forced.status)
    : p.limiter.admit()
  if (refusal)
    return { status: refusal.status, body: refusal.body, headers: refusal.headers, rule: refusal.rule }

  const where = `${method} ${origin === 'uploads' ? '/uploads' : ''}${path}`
  const match = p.matcher.match(method, path)
  if (!match)
    return mismatch(p, where, ['no operation in the OpenAPI description matches this method and path'])
  const operationId = match.route.operationId
  entry.operationId = operationId
  const handler = HANDLERS[operationId]
  if (!handler)
    return {
      ...mismatch(p, `${where} (${operationId})`, ['operation is not emulated']),
      rule: 'not-emulated'
    }
  const isUpload = STREAMING.has(operationId)
  if (isUpload !== (origin === 'uploads')) {
    return {
      ...mismatch(p, `${where} (${operationId})`, [
        isUpload
          ? 'assets must be uploaded to the upload_url origin'
          : 'the uploads origin only takes asset uploads'
      ]),
      rule: 'uploads-origin'
    }
  }
  const op = p.validator.operation(operationId)
  const params: Record<string, unknown> = { ...match.params }
  const query: Record<string, unknown> = Object.fromEntries(url.searchParams)
  let body: unknown
  let hasBody = false
  if (!isUpload) {
    const raw = await readBody(req)
    hasBody = raw.length > 0
    if (hasBody) {
      try {
        body = JSON.parse(raw.toString('utf8'))
      } catch {
        return mismatch(p, `${where} (${operationId})`, ['request body is not valid JSON'])
      }
    }
  }
  const problems = p.validator.validateRequest(op, { path: params, query, body, hasBody })
  if (problems.length > 0) return mismatch(p, `${where} (${operationId}) request`, problems)
  // Rule token-permissions: the token's permission set, checked before the handler runs.
  const lacking = permissionRefusal(p.ctx.state.tokens.grant(caller.token)?.permissions ?? {}, operationId)
  if (lacking) {
    return {
      status: 403,
      body: { message: 'Resource not accessible by integration', documentation_url: DOCS, status: '403' },
      headers: { 'x-accepted-github-permissions': lacking.header },
      rule: 'token-permissions'
    }
  }

  let answer: ApiAnswer
  try {
    checkRepository(params.owner, params.repo, p.ctx)
    plantStarters(p.ctx)
    const call = async (): Promise<ApiAnswer> =>
      handler(p.ctx, {
        operationId,
        method,
        params,
        query,
        body,
        headers: req.headers,
        url: new URL(`${origin === 'uploads' ? p.ctx.uploadsUrl : p.ctx.apiUrl}${path}${url.search}`),
        raw: req,
        rawResponse: res
      })
    answer = method === 'GET' || isUpload ? await call() : await p.writes.run(call)
  } catch (error) {
    if (error instanceof ApiError) answer = error.answer()
    else if (error instanceof RequestMismatch)
      return mismatch(p, `${where} (${operationId}) request`, [error.message])
    else
      return mismatch(p, `${where} (${operationId})`, [
        `emulator failure: ${(error as Error).stack ?? String(error)}`
      ])
  }
  if (answer.handled) {
    entry.rule = answer.rule
    return answer
  }
  // A raw body has no schema to meet; its status must still be one the operation documents.
  const responseProblems = answer.raw
    ? op.responses[String(answer.status)]
      ? []
      : [`status ${answer.status} is not a documented response of ${operationId}`]
    : p.validator.validateResponse(op, { status: answer.status, body: answer.body })
  if (responseProblems.length > 0) return mismatch(p, `${where} (${operationId}) response`, responseProblems)
  const conditional = conditionalAnswer(req, answer, caller.token)
  if (conditional.notCounted) p.limiter.refund()
  return conditional.answer
}
