import type { FileDigest } from '../stores/artifact-store.js';
import type { GitHubClient } from './client.js';
export interface DownloadAssetOptions {
    client: GitHubClient;
    owner: string;
    repo: string;
    assetId: number;
    /** Must not exist yet (it is created exclusively); removed again on failure. */
    destPath: string;
    /** Expected size, only for progress reporting. */
    size?: number;
    onProgress?: (bytesDone: number, total: number) => void;
    /** Attempts for network failures and 5xx. Default: the client's retries + 1. */
    maxAttempts?: number;
}
export declare function downloadAsset(options: DownloadAssetOptions): Promise<FileDigest>;
