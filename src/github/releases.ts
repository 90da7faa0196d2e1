/**
 * Typed release, tag and asset calls over the shared client. Each one maps failures to a
 * RegistryError naming what was attempted; "already gone" answers of deletions are successes,
 * so undo and cleanup can be repeated safely.
 */
import type { GitHubClient } from './client.js'
import { call, listAll, repoSlug as slug, type RepoRef } from './call.js'
import { gitHubMessage, httpStatus } from './errors.js'
import { endpointOf, listOf, toAsset, toRelease, type GitHubAsset, type GitHubRelease } from './types.js'

export type { RepoRef } from './call.js'

/** Runs a call where 404 means "not there": returns undefined instead of throwing. */
async function unlessMissing<T>(
  client: GitHubClient,
  ref: RepoRef,
  action: string,
  run: () => Promise<T>,
  missing: number[] = [404]
): Promise<T | undefined> {
  try {
    return await run()
  } catch (error) {
    const status = httpStatus(error)
    if (status !== undefined && missing.includes(status)) return undefined
    throw client.fail(error, action, slug(ref))
  }
}

/**
 * Model releases never become the repository's "Latest" release: `make_latest` "defaults to
 * true for newly published releases", which would take the badge from the project's own releases.
 * https://docs.github.com/en/rest/releases/releases#create-a-release
 */
const NEVER_LATEST = 'false' as const

export interface CreateDraftReleaseParams extends RepoRef {
  tag: string
  name: string
  /** The commit (or branch) the tag will point at when published; GitHub's default branch if absent. */
  target_commitish?: string
  body?: string
}

export async function createDraftRelease(
  client: GitHubClient,
  params: CreateDraftReleaseParams
): Promise<GitHubRelease> {
  const { owner, repo, tag, name, target_commitish, body } = params
  return call(client, params, `creating release ${tag}`, async () => {
    const response = await client.octokit.rest.repos.createRelease({
      owner,
      repo,
      tag_name: tag,
      name,
      body: body ?? '',
      draft: true,
      prerelease: false,
      make_latest: NEVER_LATEST,
      ...(target_commitish ? { target_commitish } : {})
    })
    return toRelease(response.data)
  })
}

/** The published release with this tag, or null (GitHub hides drafts from this lookup). */
export async function getReleaseByTag(
  client: GitHubClient,
  params: RepoRef & { tag: string }
): Promise<GitHubRelease | null> {
  const { owner, repo, tag } = params
  const found = await unlessMissing(client, params, `reading release ${tag}`, async () => {
    const response = await client.octokit.rest.repos.getReleaseByTag({ owner, repo, tag })
    return toRelease(response.data)
  })
  return found ?? null
}

export async function getRelease(
  client: GitHubClient,
  params: RepoRef & { release_id: number }
): Promise<GitHubRelease | null> {
  const { owner, repo, release_id } = params
  const found = await unlessMissing(client, params, `reading release ${release_id}`, async () => {
    const response = await client.octokit.rest.repos.getRelease({ owner, repo, release_id })
    return toRelease(response.data)
  })
  return found ?? null
}

/**
 * GitHub pages through the first 1000 releases only ("Only the first 1000 results are
 * available", 422, past them): a listing is the newest releases, up to this many.
 */
export const RELEASE_LIST_LIMIT = 1000

/** The newest `limit` releases of the repository (newest first), drafts included (visible to a token with push access). */
export async function listReleases(
  client: GitHubClient,
  params: RepoRef & { limit?: number }
): Promise<GitHubRelease[]> {
  const { owner, repo } = params
  const limit = Math.min(params.limit ?? RELEASE_LIST_LIMIT, RELEASE_LIST_LIMIT)
  return call(client, params, 'listing releases', async () => {
    const data = await listAll(client, client.octokit.rest.repos.listReleases, { owner, repo }, limit)
    return data.map(toRelease)
  })
}

/**
 * The names of every tag of the repository (without `refs/tags/`), in one response: "List
 * matching references" takes no paging parameters and answers every match
 * (https://docs.github.com/en/rest/git/refs#list-matching-references; GitHub confirmed that
 * `per_page` is ignored there: https://github.com/github/docs/issues/3863), so it has no 1,000 cap.
 * `tags` is a string prefix of `refs/tags/…` (the slash of `tags/` would be percent-encoded).
 */
export async function listTagNames(client: GitHubClient, params: RepoRef): Promise<string[]> {
  const { owner, repo } = params
  return call(client, params, 'listing tags', async () => {
    const response = await client.octokit.rest.git.listMatchingRefs({ owner, repo, ref: 'tags' })
    return listOf(response.data, endpointOf(response.url)).flatMap(entry => {
      const ref = (entry as { ref?: unknown }).ref
      return typeof ref === 'string' && ref.startsWith('refs/tags/') ? [ref.slice('refs/tags/'.length)] : []
    })
  })
}

export async function publishRelease(
  client: GitHubClient,
  params: RepoRef & { release_id: number; tag?: string }
): Promise<GitHubRelease> {
  const { owner, repo, release_id } = params
  return call(client, params, `publishing release ${params.tag ?? release_id}`, async () => {
    const response = await client.octokit.rest.repos.updateRelease({
      owner,
      repo,
      release_id,
      draft: false,
      make_latest: NEVER_LATEST
    })
    return toRelease(response.data)
  })
}

export async function updateReleaseBody(
  client: GitHubClient,
  params: RepoRef & { release_id: number; body: string }
): Promise<GitHubRelease> {
  const { owner, repo, release_id, body } = params
  return call(client, params, `updating release ${release_id}`, async () => {
    const response = await client.octokit.rest.repos.updateRelease({ owner, repo, release_id, body })
    return toRelease(response.data)
  })
}

/** Deletes a release (GitHub deletes its assets with it, not its tag). False when it was already gone. */
export async function deleteRelease(
  client: GitHubClient,
  params: RepoRef & { release_id: number }
): Promise<boolean> {
  const { owner, repo, release_id } = params
  const done = await unlessMissing(client, params, `deleting release ${release_id}`, async () => {
    await client.octokit.rest.repos.deleteRelease({ owner, repo, release_id })
    return true
  })
  return done ?? false
}

/**
 * Deletes the git ref `tags/<tag>`. False when it was already gone: GitHub answers 404 or 422
 * "Reference does not exist" for that. Other 422s (the tag of an immutable release) are errors.
 */
export async function deleteTag(client: GitHubClient, params: RepoRef & { tag: string }): Promise<boolean> {
  const { owner, repo, tag } = params
  try {
    // The route spells `tags/` literally: Octokit would percent-encode the slash of a `{ref}`.
    await client.octokit.request('DELETE /repos/{owner}/{repo}/git/refs/tags/{tag}', { owner, repo, tag })
    return true
  } catch (error) {
    const status = httpStatus(error)
    if (status === 404) return false
    if (status === 422 && /does not exist/i.test(gitHubMessage(error) ?? '')) return false
    throw client.fail(error, `deleting tag ${tag}`, slug(params))
  }
}

export async function listAssets(
  client: GitHubClient,
  params: RepoRef & { release_id: number }
): Promise<GitHubAsset[]> {
  const { owner, repo, release_id } = params
  return call(client, params, `listing assets of release ${release_id}`, async () => {
    const data = await listAll(client, client.octokit.rest.repos.listReleaseAssets, {
      owner,
      repo,
      release_id
    })
    return data.map(toAsset)
  })
}

export async function getAsset(
  client: GitHubClient,
  params: RepoRef & { asset_id: number }
): Promise<GitHubAsset | null> {
  const { owner, repo, asset_id } = params
  const found = await unlessMissing(client, params, `reading asset ${asset_id}`, async () => {
    const response = await client.octokit.rest.repos.getReleaseAsset({ owner, repo, asset_id })
    return toAsset(response.data)
  })
  return found ?? null
}

/** False when the asset was already gone. */
export async function deleteAsset(
  client: GitHubClient,
  params: RepoRef & { asset_id: number }
): Promise<boolean> {
  const { owner, repo, asset_id } = params
  const done = await unlessMissing(client, params, `deleting asset ${asset_id}`, async () => {
    await client.octokit.rest.repos.deleteReleaseAsset({ owner, repo, asset_id })
    return true
  })
  return done ?? false
}
