import type { Artifact } from '../../domain/types.js';
import type { GitHubClient } from '../../github/client.js';
export interface ReleaseContext {
    client: GitHubClient;
    owner: string;
    repo: string;
}
/**
 * Deletes the release and then its tag, unless another published release now holds that tag (a
 * concurrent registration of the same version that won): that tag is not ours to take away.
 */
export declare function deleteReleaseAndTag(context: ReleaseContext, releaseId: number, tag: string): Promise<void>;
/** Removes what `artifact` recorded on GitHub. Idempotent. */
export declare function removeRelease(context: ReleaseContext, artifact: Artifact): Promise<void>;
