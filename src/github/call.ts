/** One GitHub API call as the rest of src/github makes it: failures become one-line RegistryErrors naming the repository. */
import type { GitHubClient } from './client.js'
import { endpointOf, listOf } from './types.js'

export interface RepoRef {
  owner: string
  repo: string
}

export const repoSlug = (ref: RepoRef): string => `${ref.owner}/${ref.repo}`

export async function call<T>(
  client: GitHubClient,
  ref: RepoRef,
  action: string,
  run: () => Promise<T>
): Promise<T> {
  try {
    return await run()
  } catch (error) {
    throw client.fail(error, action, repoSlug(ref))
  }
}

interface PagedResponse {
  data: unknown
  url: string
}

/**
 * Every item of a paged list endpoint, each page checked to be a list (a `{}` or an HTML page
 * from a proxy becomes an error naming the endpoint, not a crash or a bogus item). Stops once
 * `limit` items are in.
 */
export async function listAll(
  client: GitHubClient,
  // Octokit's endpoint methods, typed loosely: each caller maps the items to its own type.
  route: unknown,
  params: Record<string, unknown>,
  limit = Number.POSITIVE_INFINITY
): Promise<unknown[]> {
  const items: unknown[] = []
  const paginate = client.octokit.paginate as unknown as (
    route: unknown,
    params: Record<string, unknown>,
    map: (response: PagedResponse, done: () => void) => unknown[]
  ) => Promise<unknown[]>
  await paginate(route, { per_page: 100, ...params }, (response, done) => {
    items.push(...listOf(response.data, endpointOf(response.url)))
    if (items.length >= limit) done()
    return []
  })
  return items.slice(0, limit)
}
