import type { Artifact } from '../domain/types.js';
import type { ArtifactStore, FileVerification } from './artifact-store.js';
export declare function verifyEachFile(verify: ArtifactStore['verify'], artifact: Artifact): Promise<FileVerification[]>;
