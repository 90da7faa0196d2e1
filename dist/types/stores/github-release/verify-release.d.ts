import type { Artifact } from '../../domain/types.js';
import type { FetchResult, FileVerification, Verification } from '../artifact-store.js';
import type { ReleaseContext } from './remove-release.js';
export interface VerifyContext extends ReleaseContext {
    /** The store's own fetch (empty files included), for assets GitHub gives no digest for. */
    download: (artifact: Artifact, outPath: string) => Promise<FetchResult>;
}
/** An empty file of a directory version: no asset holds it (GitHub refuses empty assets). */
export declare function isEmptyFile(artifact: Artifact): boolean;
/**
 * GitHub's own asset digests, when it gives them, are a re-hash of the stored bytes on its side:
 * matching part digests prove the whole file (verified at registration) is intact. Without
 * digests the file is downloaded to a temp directory and hashed.
 */
export declare function verifyRelease(context: VerifyContext, artifact: Artifact): Promise<Verification>;
/**
 * Every file of a directory version against one listing of its release (not one per file): a
 * file whose assets all carry GitHub's digest is judged by them, the others are downloaded.
 */
export declare function verifyReleaseFiles(context: VerifyContext, artifact: Artifact): Promise<FileVerification[]>;
