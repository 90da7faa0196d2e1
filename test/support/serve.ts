/**
 * Driving `mreg serve` in tests: a server over a real registry (composed by the factory), every
 * JSON response validated against the shipped OpenAPI document, and a small Server-Sent Events
 * client on node:http.
 */
import { request, type IncomingMessage } from 'node:http'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { expect } from '@jest/globals'
import { servedOpenApi } from '../../src/serve/openapi.js'
import { startServer, type RunningServer, type ServeOptions } from '../../src/serve/server.js'
import { openContext, type OpenOptions } from '../../src/wiring/open-registry.js'

const doc = servedOpenApi() as {
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>
}
const ajv = new Ajv2020({ strict: false, allErrors: true })
addFormats.default(ajv)
ajv.addSchema(doc, 'openapi.json')

/** The path template of the OpenAPI document a concrete path falls under. */
function template(path: string): string | null {
  for (const candidate of Object.keys(doc.paths)) {
    // A directory file's {path} may hold "/" (its segments are encoded one by one).
    const pattern = new RegExp('^' + candidate.replace('{path}', '.+').replace(/\{[^}]+\}/g, '[^/]+') + '$')
    if (pattern.test(path)) return candidate
  }
  return null
}

const pointer = (...parts: string[]) => parts.map(p => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')

/** Fails the test unless the response (status, content type, body) is what the document describes. */
export function expectDocumented(
  method: string,
  path: string,
  status: number,
  contentType: string,
  body: unknown
): void {
  const tpl = template(path)
  const operation = tpl === null ? undefined : doc.paths[tpl]?.[method.toLowerCase()]
  if (!operation) {
    // Outside the document (an unknown path or method): only the documented error may come back.
    expect([404, 405]).toContain(status)
    const validate = ajv.getSchema('openapi.json#/components/schemas/Error')
    if (!validate?.(body)) throw new Error(`${method} ${path} ${status}: not the documented Error`)
    return
  }
  const responses = operation.responses
  expect(Object.keys(responses)).toContain(String(status))
  let response = responses[String(status)] as { $ref?: string; content?: Record<string, unknown> }
  let ref = `openapi.json#/${pointer('paths', tpl as string, method.toLowerCase(), 'responses', String(status))}`
  if (response.$ref) {
    ref = `openapi.json${response.$ref}`
    response = (doc as unknown as { components: { responses: Record<string, typeof response> } }).components
      .responses[response.$ref.split('/').pop() as string] as typeof response
  }
  if (!response.content) return
  const media = Object.keys(response.content).find(type =>
    contentType.startsWith(type.split(';')[0] as string)
  )
  expect({ path, status, contentType, documented: Object.keys(response.content) }).toEqual(
    expect.objectContaining({ contentType: expect.stringContaining(media ?? '<undocumented>') })
  )
  if (!media?.includes('json')) return
  const validate =
    ajv.getSchema(`${ref}/content/${pointer(media as string)}/schema`) ??
    ajv.compile({ $ref: `${ref}/content/${pointer(media as string)}/schema` })
  const ok = validate(body)
  if (!ok)
    throw new Error(
      `${method} ${path} ${status} does not match the OpenAPI document: ${ajv.errorsText(validate.errors)}`
    )
}

export interface ApiResponse<T = unknown> {
  status: number
  headers: Headers
  body: T
  text: string
}

export class ServeClient {
  constructor(
    readonly base: string,
    private readonly token?: string
  ) {}

  async get<T = unknown>(
    path: string,
    headers: Record<string, string> = {},
    method = 'GET'
  ): Promise<ApiResponse<T>> {
    const auth: Record<string, string> = this.token ? { authorization: `Bearer ${this.token}` } : {}
    const res = await fetch(this.base + path, { method, headers: { ...auth, ...headers } })
    const text = await res.text()
    const type = res.headers.get('content-type') ?? ''
    const body = type.includes('json') && text !== '' ? (JSON.parse(text) as T) : (text as T)
    expectDocumented(
      method === 'HEAD' ? 'GET' : method,
      new URL(this.base + path).pathname,
      res.status,
      type,
      body
    )
    return { status: res.status, headers: res.headers, body, text }
  }
}

export interface TestServer {
  server: RunningServer
  client: ServeClient
  logs: string[]
  close(): Promise<void>
}

export async function serveRegistry(open: OpenOptions, options: ServeOptions = {}): Promise<TestServer> {
  const logs: string[] = []
  const opened = await openContext({ pollIntervalMs: 200, ...open })
  const server = await startServer(opened, { port: 0, log: line => logs.push(line), ...options })
  return { server, client: new ServeClient(server.url, options.token), logs, close: () => server.close() }
}

export interface SseEvent {
  id?: string
  event?: string
  data: string
}

/** A Server-Sent Events connection; `next()` waits for the next event (ms timeout). */
export class SseClient {
  private readonly events: SseEvent[] = []
  private waiters: Array<() => void> = []
  private buffer = ''
  private response: IncomingMessage | null = null
  status = 0

  static open(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    const client = new SseClient()
    return new Promise((resolve, reject) => {
      const req = request(url, { headers: { accept: 'text/event-stream', ...headers } }, res => {
        client.response = res
        client.status = res.statusCode ?? 0
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => client.feed(chunk))
        // The connection is open once the server's first comment arrived.
        res.once('data', () => resolve(client))
      })
      req.on('error', reject)
      req.end()
    })
  }

  private feed(chunk: string): void {
    this.buffer += chunk
    let end: number
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end)
      this.buffer = this.buffer.slice(end + 2)
      const event: SseEvent = { data: '' }
      let data: string[] | null = null
      for (const line of block.split('\n')) {
        if (line.startsWith(':') || line === '') continue
        const colon = line.indexOf(':')
        const field = colon < 0 ? line : line.slice(0, colon)
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '')
        if (field === 'data') (data ??= []).push(value)
        else if (field === 'id') event.id = value
        else if (field === 'event') event.event = value
      }
      if (data === null) continue
      event.data = data.join('\n')
      this.events.push(event)
      const waiters = this.waiters
      this.waiters = []
      for (const wake of waiters) wake()
    }
  }

  async next(timeoutMs = 5000): Promise<SseEvent> {
    const deadline = Date.now() + timeoutMs
    while (this.events.length === 0) {
      const left = deadline - Date.now()
      if (left <= 0) throw new Error(`no event within ${timeoutMs} ms`)
      await new Promise<void>(resolve => {
        const timer = setTimeout(resolve, left)
        this.waiters.push(() => {
          clearTimeout(timer)
          resolve()
        })
      })
    }
    return this.events.shift() as SseEvent
  }

  close(): void {
    this.response?.destroy()
  }
}

/** The event's data, parsed and checked against the document's RegistryChange schema. */
export function parseChange(event: SseEvent): Record<string, string> {
  const change = JSON.parse(event.data) as Record<string, string>
  const validate = ajv.getSchema('openapi.json#/components/schemas/RegistryChange')
  if (!validate?.(change))
    throw new Error(`event does not match RegistryChange: ${ajv.errorsText(validate?.errors)}`)
  expect(event.id).toBe(change.id)
  expect(event.event).toBe(change.kind)
  return change
}
