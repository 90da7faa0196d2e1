/** One GitHub API call as the rest of src/github makes it: failures become one-line RegistryErrors naming the repository. */
import type { GitHubClient } from './client.js'

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
