import type { RepositoryLocation } from './repository.js';
export interface LocalProvenance {
    repository: string;
    commit?: string;
    dirty?: boolean;
}
export declare function localProvenance(location: RepositoryLocation): Promise<LocalProvenance>;
/** `https://user:token@host/x.git` → `https://host/x.git`: a secret never goes into metadata. */
export declare function withoutCredentials(url: string): string;
