import type { CommandContext } from './context.js';
export interface ModelSummary {
    name: string;
    /** Every model_type registered under this name (usually one). */
    types: string[];
    /** Versions, archived tombstones included. */
    count: number;
    archived: number;
    /** Stage → versions holding it, newest registration first (as the index keeps them). */
    stages: Record<string, string[]>;
    /** The newest registration (not archived); null when every version is archived. */
    newest: string | null;
    /** The highest semver (not archived). */
    highest: string | null;
}
export declare function listModels(ctx: CommandContext): Promise<ModelSummary[]>;
