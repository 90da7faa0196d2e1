import type { BaseState, HeadState } from '../domain/review.js';
import type { RegistryBackend } from '../registry/backend.js';
export interface ReadChange {
    base: BaseState;
    head: HeadState;
    models: string[];
    otherPaths: string[];
}
export declare function readChange(backend: RegistryBackend, base: string, head: string): Promise<ReadChange>;
