import type { ManifestEntry, ReleaseAssetRef } from '../../domain/types.js';
import type { GitHubClient } from '../../github/client.js';
import type { DirectorySource } from '../artifact-store.js';
import { type PartPlan } from './parts.js';
/** GitHub refuses the 1001st asset of a release (422 "file_count limited to 1000 assets"). */
export declare const RELEASE_ASSET_LIMIT = 1000;
/** SHA-256 of zero bytes: what an empty manifest entry must record. */
export declare const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
export interface PlannedFile {
    entry: ManifestEntry;
    source: string;
    /** The asset name for this file (`.partNNN` appended per part when split). */
    name: string;
    /** No parts for an empty file. */
    plan: PartPlan[];
}
/**
 * `0001-model.pkl`, `0002-src_features.py`: the 1-based position in the manifest keeps names
 * unique, the path (characters GitHub would rename replaced by `_`) keeps them readable. Only
 * characters GitHub keeps are used, so the name it answers with is the one asked for; the name it
 * answers is what gets recorded in any case.
 */
export declare function directoryAssetName(position: number, path: string): string;
/** Every file's assets, refused before anything is created when GitHub could not hold them. */
export declare function planDirectory(directory: DirectorySource, maxPartBytes: number): PlannedFile[];
export interface DirectoryUpload {
    client: GitHubClient;
    uploadUrl: string;
    serverUrl: string;
    owner: string;
    repo: string;
    tag: string;
    onProgress?: (bytesDone: number, total: number) => void;
}
/** Uploads every planned file to the draft, each verified against its manifest entry. */
export declare function uploadDirectory(upload: DirectoryUpload, planned: PlannedFile[], total: number): Promise<ReleaseAssetRef[]>;
