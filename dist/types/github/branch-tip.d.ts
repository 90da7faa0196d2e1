/**
 * Has the registry branch moved? One conditional REST request answers it without a git fetch:
 * GET /repos/{owner}/{repo}/git/ref/heads/{branch} with the ETag of the last answer in
 * If-None-Match. An unchanged ref answers 304 with no body, which GitHub does not count against
 * the primary rate limit when the request is authorised ("Use conditional requests if
 * appropriate", https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api#use-conditional-requests-if-appropriate),
 * so a server can poll every few seconds all day on one token. ETags are per token
 * (https://github.com/github/docs/issues/34689): a probe keeps the one its own client was given.
 */
import type { GitHubClient } from './client.js';
export interface BranchTip {
    /** The commit the branch points at; null when the branch (or any commit) does not exist. */
    sha: string | null;
    /** False when GitHub answered 304: the ref is as it was at the previous look. */
    changed: boolean;
}
export interface BranchTipProbe {
    /** Looks once; a failure (network, 5xx after retries, 401/403) is thrown as a RegistryError. */
    look(): Promise<BranchTip>;
}
export declare function branchTipProbe(client: GitHubClient, target: {
    owner: string;
    repo: string;
    branch: string;
}): BranchTipProbe;
