/**
 * The review channel on GitHub: proposals are pull requests, approval is GitHub's review state,
 * the verdict is a commit status. Every failure is a one-line RegistryError from the client.
 */
import type { ReviewChannel } from '../commands/review-channel.js';
import type { GitHubClient } from './client.js';
export interface GitHubReviewChannelOptions {
    client: GitHubClient;
    owner: string;
    repo: string;
    /**
     * Waits between lookups of a commit's merged pull request: GitHub links a merge to its
     * commits asynchronously, so the first answer may not list it yet. Default 0.5, 1, 2 and 4 s
     * (7.5 s in all).
     */
    linkRetryDelaysMs?: readonly number[];
    sleep?: (ms: number) => Promise<void>;
}
export declare function createGitHubReviewChannel(options: GitHubReviewChannelOptions): ReviewChannel;
