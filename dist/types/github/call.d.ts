/** One GitHub API call as the rest of src/github makes it: failures become one-line RegistryErrors naming the repository. */
import type { GitHubClient } from './client.js';
export interface RepoRef {
    owner: string;
    repo: string;
}
export declare const repoSlug: (ref: RepoRef) => string;
export declare function call<T>(client: GitHubClient, ref: RepoRef, action: string, run: () => Promise<T>): Promise<T>;
/**
 * Every item of a paged list endpoint, each page checked to be a list (a `{}` or an HTML page
 * from a proxy becomes an error naming the endpoint, not a crash or a bogus item). Stops once
 * `limit` items are in.
 */
export declare function listAll(client: GitHubClient, route: unknown, params: Record<string, unknown>, limit?: number): Promise<unknown[]>;
