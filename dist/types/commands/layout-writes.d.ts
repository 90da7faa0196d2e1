import type { ModelVersion } from '../domain/types.js';
import type { FileWrite, RegistrySnapshot } from '../registry/backend.js';
export interface LayoutChange {
    /** Documents to write (new versions or new contents of existing ones). */
    upserts?: ModelVersion[];
    /** Versions whose files go, as they are on the branch now. */
    removals?: ModelVersion[];
}
export declare function layoutWrites(snapshot: RegistrySnapshot, change: LayoutChange): Promise<FileWrite[]>;
