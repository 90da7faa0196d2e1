/**
 * Matches a request path against the description's path templates. Path parameters are single
 * segments, percent-decoded (Octokit encodes `heads/main` as `heads%2Fmain`); when no template
 * matches segment for segment, a template whose last parameter names something that may hold
 * slashes (a ref, tag, path, label name) may absorb the remaining segments, because GitHub also
 * accepts `git/ref/heads/main` and `releases/tags/a/b` unencoded. Among candidates, the one with
 * more literal segments wins (`releases/latest` over `releases/{release_id}`).
 */
import type { RouteSpec } from './spec.js'

export interface RouteMatch {
  route: RouteSpec
  params: Record<string, string>
}

/** Parameters whose values may contain `/`. */
const SLASHED = new Set(['ref', 'tag', 'path', 'name', 'branch', 'commit_sha', 'basehead'])

interface CompiledRoute {
  route: RouteSpec
  segments: { literal?: string; param?: string }[]
  literals: number
}

export class PathMatcher {
  private readonly byMethod = new Map<string, CompiledRoute[]>()

  constructor(routes: RouteSpec[]) {
    for (const route of routes) {
      const segments = route.template
        .split('/')
        .slice(1)
        .map(part => {
          const param = /^\{([^}]+)\}$/.exec(part)
          return param ? { param: param[1] } : { literal: part }
        })
      const compiled = { route, segments, literals: segments.filter(s => s.literal !== undefined).length }
      const list = this.byMethod.get(route.method) ?? []
      list.push(compiled)
      this.byMethod.set(route.method, list)
    }
  }

  /** Every method some template accepts for this path (to tell 404 from 405). */
  methodsFor(path: string): string[] {
    return [...this.byMethod.keys()].filter(method => this.match(method, path) !== undefined)
  }

  match(method: string, path: string): RouteMatch | undefined {
    const raw = path.split('/').slice(1)
    let parts: string[]
    try {
      parts = raw.map(part => decodeURIComponent(part))
    } catch {
      return undefined
    }
    const candidates = this.byMethod.get(method.toUpperCase()) ?? []
    const exact = this.best(candidates, parts, false)
    return exact ?? this.best(candidates, parts, true)
  }

  private best(candidates: CompiledRoute[], parts: string[], greedy: boolean): RouteMatch | undefined {
    let winner: { match: RouteMatch; literals: number } | undefined
    for (const candidate of candidates) {
      const params = matchSegments(candidate, parts, greedy)
      if (params && (!winner || candidate.literals > winner.literals)) {
        winner = { match: { route: candidate.route, params }, literals: candidate.literals }
      }
    }
    return winner?.match
  }
}

function matchSegments(
  candidate: CompiledRoute,
  parts: string[],
  greedy: boolean
): Record<string, string> | undefined {
  const { segments } = candidate
  if (greedy ? parts.length <= segments.length : parts.length !== segments.length) return undefined
  const last = segments[segments.length - 1]
  if (greedy && (last?.param === undefined || !SLASHED.has(last.param))) return undefined
  const params: Record<string, string> = {}
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as { literal?: string; param?: string }
    const isLast = i === segments.length - 1
    const value = greedy && isLast ? parts.slice(i).join('/') : (parts[i] as string)
    if (segment.literal !== undefined) {
      if (segment.literal !== value) return undefined
    } else {
      if (value === '') return undefined
      params[segment.param as string] = value
    }
  }
  return params
}
