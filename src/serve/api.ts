/**
 * The JSON routes of `mreg serve`: each one parses its path and query into a command's typed
 * input and answers with the document `mreg … --json` prints. Paths are split on `/` before
 * decoding, so an encoded `%2F` never becomes a path separator; references and names are then
 * validated by the same parsers as the CLI (no traversal: a name is `[a-z0-9][a-z0-9_.-]*`, never `..`).
 */
import { compare } from '../commands/compare.js'
import type { CommandContext } from '../commands/context.js'
import { history } from '../commands/history.js'
import { listVersionPage } from '../commands/list.js'
import { listModels } from '../commands/models.js'
import { findVersion } from '../commands/resolve.js'
import { showVersion } from '../commands/show.js'
import { parseMetricAssignment } from '../domain/metrics.js'
import { parseTag } from '../domain/names.js'
import { parseSortKey, type Criteria } from '../domain/selection.js'
import type { VersionPageBody } from '../domain/shapes.js'
import { parseTime } from '../domain/time.js'
import type { Metrics } from '../domain/types.js'
import { fieldError, Query } from './http.js'

export interface JsonRoute {
  /** The route's name in metrics and logs: the OpenAPI path template. */
  route: string
  pattern: RegExp
  handle: (ctx: CommandContext, params: string[], query: Query) => Promise<unknown>
}

const CRITERIA = ['type', 'stage', 'tag', 'min', 'include_archived']

export const JSON_ROUTES: JsonRoute[] = [
  {
    route: '/api/v1/models',
    pattern: /^\/api\/v1\/models$/,
    handle: async (ctx, _params, query) => {
      query.only([])
      return { models: await listModels(ctx) }
    }
  },
  {
    route: '/api/v1/models/{name}/versions',
    pattern: /^\/api\/v1\/models\/([^/]+)\/versions$/,
    handle: async (ctx, [name], query) => {
      query.only([...CRITERIA.filter(c => c !== 'type'), 'sort', 'limit', 'cursor'])
      const sort = query.one('sort')
      const page = await withField('sort', async () => (sort === undefined ? undefined : parseSortKey(sort)))
      const result = await listVersionPage(ctx, {
        name: name as string,
        criteria: criteria(query),
        sort: page,
        limit: query.integer('limit', 1, 1000) ?? 100,
        after: query.one('cursor')
      })
      const body: VersionPageBody = {
        versions: result.versions,
        next_cursor: result.next,
        total: result.total
      }
      return body
    }
  },
  {
    route: '/api/v1/versions/{ref}',
    pattern: /^\/api\/v1\/versions\/([^/]+)$/,
    handle: async (ctx, [reference], query) => {
      query.only([])
      return withField('ref', () => showVersion(ctx, reference as string))
    }
  },
  {
    route: '/api/v1/resolve',
    pattern: /^\/api\/v1\/resolve$/,
    handle: async (ctx, _params, query) => {
      query.only(['name', ...CRITERIA])
      const found = criteria(query)
      const name = query.one('name')
      if (name !== undefined) found.name = name
      return findVersion(ctx, found)
    }
  },
  {
    route: '/api/v1/compare',
    pattern: /^\/api\/v1\/compare$/,
    handle: async (ctx, _params, query) => {
      query.only(['ref'])
      const references = query.all('ref')
      if (references.length < 2)
        throw fieldError('ref', 'compare needs two or more references: ?ref=m@1.0.0&ref=m@1.1.0')
      return withField('ref', () => compare(ctx, references))
    }
  },
  {
    route: '/api/v1/history/{ref}',
    pattern: /^\/api\/v1\/history\/([^/]+)$/,
    handle: async (ctx, [target], query) => {
      query.only(['at'])
      const at = query.one('at')
      const time = at === undefined ? undefined : await withField('at', async () => parseTime(at, ctx.now()))
      return withField('ref', () => history(ctx, { target: target as string, at: time }))
    }
  }
]

function criteria(query: Query): Criteria {
  const found: Criteria = {}
  const type = query.one('type')
  const stage = query.one('stage')
  if (type !== undefined) found.model_type = type
  if (stage !== undefined) found.stage = stage
  const tags = query.all('tag')
  if (tags.length > 0) found.tags = tags.map(tag => inField('tag', () => parseTag(tag)))
  const mins = query.all('min')
  if (mins.length > 0) {
    const metrics: Metrics = {}
    for (const min of mins) {
      // The form is metric:value (URL-friendly); the CLI's metric=value works too.
      const assignment = min.includes('=') ? min : min.replace(':', '=')
      const [metric, value] = inField('min', () => parseMetricAssignment(assignment))
      metrics[metric] = value
    }
    found.min_metrics = metrics
  }
  if (query.boolean('include_archived')) found.include_archived = true
  return found
}

/** Names the query parameter at fault in an invalid-input error raised by a parser. */
async function withField<T>(field: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    throw relabel(error, field)
  }
}

function inField<T>(field: string, run: () => T): T {
  try {
    return run()
  } catch (error) {
    throw relabel(error, field)
  }
}

function relabel(error: unknown, field: string): unknown {
  if (
    error instanceof Error &&
    'kind' in error &&
    error.kind === 'invalid-input' &&
    !('field' in error && error.field)
  )
    return fieldError(field, error.message)
  return error
}
