/**
 * Commit statuses: how the policy verdict reaches a pull request. A status (not a check run) is
 * used because GITHUB_TOKEN can always post one with `statuses: write`, and branch protection can
 * require its context.
 */
import type { GitHubClient } from './client.js'
import { oneLine } from './errors.js'
import type { RepoRef } from './releases.js'

/** GitHub refuses longer descriptions with 422. */
export const MAX_STATUS_DESCRIPTION = 140

export interface CreateStatusParams extends RepoRef {
  sha: string
  state: 'success' | 'failure' | 'pending' | 'error'
  description: string
  context: string
  target_url?: string
}

export async function createCommitStatus(client: GitHubClient, params: CreateStatusParams): Promise<void> {
  const { owner, repo, sha, state, context, target_url } = params
  const description = oneLine(params.description, MAX_STATUS_DESCRIPTION)
  try {
    await client.octokit.rest.repos.createCommitStatus({
      owner,
      repo,
      sha,
      state,
      context,
      description,
      ...(target_url ? { target_url } : {})
    })
  } catch (error) {
    throw client.fail(error, `posting status ${context} on ${sha.slice(0, 12)}`, `${owner}/${repo}`)
  }
}
