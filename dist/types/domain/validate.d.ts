import { type ErrorKind } from './errors.js';
import type { Catalog, ModelHead, RowShard } from './layout.js';
import type { ModelIndex, ModelVersion, RegistryPolicy } from './types.js';
/**
 * `kind` says whose fault an invalid document is: 'integrity' for a file already on the
 * registry branch (corrupt registry), 'invalid-input' for what a user handed us.
 */
export declare function validateModelVersion(doc: unknown, where: string, kind?: ErrorKind): ModelVersion;
export declare function validateModelIndex(doc: unknown, where: string, kind?: ErrorKind): ModelIndex;
export declare function validatePolicy(doc: unknown, where: string, kind?: ErrorKind): RegistryPolicy;
export declare function validateModelHead(doc: unknown, where: string, kind?: ErrorKind): ModelHead;
export declare function validateRowShard(doc: unknown, where: string, kind?: ErrorKind): RowShard;
export declare function validateCatalog(doc: unknown, where: string, kind?: ErrorKind): Catalog;
/**
 * Every document the registry writes is checked against its schema on the way in, by its path
 * (layout 2, src/domain/layout.ts): a bug that builds an invalid document fails before it
 * reaches the branch.
 */
export declare function validateRegistryFile(path: string, content: unknown): void;
