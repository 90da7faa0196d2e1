/** `<name>@v<version>`: the version's release tag. */
export declare function releaseTag(name: string, version: string): string;
/** The name and version of a registry tag, or null for any other tag (user releases). */
export declare function parseReleaseTag(tag: string): {
    name: string;
    version: string;
} | null;
/** `<file_name>.part000`, `.part001`…: zero-padded so the assets sort in order. */
export declare function partName(fileName: string, index: number): string;
/** `${serverUrl}/${owner}/${repo}/releases/download/<tag>/<name>`, what a browser downloads. */
export declare function assetDownloadUrl(serverUrl: string, owner: string, repo: string, tag: string, asset: string): string;
/** `${serverUrl}/${owner}/${repo}/releases/tag/<tag>`, the release page. */
export declare function releasePageUrl(serverUrl: string, owner: string, repo: string, tag: string): string;
