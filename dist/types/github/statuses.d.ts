/**
 * Commit statuses: how the policy verdict reaches a pull request. A status (not a check run) is
 * used because GITHUB_TOKEN can always post one with `statuses: write`, and branch protection can
 * require its context.
 */
import type { GitHubClient } from './client.js';
import type { RepoRef } from './releases.js';
/** GitHub refuses longer descriptions with 422. */
export declare const MAX_STATUS_DESCRIPTION = 140;
export interface CreateStatusParams extends RepoRef {
    sha: string;
    state: 'success' | 'failure' | 'pending' | 'error';
    description: string;
    context: string;
    target_url?: string;
}
export declare function createCommitStatus(client: GitHubClient, params: CreateStatusParams): Promise<void>;
