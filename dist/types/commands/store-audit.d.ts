import type { ModelVersion, RegistryPolicy } from '../domain/types.js';
import type { ArtifactStore, InUseCheck, StoredItem } from '../stores/artifact-store.js';
import type { CommandContext } from './context.js';
/** A registration stores its bytes before it commits: give it this long before they count as orphaned. */
export declare const DEFAULT_ORPHAN_GRACE_HOURS = 1;
export interface StoreAudit {
    /** Items no live version uses: of archived or removed versions at once, unknown ones after the grace period. */
    unused: StoredItem[];
    /** Live versions whose stored item is not there. */
    missing: ModelVersion[];
    /**
     * Live versions whose stored item was never finished (a draft release: the registration died
     * between committing the metadata and publishing). Cleanup finishes them; doctor reports them.
     */
    unfinished: ModelVersion[];
}
/**
 * `versions` are every version document (live and archived); `gone` are versions this run
 * removed from the branch, whose bytes are therefore known, not orphans. Null for stores that
 * cannot list what they hold.
 */
export declare function auditStore(store: ArtifactStore, policy: RegistryPolicy, now: Date, versions: ModelVersion[], gone?: ModelVersion[]): Promise<StoreAudit | null>;
/**
 * The registry's answer, read fresh when asked, to "does a live version use these stored bytes?":
 * the last check a content-addressed store makes before deleting shared bytes (removeObject).
 */
export declare function storedBytesInUse(ctx: CommandContext): InUseCheck;
