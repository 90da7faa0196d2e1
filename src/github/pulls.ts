/**
 * Typed pull request, review and label calls over the shared client: what the review channel
 * needs to propose a registry change and to read who approved it. Failures become one-line
 * RegistryErrors through the client's `fail`, naming what was attempted and never the token.
 */
import type { GitHubClient } from './client.js'
import { call, listAll, repoSlug as slug } from './call.js'
import { validationCodes, gitHubMessage, httpStatus } from './errors.js'
import type { RepoRef } from './releases.js'
import { endpointOf, listOf } from './types.js'

export interface GitHubPull {
  number: number
  html_url: string
  state: 'open' | 'closed'
  merged: boolean
  /** Login of the author; null for a deleted account ("ghost"). */
  user: string | null
  head: { ref: string; sha: string }
  base: { ref: string; sha: string }
  labels: string[]
}

export interface GitHubReview {
  user: string | null
  /** APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED or PENDING. */
  state: string
  submitted_at: string | null
  commit_id: string | null
  /** OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR, NONE…: the reviewer's relation to the repository. */
  author_association: string
}

type Loose = Record<string, unknown>
const str = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback)
const login = (value: unknown): string | null => {
  const l = (value as Loose | null | undefined)?.login
  return typeof l === 'string' ? l : null
}
const side = (value: unknown): { ref: string; sha: string } => {
  const s = (value ?? {}) as Loose
  return { ref: str(s.ref), sha: str(s.sha) }
}

export function toPull(data: unknown): GitHubPull {
  const p = (data ?? {}) as Loose
  return {
    number: Number(p.number),
    html_url: str(p.html_url),
    state: p.state === 'closed' ? 'closed' : 'open',
    // The list representations have no `merged` flag; merged_at is set exactly when merged.
    merged: p.merged === true || typeof p.merged_at === 'string',
    user: login(p.user),
    head: side(p.head),
    base: side(p.base),
    labels: Array.isArray(p.labels) ? p.labels.map(l => str((l as Loose | null)?.name)).filter(Boolean) : []
  }
}

/** The open pull request from `branch` (of this repository) into `base`, if any. */
export async function findOpenPull(
  client: GitHubClient,
  params: RepoRef & { branch: string; base: string }
): Promise<GitHubPull | null> {
  const { owner, repo, branch, base } = params
  return call(client, params, `looking up the pull request for ${branch}`, async () => {
    const response = await client.octokit.rest.pulls.list({
      owner,
      repo,
      head: `${owner}:${branch}`,
      base,
      state: 'open',
      per_page: 10
    })
    const found = listOf(response.data, endpointOf(response.url))
      .map(toPull)
      .find(p => p.head.ref === branch)
    return found ?? null
  })
}

export interface CreatePullParams extends RepoRef {
  branch: string
  base: string
  title: string
  body: string
}

/**
 * Creates the pull request; null when GitHub answers that one already exists for the branch
 * (another run got there first), so the caller can find and update it instead.
 */
export async function createPull(client: GitHubClient, params: CreatePullParams): Promise<GitHubPull | null> {
  const { owner, repo, branch, base, title, body } = params
  try {
    const response = await client.octokit.rest.pulls.create({ owner, repo, head: branch, base, title, body })
    return toPull(response.data)
  } catch (error) {
    const exists =
      httpStatus(error) === 422 &&
      (validationCodes(error).includes('already_exists') ||
        /already exists/i.test(gitHubMessage(error) ?? '') ||
        /already exists/i.test(
          JSON.stringify((error as { response?: { data?: unknown } }).response?.data ?? '')
        ))
    if (exists) return null
    throw client.fail(error, `opening a pull request from ${branch} into ${base}`, slug(params))
  }
}

export async function updatePull(
  client: GitHubClient,
  params: RepoRef & { pull_number: number; title: string; body: string }
): Promise<GitHubPull> {
  const { owner, repo, pull_number, title, body } = params
  return call(client, params, `updating pull request #${pull_number}`, async () => {
    const response = await client.octokit.rest.pulls.update({ owner, repo, pull_number, title, body })
    return toPull(response.data)
  })
}

export async function getPull(
  client: GitHubClient,
  params: RepoRef & { pull_number: number }
): Promise<GitHubPull> {
  const { owner, repo, pull_number } = params
  return call(client, params, `reading pull request #${pull_number}`, async () => {
    const response = await client.octokit.rest.pulls.get({ owner, repo, pull_number })
    return toPull(response.data)
  })
}

/** Every review of the pull request, oldest first (GitHub's order). */
export async function listReviews(
  client: GitHubClient,
  params: RepoRef & { pull_number: number }
): Promise<GitHubReview[]> {
  const { owner, repo, pull_number } = params
  return call(client, params, `listing reviews of pull request #${pull_number}`, async () => {
    const data = (await listAll(client, client.octokit.rest.pulls.listReviews, {
      owner,
      repo,
      pull_number
    })) as Loose[]
    return data.map(r => ({
      user: login(r.user),
      state: str(r.state),
      submitted_at: typeof r.submitted_at === 'string' ? r.submitted_at : null,
      commit_id: typeof r.commit_id === 'string' ? r.commit_id : null,
      author_association: str(r.author_association)
    }))
  })
}

export async function listLabels(
  client: GitHubClient,
  params: RepoRef & { issue_number: number }
): Promise<string[]> {
  const { owner, repo, issue_number } = params
  return call(client, params, `listing labels of #${issue_number}`, async () => {
    const data = (await listAll(client, client.octokit.rest.issues.listLabelsOnIssue, {
      owner,
      repo,
      issue_number
    })) as Loose[]
    return data.map(l => str(l?.name)).filter(Boolean)
  })
}

export async function addLabels(
  client: GitHubClient,
  params: RepoRef & { issue_number: number; labels: string[] }
): Promise<void> {
  const { owner, repo, issue_number, labels } = params
  if (labels.length === 0) return
  await call(client, params, `labelling #${issue_number}`, async () => {
    await client.octokit.rest.issues.addLabels({ owner, repo, issue_number, labels })
  })
}

/** Pull requests that carry the commit (open) or brought it (merged), newest first. */
export async function pullsForCommit(
  client: GitHubClient,
  params: RepoRef & { commit_sha: string }
): Promise<GitHubPull[]> {
  const { owner, repo, commit_sha } = params
  return call(client, params, `listing pull requests of commit ${commit_sha.slice(0, 12)}`, async () => {
    const data = await listAll(client, client.octokit.rest.repos.listPullRequestsAssociatedWithCommit, {
      owner,
      repo,
      commit_sha
    })
    return data.map(toPull)
  })
}

/**
 * The user's permission on the repository: admin, write, read or none ("maintain" is reported
 * as write, "triage" as read).
 * https://docs.github.com/en/rest/collaborators/collaborators#get-repository-permissions-for-a-user
 */
export async function collaboratorPermission(
  client: GitHubClient,
  params: RepoRef & { username: string }
): Promise<string> {
  const { owner, repo, username } = params
  try {
    const response = await client.octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username })
    return str(response.data.permission) || 'none'
  } catch (error) {
    // 404: no such user (a deleted account) — no permission at all.
    if (httpStatus(error) === 404) return 'none'
    throw client.fail(error, `reading the permission of ${username}`, slug(params))
  }
}
