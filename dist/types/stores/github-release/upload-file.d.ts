import { type UploadedAsset } from '../../github/assets.js';
import type { GitHubClient } from '../../github/client.js';
import type { FileDigest } from '../artifact-store.js';
import type { PartPlan } from './parts.js';
export interface UploadedPart {
    plan: PartPlan;
    uploaded: UploadedAsset;
}
export interface FileUpload {
    client: GitHubClient;
    /** The draft release's upload_url. */
    uploadUrl: string;
    sourcePath: string;
    /** The asset's name when the file fits one asset; parts are `<name>.part000`… */
    name: string;
    contentType: string;
    plan: PartPlan[];
    expected: FileDigest;
    /** Bytes of this file sent so far. */
    onProgress?: (bytesDone: number) => void;
}
export declare function uploadFile(upload: FileUpload): Promise<UploadedPart[]>;
