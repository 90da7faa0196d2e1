import type { ChangeKind, RegistryChange } from '../domain/shapes.js';
import type { RegistryBackend } from '../registry/backend.js';
export type { ChangeKind, RegistryChange };
export declare function changesBetween(backend: RegistryBackend, before: string, after: string): Promise<RegistryChange[]>;
