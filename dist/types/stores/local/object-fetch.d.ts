import type { Artifact } from '../../domain/types.js';
import type { FetchResult } from '../artifact-store.js';
import { type ProgressCallback } from '../hashing.js';
export declare function fetchObject(root: string, artifact: Artifact, outPath: string, onProgress: ProgressCallback | undefined): Promise<FetchResult>;
export declare function verifyObject(root: string, artifact: Artifact): Promise<{
    ok: boolean;
    actual: string | null;
    present: boolean;
}>;
