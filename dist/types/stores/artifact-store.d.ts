/**
 * Where model files live. Implementations: the local content-addressed store
 * (src/stores/local) and GitHub release assets (src/stores/github-release).
 * Types only: commands depend on this without loading an implementation.
 */
import type { RegistryError } from '../domain/errors.js';
import type { Artifact, ArtifactStoreKind, ManifestEntry } from '../domain/types.js';
/** What the store needs to know about the version an artifact belongs to. */
export interface ArtifactTarget {
    name: string;
    version: string;
    model_id: string;
    /** `<model_id><ext>` */
    file_name: string;
    media_type: string;
    /** The training commit, for stores that tag it (GitHub releases). */
    commit?: string;
    /** A short description for stores that show one (release body). */
    description?: string;
    /** registry.json artifacts.compression: gzip stores the bytes compressed. */
    compression?: 'none' | 'gzip';
}
/** The result of hashing a file once. */
export interface FileDigest {
    sha256: string;
    size: number;
}
export interface PutResult {
    artifact: Artifact;
    /** The store path or URL users see (the Python registry's file_path). */
    file_path: string;
    /** False when identical bytes were already stored (content addressing): undo must then keep them. */
    created: boolean;
    /**
     * Content-addressed stores: bytes shared with other versions are pinned from before put() looked
     * for them until the caller's metadata has landed, so a concurrent delete or cleanup of another
     * version with the same bytes leaves them alone (see object-layout.ts). Settle it exactly once.
     */
    lease?: StoreLease;
}
/** A directory to store as one version: its sorted manifest, where each file is, and the manifest's digest. */
export interface DirectorySource {
    entries: ManifestEntry[];
    /** Manifest path → the file on disk. */
    files: Map<string, string>;
    /** The canonical manifest's SHA-256, and the files' total size. */
    digest: FileDigest;
}
/** What putDirectory() stored: the directory artifact, and what undo and leases need. */
export interface DirectoryPutResult {
    artifact: Artifact;
    file_path: string;
    /** What this call created (undo removes these after a failed commit). */
    created: PutResult[];
    /** Content-addressed stores: one pin per file (see PutResult.lease); settle each exactly once. */
    leases: StoreLease[];
}
export interface StoreLease {
    /**
     * Ends the pin. `committed`: the metadata now refers to the bytes — first checks they are still
     * stored and throws an IntegrityError if a remover that crashed mid-way took them.
     */
    settle(committed: boolean): Promise<void>;
}
/**
 * Asked by a content-addressed store after it has taken bytes out of reach and before it deletes
 * them: true when a live version refers to them now (metadata that landed meanwhile), and the
 * bytes are put back. `sha256` is of the stored bytes (compressed ones when compressed).
 */
export type InUseCheck = (sha256: string) => Promise<boolean>;
export interface FetchResult {
    path: string;
    sha256: string;
    size: number;
}
export interface ArtifactStore {
    readonly kind: ArtifactStoreKind;
    /**
     * True when what put() stores names the version (a release tagged `name@vX`), so a version
     * chosen before storing cannot be changed after; false for content-addressed bytes.
     */
    readonly bindsVersion: boolean;
    /**
     * How many files of a directory version may be fetched at once: a local copy mostly waits for
     * fsync, so several overlap; a remote store may ask for its requests one at a time.
     */
    readonly parallelFetches: number;
    /**
     * Stores the file, streaming it once. `expected` is the digest computed earlier in the same
     * register call; the store verifies the bytes it stored against it and fails with an
     * IntegrityError on mismatch (the file changed while being registered).
     */
    put(sourcePath: string, target: ArtifactTarget, expected: FileDigest): Promise<PutResult>;
    /**
     * Stores a directory as one version: every file verified against its manifest entry as it is
     * stored, all or nothing (a failure removes what this call stored). The result's `manifest` is
     * the directory's; finish() then makes it final like a single file's.
     */
    putDirectory(directory: DirectorySource, target: ArtifactTarget): Promise<DirectoryPutResult>;
    /**
     * Makes what put() stored visible for good, once the version's metadata has landed (GitHub:
     * publishes the draft release, which creates its tag). Until then a failure may remove the
     * stored item without trace; after it, a GitHub tag of an immutable release is spent forever.
     * Idempotent: cleanup calls it again for a registration that died between commit and publish.
     */
    finish(artifact: Artifact): Promise<void>;
    /**
     * Copies the artifact to `outPath`, re-hashing while copying, and moves it into place only
     * when the SHA-256 matches; otherwise throws an IntegrityError naming expected and actual and
     * leaves nothing at `outPath`.
     */
    fetch(artifact: Artifact, outPath: string): Promise<FetchResult>;
    /** Re-hashes the stored bytes without copying them out. */
    verify(artifact: Artifact): Promise<Verification>;
    /**
     * verify() for every stored file of the artifact: each file of a directory version in manifest
     * order (fileArtifacts, src/domain/manifest.ts), or the artifact itself. A file that is there but
     * not sound (an IntegrityError from verify) is reported in `error` and the others still checked.
     */
    verifyFiles(artifact: Artifact): Promise<FileVerification[]>;
    /**
     * Removes the stored bytes of one artifact (undo of a failed register, retention). Idempotent.
     * Content-addressed stores keep bytes that are pinned or that `inUse` says a live version uses.
     */
    remove(artifact: Artifact, inUse?: InUseCheck): Promise<void>;
    /**
     * What the store holds, so cleanup and doctor can find bytes no live version uses (left by a
     * registration that died between storing and committing, or by an interrupted cleanup).
     */
    listStored?(records: RegistryRecords): AsyncIterable<StoredItem>;
    /** Removes one listed item, under the same rules as remove(). Idempotent. */
    removeStored?(item: StoredItem, inUse?: InUseCheck): Promise<void>;
}
/**
 * What the registry's own records say, for a store that can list only a window of what it holds
 * (GitHub pages through the newest 1,000 releases only): it looks up the rest by name instead.
 */
export interface RegistryRecords {
    /** `name@version` of every live version: its stored item is checked through verify(), never swept. */
    live: ReadonlySet<string>;
}
export interface Verification {
    ok: boolean;
    actual: string | null;
    present: boolean;
    /**
     * Where the bytes are and what was found there, when the store can say more than its kind (a
     * GitHub release asset, replaced or carrying a disagreeing digest): doctor's findings name it.
     */
    where?: string;
}
export interface FileVerification extends Verification {
    file: Artifact;
    error?: RegistryError;
}
export interface StoredItem {
    /** Unique within the store: the SHA-256 of a content-addressed object, the id of a release. */
    id: string;
    size: number;
    /** When it was written: a registration in flight has stored bytes it has not committed yet. */
    modified: Date;
    /** Content-addressed stores: the bytes' SHA-256 (shared by every version with that content). */
    sha256?: string;
    /** Stores that keep one item per version (releases): whose it is, and the release id. */
    owner?: {
        name: string;
        version: string;
        release_id: number;
    };
    /** Stored but not finished (a draft release): a live version's is published by cleanup, an unknown one is an orphan. */
    unfinished?: boolean;
    /** For people: the object path or release tag. */
    label: string;
    /**
     * A temp file or pin a writer left (killed mid-copy): never live, swept after the orphan grace
     * period, or at once when the store knows its writer is dead.
     */
    temporary?: boolean;
}
/** Key/value facts kept on this machine only (e.g. when auto cleanup last ran). */
export interface LocalState {
    read(key: string): Promise<string | null>;
    write(key: string, value: string): Promise<void>;
}
