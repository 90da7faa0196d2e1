import type { Artifact } from '../../domain/types.js';
import type { GitHubClient } from '../../github/client.js';
import type { ArtifactStore, ArtifactTarget, FetchResult, FileDigest, PutResult, StoredItem } from '../artifact-store.js';
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
export interface RegistryRelease {
    id: number;
    tag: string;
    /** Model name and version, parsed from the tag. */
    name: string;
    version: string;
    created_at: string;
    draft: boolean;
    assets: {
        id: number;
        name: string;
        size: number;
        state: string;
        sha256: string | null;
    }[];
}
export declare class GitHubReleaseStore implements ArtifactStore {
    readonly kind: "github-release";
    readonly bindsVersion = true;
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
     * Drafts may share a tag, so GitHub would accept the draft and refuse only its publication,
     * after the metadata landed: a published release (of a registration that lost its metadata, or
     * a person's) that holds the tag already makes the version's slot taken now.
     */
    private checkTagFree;
    /** Publishes the version's draft release (creating its tag). Already published: nothing to do. */
    finish(artifact: Artifact): Promise<void>;
    /** Uploads each planned range and checks it, hashing the whole file across parts and retries. */
    private uploadParts;
    private result;
    /**
     * Best effort: the error that made us undo is what the user must see, not a cleanup failure.
     * A draft made no tag, so only the release goes (a tag of that name is someone else's).
     */
    private undo;
    fetch(artifact: Artifact, outPath: string): Promise<FetchResult>;
    /**
     * GitHub's own asset digests, when it gives them, are a re-hash of the stored bytes on its side:
     * matching part digests prove the whole file (verified at registration) is intact. Without
     * digests the file is downloaded to a temp directory and hashed.
     */
    verify(artifact: Artifact): Promise<{
        ok: boolean;
        actual: string | null;
        present: boolean;
    }>;
    private verifyByDownload;
    /** Deletes the assets, the release and its tag. Idempotent. */
    remove(artifact: Artifact): Promise<void>;
    /** Undo of a registration whose metadata commit failed: the same as remove. */
    removeRelease(artifact: Artifact): Promise<void>;
    /** Every release whose tag names a model version: one stored item per release (drafts too). */
    listStored(): AsyncIterable<StoredItem>;
    removeStored(item: StoredItem): Promise<void>;
    listRegistryReleases(): Promise<RegistryRelease[]>;
}
