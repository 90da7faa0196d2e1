/**
 * What every handler gets: the emulator's URLs, its state, the repository, the faults, and the
 * shapes of a request and an answer. Handlers return answers or throw ApiError; the server turns
 * both into validated HTTP responses.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FaultInjector } from './faults.js'
import type { PushRules } from './git/push-rules.js'
import type { GitRepo } from './git/repo.js'
import type { RuleName } from './rules.js'
import type { EmulatorState } from './state.js'

export interface EmulatorContext {
  apiUrl: string
  serverUrl: string
  uploadsUrl: string
  downloadOrigin: string
  owner: string
  repo: string
  repoId: number
  defaultBranch: string
  createdAt: string
  maxAssetBytes: number
  immutableReleases: boolean
  state: EmulatorState
  git: GitRepo
  faults: FaultInjector
  /** Further tokens and the rulesets pushes and merges meet (git/push-rules.ts). */
  pushRules: PushRules
  /** A signed, short-lived URL on the download origin for an asset's bytes. */
  signDownload(assetId: number, name: string): string
}

export interface ApiRequest {
  operationId: string
  method: string
  /** Path parameters, coerced to the declared types. */
  params: Record<string, unknown>
  /** Query parameters, coerced to the declared types. */
  query: Record<string, unknown>
  body: unknown
  headers: IncomingMessage['headers']
  /** Absolute URL of the request as the client addressed it (for Link headers). */
  url: URL
  /** Raw request and response, for the streaming upload only. */
  raw: IncomingMessage
  rawResponse: ServerResponse
}

export interface ApiAnswer {
  status: number
  body?: unknown
  headers?: Record<string, string>
  rule?: RuleName
  /** The handler already dealt with the socket (destroyed it): send nothing. */
  handled?: boolean
  /** A body that is not JSON (the raw media type: handlers/git-database.ts), sent as is. */
  raw?: { bytes: Buffer; contentType: string }
}

export type Handler = (ctx: EmulatorContext, req: ApiRequest) => Promise<ApiAnswer> | ApiAnswer

/** https://docs.github.com/rest — GitHub's error bodies point at the docs of the failing endpoint. */
const DOCS = 'https://docs.github.com/rest'

export interface ValidationErrorItem {
  resource: string
  code: string
  field?: string
  message?: string
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly options: {
      errors?: (ValidationErrorItem | string)[]
      rule?: RuleName
      headers?: Record<string, string>
    } = {}
  ) {
    super(message)
  }

  answer(): ApiAnswer {
    const body: Record<string, unknown> = {
      message: this.message,
      documentation_url: DOCS,
      status: String(this.status)
    }
    if (this.options.errors) body.errors = this.options.errors
    return {
      status: this.status,
      body,
      rule: this.options.rule ?? 'generic-client-error',
      headers: this.options.headers
    }
  }
}

export function notFound(): ApiError {
  return new ApiError(404, 'Not Found')
}

export function validationFailed(
  errors: ValidationErrorItem[],
  rule?: RuleName,
  message = 'Validation Failed'
): ApiError {
  return new ApiError(422, message, { errors, rule })
}

/**
 * Page of a list and its Link header (rule `pagination-link`). With `cap`, only the first `cap`
 * results can be paged to (rule `pagination-cap`): a page past them is refused with 422, though
 * the Link header, counting every result, still names it as `next` — so a client that follows
 * the links through a longer list meets the 422, as clients of GitHub do.
 */
export function paginate<T>(
  req: ApiRequest,
  items: T[],
  cap?: number
): { page: T[]; headers: Record<string, string> } {
  const perPage = Math.min(Math.max(Number(req.query.per_page ?? 30), 1), 100)
  const pageNumber = Math.max(Number(req.query.page ?? 1), 1)
  if (cap !== undefined && (pageNumber - 1) * perPage >= cap) {
    throw new ApiError(422, `Only the first ${cap} results are available.`, { rule: 'pagination-cap' })
  }
  const last = Math.max(1, Math.ceil(items.length / perPage))
  const page = items.slice((pageNumber - 1) * perPage, pageNumber * perPage)
  const link = (n: number, rel: string): string => {
    const url = new URL(req.url)
    url.searchParams.set('per_page', String(perPage))
    url.searchParams.set('page', String(n))
    return `<${url.toString()}>; rel="${rel}"`
  }
  const links: string[] = []
  if (pageNumber > 1) links.push(link(pageNumber - 1, 'prev'))
  if (pageNumber < last) links.push(link(pageNumber + 1, 'next'), link(last, 'last'))
  if (pageNumber > 1) links.push(link(1, 'first'))
  return { page, headers: links.length > 0 ? { link: links.join(', ') } : {} }
}

/**
 * The request breaks the description (or a documented requirement it leaves out, such as the
 * upload's Content-Length): recorded in validationErrors and answered 500, like a schema mismatch.
 */
export class RequestMismatch extends Error {}
