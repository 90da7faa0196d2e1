/**
 * The slice of GitHub's release and asset objects the registry uses. Callers outside src/github
 * depend on these, not on Octokit's generated types.
 */
export interface GitHubAsset {
    id: number;
    name: string;
    size: number;
    /** `uploaded`, or `open`/`starter` for an upload that never finished. */
    state: string;
    /** `sha256:<hex>` computed by GitHub over the bytes it stored; null when it gave none. */
    digest: string | null;
    content_type: string;
    browser_download_url: string;
    url: string;
}
export interface GitHubRelease {
    id: number;
    tag_name: string;
    name: string | null;
    body: string | null;
    draft: boolean;
    prerelease: boolean;
    immutable?: boolean;
    html_url: string;
    upload_url: string;
    target_commitish: string;
    created_at: string;
    published_at: string | null;
    assets: GitHubAsset[];
}
export declare function toAsset(data: unknown): GitHubAsset;
export declare function toRelease(data: unknown): GitHubRelease;
/** The hex SHA-256 of a `sha256:<hex>` digest; null when absent or another algorithm. */
export declare function parseDigest(digest: string | null | undefined): string | null;
/**
 * A list GitHub answered, or an error naming the call: a proxy or a broken server may answer
 * `{}` or an HTML page where the description promises an array.
 */
export declare function listOf(data: unknown, endpoint: string): unknown[];
/** The path of a response's URL, for messages (`/repos/o/r/releases`). */
export declare function endpointOf(url: string): string;
/** A response whose shape is not what the endpoint documents. */
export declare class UnexpectedResponse extends Error {
    name: string;
}
