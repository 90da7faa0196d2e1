/**
 * Hash routes (`#/models/fraud?stage=production`): the server serves one page and the views
 * live in the fragment, so a link to any view works without server-side routing.
 */
export type Route =
  | { view: 'overview'; query: URLSearchParams }
  | { view: 'model'; name: string; query: URLSearchParams }
  | { view: 'version'; ref: string; query: URLSearchParams }
  | { view: 'compare'; query: URLSearchParams }
  | { view: 'missing'; path: string; query: URLSearchParams }

export function parseRoute(hash: string): Route {
  const text = hash.replace(/^#/, '') || '/'
  const mark = text.indexOf('?')
  const path = mark < 0 ? text : text.slice(0, mark)
  const query = new URLSearchParams(mark < 0 ? '' : text.slice(mark + 1))
  const parts = path.split('/').filter(Boolean).map(safeDecode)
  if (parts.length === 0) return { view: 'overview', query }
  if (parts[0] === 'models' && parts.length === 2) return { view: 'model', name: parts[1] as string, query }
  if (parts[0] === 'versions' && parts.length === 2)
    return { view: 'version', ref: parts[1] as string, query }
  if (parts[0] === 'compare' && parts.length === 1) return { view: 'compare', query }
  return { view: 'missing', path, query }
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part)
  } catch {
    return part
  }
}

const seg = encodeURIComponent

function withQuery(path: string, params?: Array<[string, string]>): string {
  const query = new URLSearchParams(params ?? []).toString()
  return `#${path}${query ? `?${query}` : ''}`
}

export const href = {
  overview: (params?: Array<[string, string]>) => withQuery('/', params),
  model: (name: string, params?: Array<[string, string]>) => withQuery(`/models/${seg(name)}`, params),
  version: (ref: string) => `#/versions/${seg(ref)}`,
  compare: (refs: string[]) =>
    withQuery(
      '/compare',
      refs.map(ref => ['ref', ref])
    )
}
