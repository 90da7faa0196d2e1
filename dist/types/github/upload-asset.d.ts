import type { GitHubClient } from './client.js';
import { type RepoRef } from './releases.js';
import { type GitHubAsset } from './types.js';
/** Called after each chunk sent: bytes of this asset so far, and its size. */
export type UploadProgress = (bytesDone: number, total: number) => void;
export interface UploadAssetOptions {
    client: GitHubClient;
    /** The release's `upload_url` (an RFC 6570 template ending in `{?name,label}`). */
    uploadUrl: string;
    name: string;
    filePath: string;
    /** Offset of the first byte to send, for the parts of a split file. Default 0. */
    start?: number;
    /** Bytes to send from `start`; also the Content-Length. */
    size: number;
    contentType: string;
    label?: string;
    onProgress?: UploadProgress;
    /**
     * Called when an attempt starts reading the file; the returned function sees every chunk of
     * that attempt. Lets a caller hash a whole file across parts and retries (restart on each call).
     */
    tap?: () => (chunk: Buffer) => void;
    /**
     * The release is the caller's own draft: an uploaded asset of the same name whose content does
     * not match may be deleted and replaced. Without it that is a conflict.
     */
    replaceExisting?: boolean;
    /** Attempts for network failures, 5xx and rate limits. Default: the client's retries + 1. */
    maxAttempts?: number;
}
export interface UploadedAsset {
    asset: GitHubAsset;
    /** SHA-256 of the bytes sent (or, for an accepted existing asset, of the bytes on disk). */
    sha256: string;
    size: number;
    attempts: number;
}
/** owner, repo and release id from an upload_url (`…/repos/{owner}/{repo}/releases/{id}/assets{?…}`). */
export declare function parseUploadUrl(uploadUrl: string): RepoRef & {
    release_id: number;
};
export declare function uploadAsset(options: UploadAssetOptions): Promise<UploadedAsset>;
