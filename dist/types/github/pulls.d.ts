/**
 * Typed pull request, review and label calls over the shared client: what the review channel
 * needs to propose a registry change and to read who approved it. Failures become one-line
 * RegistryErrors through the client's `fail`, naming what was attempted and never the token.
 */
import type { GitHubClient } from './client.js';
import type { RepoRef } from './releases.js';
export interface GitHubPull {
    number: number;
    html_url: string;
    state: 'open' | 'closed';
    merged: boolean;
    /** Login of the author; null for a deleted account ("ghost"). */
    user: string | null;
    head: {
        ref: string;
        sha: string;
    };
    base: {
        ref: string;
        sha: string;
    };
    labels: string[];
}
export interface GitHubReview {
    user: string | null;
    /** APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED or PENDING. */
    state: string;
    submitted_at: string | null;
    commit_id: string | null;
    /** OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR, NONE…: the reviewer's relation to the repository. */
    author_association: string;
}
export declare function toPull(data: unknown): GitHubPull;
/** The open pull request from `branch` (of this repository) into `base`, if any. */
export declare function findOpenPull(client: GitHubClient, params: RepoRef & {
    branch: string;
    base: string;
}): Promise<GitHubPull | null>;
export interface CreatePullParams extends RepoRef {
    branch: string;
    base: string;
    title: string;
    body: string;
}
/**
 * Creates the pull request; null when GitHub answers that one already exists for the branch
 * (another run got there first), so the caller can find and update it instead.
 */
export declare function createPull(client: GitHubClient, params: CreatePullParams): Promise<GitHubPull | null>;
export declare function updatePull(client: GitHubClient, params: RepoRef & {
    pull_number: number;
    title: string;
    body: string;
}): Promise<GitHubPull>;
export declare function getPull(client: GitHubClient, params: RepoRef & {
    pull_number: number;
}): Promise<GitHubPull>;
/** Every review of the pull request, oldest first (GitHub's order). */
export declare function listReviews(client: GitHubClient, params: RepoRef & {
    pull_number: number;
}): Promise<GitHubReview[]>;
export declare function listLabels(client: GitHubClient, params: RepoRef & {
    issue_number: number;
}): Promise<string[]>;
export declare function addLabels(client: GitHubClient, params: RepoRef & {
    issue_number: number;
    labels: string[];
}): Promise<void>;
/** Pull requests that carry the commit (open) or brought it (merged), newest first. */
export declare function pullsForCommit(client: GitHubClient, params: RepoRef & {
    commit_sha: string;
}): Promise<GitHubPull[]>;
/**
 * The user's permission on the repository: admin, write, read or none ("maintain" is reported
 * as write, "triage" as read).
 * https://docs.github.com/en/rest/collaborators/collaborators#get-repository-permissions-for-a-user
 */
export declare function collaboratorPermission(client: GitHubClient, params: RepoRef & {
    username: string;
}): Promise<string>;
