/**
 * Typed release, tag and asset calls over the shared client. Each one maps failures to a
 * RegistryError naming what was attempted; "already gone" answers of deletions are successes,
 * so undo and cleanup can be repeated safely.
 */
import type { GitHubClient } from './client.js';
import { type RepoRef } from './call.js';
import { type GitHubAsset, type GitHubRelease } from './types.js';
export type { RepoRef } from './call.js';
export interface CreateDraftReleaseParams extends RepoRef {
    tag: string;
    name: string;
    /** The commit (or branch) the tag will point at when published; GitHub's default branch if absent. */
    target_commitish?: string;
    body?: string;
}
export declare function createDraftRelease(client: GitHubClient, params: CreateDraftReleaseParams): Promise<GitHubRelease>;
/** The published release with this tag, or null (GitHub hides drafts from this lookup). */
export declare function getReleaseByTag(client: GitHubClient, params: RepoRef & {
    tag: string;
}): Promise<GitHubRelease | null>;
export declare function getRelease(client: GitHubClient, params: RepoRef & {
    release_id: number;
}): Promise<GitHubRelease | null>;
/**
 * GitHub pages through the first 1000 releases only ("Only the first 1000 results are
 * available", 422, past them): a listing is the newest releases, up to this many.
 */
export declare const RELEASE_LIST_LIMIT = 1000;
/** The newest `limit` releases of the repository (newest first), drafts included (visible to a token with push access). */
export declare function listReleases(client: GitHubClient, params: RepoRef & {
    limit?: number;
}): Promise<GitHubRelease[]>;
/**
 * The names of every tag of the repository (without `refs/tags/`), in one response: "List
 * matching references" takes no paging parameters and answers every match
 * (https://docs.github.com/en/rest/git/refs#list-matching-references; GitHub confirmed that
 * `per_page` is ignored there: https://github.com/github/docs/issues/3863), so it has no 1,000 cap.
 * `tags` is a string prefix of `refs/tags/…` (the slash of `tags/` would be percent-encoded).
 */
export declare function listTagNames(client: GitHubClient, params: RepoRef): Promise<string[]>;
export declare function publishRelease(client: GitHubClient, params: RepoRef & {
    release_id: number;
    tag?: string;
}): Promise<GitHubRelease>;
export declare function updateReleaseBody(client: GitHubClient, params: RepoRef & {
    release_id: number;
    body: string;
}): Promise<GitHubRelease>;
/** Deletes a release (GitHub deletes its assets with it, not its tag). False when it was already gone. */
export declare function deleteRelease(client: GitHubClient, params: RepoRef & {
    release_id: number;
}): Promise<boolean>;
/**
 * Deletes the git ref `tags/<tag>`. False when it was already gone: GitHub answers 404 or 422
 * "Reference does not exist" for that. Other 422s (the tag of an immutable release) are errors.
 */
export declare function deleteTag(client: GitHubClient, params: RepoRef & {
    tag: string;
}): Promise<boolean>;
export declare function listAssets(client: GitHubClient, params: RepoRef & {
    release_id: number;
}): Promise<GitHubAsset[]>;
export declare function getAsset(client: GitHubClient, params: RepoRef & {
    asset_id: number;
}): Promise<GitHubAsset | null>;
/** False when the asset was already gone. */
export declare function deleteAsset(client: GitHubClient, params: RepoRef & {
    asset_id: number;
}): Promise<boolean>;
