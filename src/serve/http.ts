/** Small helpers over node:http for a JSON API: answers, errors, query parameters. */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { invalidInput, isRegistryError, type ErrorKind } from '../domain/errors.js'

export type ApiErrorKind = ErrorKind | 'unauthorized' | 'internal' | 'method-not-allowed' | 'too-large'

const STATUS: Record<ApiErrorKind, number> = {
  'invalid-input': 400,
  unauthorized: 401,
  'not-found': 404,
  'not-initialised': 404,
  'method-not-allowed': 405,
  refused: 409,
  conflict: 409,
  'too-large': 413,
  integrity: 500,
  internal: 500,
  unavailable: 503
}

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string
  ) {
    super(message)
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers
  })
  res.end(text)
}

/** The JSON error for a failure; a bug is reported as `internal` without its message (it is logged). */
export function errorBody(error: unknown): { status: number; body: { error: Record<string, unknown> } } {
  if (error instanceof ApiError) {
    return { status: STATUS[error.kind], body: { error: { kind: error.kind, message: error.message } } }
  }
  if (isRegistryError(error)) {
    const body: Record<string, unknown> = { kind: error.kind, message: error.message }
    if (error.field !== undefined) body.field = error.field
    return { status: STATUS[error.kind], body: { error: body } }
  }
  return { status: 500, body: { error: { kind: 'internal', message: 'internal error; see the server log' } } }
}

export class Query {
  constructor(private readonly params: URLSearchParams) {}

  one(name: string): string | undefined {
    const values = this.params.getAll(name)
    if (values.length > 1)
      throw fieldError(name, `query parameter "${name}" is given ${values.length} times; give it once`)
    return values[0]
  }

  all(name: string): string[] {
    return this.params.getAll(name)
  }

  boolean(name: string): boolean {
    const value = this.one(name)
    if (value === undefined || value === 'false' || value === '0') return false
    if (value === 'true' || value === '1' || value === '') return true
    throw fieldError(name, `query parameter "${name}" must be true or false, got "${value}"`)
  }

  integer(name: string, min: number, max: number): number | undefined {
    const value = this.one(name)
    if (value === undefined) return undefined
    if (!/^\d{1,9}$/.test(value) || Number(value) < min || Number(value) > max)
      throw fieldError(
        name,
        `query parameter "${name}" must be a whole number from ${min} to ${max}, got "${value}"`
      )
    return Number(value)
  }

  /** Refuses parameters the route does not know, so a typo is not silently ignored. */
  only(known: string[]): void {
    for (const name of new Set(this.params.keys())) {
      if (!known.includes(name))
        throw fieldError(
          name,
          `unknown query parameter "${name}"; this route takes ${known.join(', ') || 'none'}`
        )
    }
  }
}

export function fieldError(field: string, message: string) {
  return invalidInput(message, { field })
}

/** Reads a request body up to `limit` bytes; a larger one is refused with 413. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > limit) throw new ApiError('too-large', `request body over ${limit} bytes`)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > limit) throw new ApiError('too-large', `request body over ${limit} bytes`)
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}
