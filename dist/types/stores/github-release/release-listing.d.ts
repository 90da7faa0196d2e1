import { type GitHubRelease } from '../../github/types.js';
import type { RegistryRecords, StoredItem } from '../artifact-store.js';
import type { ReleaseContext } from './remove-release.js';
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
/** The registry's releases among the newest RELEASE_LIST_LIMIT of the repository. */
export declare function listRegistryReleases(context: ReleaseContext): Promise<RegistryRelease[]>;
export declare function listRegistryItems({ client, owner, repo }: ReleaseContext, records: RegistryRecords): AsyncIterable<StoredItem>;
/** A release as the registry sees it, or null when its tag names no model version. */
export declare function registryRelease(release: GitHubRelease): RegistryRelease | null;
