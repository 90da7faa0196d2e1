/**
 * The dashboard's only way to the registry: the server's JSON API (schemas/openapi.json), same
 * origin. A server started with --token answers 401 until the user gives the token; it is kept for
 * this tab only (sessionStorage) and sent as a bearer header, never put in a URL.
 */
import type {
  CompareOutcome,
  HistoryOutcome,
  ModelSummary,
  StageSpan,
  VersionPageBody
} from '../domain/shapes.js'
import type { ModelVersion } from '../domain/types.js'

export type { ModelSummary, ModelVersion, StageSpan }

export type VersionPage = VersionPageBody

/** The largest `limit` the versions route takes (schemas/openapi.json). */
export const MAX_PAGE = 1000

export type Comparison = CompareOutcome

export type History = HistoryOutcome

/** An answer other than 2xx: the API's `{error: {kind, message}}`. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly kind: string,
    message: string
  ) {
    super(message)
  }
}

const TOKEN_KEY = 'mreg-token'

export function storedToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY)
}

export function setToken(token: string | null): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token)
  else sessionStorage.removeItem(TOKEN_KEY)
}

export function authHeaders(): Record<string, string> {
  const token = storedToken()
  return token ? { authorization: `Bearer ${token}` } : {}
}

export async function getJson<T>(path: string, params: Array<[string, string]> = []): Promise<T> {
  const query = new URLSearchParams(params).toString()
  const res = await fetch(path + (query ? `?${query}` : ''), { headers: authHeaders() })
  const body = (await res.json().catch(() => null)) as { error?: { kind?: string; message?: string } } | null
  if (!res.ok) {
    const kind = body?.error?.kind ?? 'internal'
    throw new ApiFailure(res.status, kind, body?.error?.message ?? `${res.status} ${res.statusText}`)
  }
  return body as T
}

const seg = encodeURIComponent

export const api = {
  models: () => getJson<{ models: ModelSummary[] }>('/api/v1/models').then(r => r.models),
  versions: (name: string, params: Array<[string, string]>) =>
    getJson<VersionPage>(`/api/v1/models/${seg(name)}/versions`, params),
  version: (ref: string) => getJson<ModelVersion>(`/api/v1/versions/${seg(ref)}`),
  compare: (refs: string[]) =>
    getJson<Comparison>(
      '/api/v1/compare',
      refs.map(ref => ['ref', ref])
    ),
  history: (target: string, at?: string) =>
    getJson<History>(`/api/v1/history/${seg(target)}`, at ? [['at', at]] : []),
  artifactUrl: (ref: string) => `/api/v1/versions/${seg(ref)}/artifact`,
  /** One file of a directory version: its manifest path, each segment encoded. */
  fileUrl: (ref: string, path: string) =>
    `/api/v1/versions/${seg(ref)}/artifact/${path.split('/').map(seg).join('/')}`
}

/**
 * The latest `count` versions of a model by registration (archived ones included), page by page,
 * and how many versions it has in all: the charts draw a window this size, and say so.
 */
export async function latestVersions(
  name: string,
  count: number
): Promise<{ versions: ModelVersion[]; total: number }> {
  const versions: ModelVersion[] = []
  let cursor: string | null = null
  let total = 0
  do {
    const params: Array<[string, string]> = [
      ['limit', String(Math.min(MAX_PAGE, count - versions.length))],
      ['sort', 'registered'],
      ['include_archived', 'true']
    ]
    if (cursor) params.push(['cursor', cursor])
    const page = await api.versions(name, params)
    versions.push(...page.versions)
    cursor = page.next_cursor
    total = page.total
  } while (cursor && versions.length < count)
  return { versions, total }
}
