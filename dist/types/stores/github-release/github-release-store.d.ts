import type { Artifact } from '../../domain/types.js';
import type { GitHubClient } from '../../github/client.js';
import type { ArtifactStore, ArtifactTarget, DirectoryPutResult, DirectorySource, FetchResult, FileDigest, FileVerification, PutResult, RegistryRecords, StoredItem, Verification } from '../artifact-store.js';
import { type RegistryRelease } from './release-listing.js';
export type { RegistryRelease } from './release-listing.js';
export interface GitHubReleaseStoreOptions {
    client: GitHubClient;
    owner: string;
    repo: string;
    /** Largest asset; larger files go up in parts. Default just under GitHub's 2 GiB limit. */
    maxPartBytes?: number;
    /** Web origin for the URLs recorded in metadata. Default https://github.com. */
    serverUrl?: string;
    onProgress?: (bytesDone: number, total: number) => void;
}
export declare class GitHubReleaseStore implements ArtifactStore {
    readonly kind: "github-release";
    readonly bindsVersion = true;
    /**
     * One request at a time, as GitHub asks to stay clear of secondary rate limits
     * (https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api#avoid-concurrent-requests).
     */
    readonly parallelFetches = 1;
    private readonly client;
    private readonly owner;
    private readonly repo;
    private readonly maxPartBytes;
    private readonly serverUrl;
    private readonly onProgress?;
    constructor(options: GitHubReleaseStoreOptions);
    private get context();
    put(sourcePath: string, target: ArtifactTarget, expected: FileDigest): Promise<PutResult>;
    /**
     * A directory version: one draft release, one asset per file (directory-assets.ts), each
     * verified against its manifest entry; refused before the draft when GitHub could not hold it.
     */
    putDirectory(directory: DirectorySource, target: ArtifactTarget): Promise<DirectoryPutResult>;
    /** Makes the version's draft release, runs `work` on it, and deletes the draft if that fails. */
    private inDraft;
    /**
     * Drafts may share a tag, so GitHub would accept the draft and refuse only its publication,
     * after the metadata landed: a published release (of a registration that lost its metadata, or
     * a person's) that holds the tag already makes the version's slot taken now.
     */
    private checkTagFree;
    /**
     * Publishes the version's draft release (creating its tag). Already published: nothing to do.
     * It is published without being read first (one round trip less at the end of a register):
     * publishing a published release changes nothing. Only when GitHub refuses (404, 422) is it
     * read, to tell a gone release or one published already from a refused publication.
     */
    finish(artifact: Artifact): Promise<void>;
    private result;
    /**
     * Best effort: the error that made us undo is what the user must see, not a cleanup failure.
     * A draft made no tag, so only the release goes (a tag of that name is someone else's).
     */
    private undo;
    fetch(artifact: Artifact, outPath: string): Promise<FetchResult>;
    /** See verify-release.ts: GitHub's digests when it gives them, else a download. */
    verify(artifact: Artifact): Promise<Verification>;
    /** Every file of a directory version against one listing of its release (verify-release.ts). */
    verifyFiles(artifact: Artifact): Promise<FileVerification[]>;
    private get verifyContext();
    /** Deletes the assets, the release and its tag. Idempotent. */
    remove(artifact: Artifact): Promise<void>;
    /** Undo of a registration whose metadata commit failed: the same as remove. */
    removeRelease(artifact: Artifact): Promise<void>;
    /** Every release of a model version tag (drafts too): see release-listing.ts for how past 1,000. */
    listStored(records: RegistryRecords): AsyncIterable<StoredItem>;
    removeStored(item: StoredItem): Promise<void>;
    /** The registry's releases among the newest RELEASE_LIST_LIMIT of the repository. */
    listRegistryReleases(): Promise<RegistryRelease[]>;
}
