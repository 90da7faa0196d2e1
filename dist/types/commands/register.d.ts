import { type Bump } from '../domain/versions.js';
import type { Metrics, ModelVersion } from '../domain/types.js';
import type { CommandContext } from './context.js';
export interface RegisterInput {
    file: string;
    modelType: string;
    /** Defaults to the model type (the Python registry grouped models by type). */
    name?: string;
    version?: string;
    bump?: Bump;
    metrics?: Metrics;
    config?: Record<string, unknown>;
    training?: Record<string, unknown>;
    tags?: string[];
    notes?: string;
    /** A reference to the model this one was derived from (lineage). */
    parent?: string;
    datasetVersion?: string;
    stage?: string;
    /** When the model was trained; defaults to the file's modification time. */
    createdAt?: Date;
    mediaType?: string;
}
export declare function register(ctx: CommandContext, input: RegisterInput): Promise<ModelVersion>;
