import type { ArtifactTarget, FileDigest, PutResult } from '../artifact-store.js';
import { type ProgressCallback } from '../hashing.js';
export declare function putObject(root: string, sourcePath: string, target: ArtifactTarget, expected: FileDigest, onProgress: ProgressCallback | undefined): Promise<PutResult>;
