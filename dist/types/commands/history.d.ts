import type { HistoryEvent, HistoryOutcome } from '../domain/shapes.js';
import type { CommandContext } from './context.js';
export type { HistoryEvent, HistoryOutcome };
export interface HistoryInput {
    /** `name@version`, `name@stage`, a model_id (one version) or a bare model name (the whole model). */
    target: string;
    at?: Date;
}
export declare function history(ctx: CommandContext, input: HistoryInput): Promise<HistoryOutcome>;
