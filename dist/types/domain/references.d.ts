import type { ModelIndex, ModelVersion, RegistryPolicy } from './types.js';
export type Reference = {
    kind: 'version';
    name: string;
    version: string;
} | {
    kind: 'latest';
    name: string;
} | {
    kind: 'newest';
    name: string;
} | {
    kind: 'stage';
    name: string;
    stage: string;
} | {
    kind: 'model_id';
    model_id: string;
    name: string;
};
export declare function parseReference(input: string): Reference;
export declare function formatReference(v: ModelVersion): string;
export declare function resolveReference(ref: Reference, index: ModelIndex | null, policy: RegistryPolicy): ModelVersion;
/** The highest release; the highest pre-release only when there is no release. */
export declare function highestVersion(versions: ModelVersion[]): ModelVersion | undefined;
