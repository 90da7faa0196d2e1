import type { RegistryBackend } from '../registry/backend.js';
export type ChangeKind = 'registered' | 'stage-changed' | 'edited' | 'deleted' | 'archived' | 'policy-changed';
export interface RegistryChange {
    /** `<commit>.<n>`: the n-th change of that commit; a watcher resumes after it. */
    id: string;
    kind: ChangeKind;
    /** The commit of the registry branch that made the change. */
    commit: string;
    name?: string;
    version?: string;
    model_id?: string;
    /** stage-changed, archived: the stage before and after. */
    from?: string;
    to?: string;
}
export declare function changesBetween(backend: RegistryBackend, before: string, after: string): Promise<RegistryChange[]>;
