import { type StageSpan } from '../domain/history.js';
import type { CommandContext } from './context.js';
export interface HistoryInput {
    /** `name@version`, `name@stage`, a model_id (one version) or a bare model name (the whole model). */
    target: string;
    at?: Date;
}
export interface HistoryEvent {
    commit: string;
    at: string;
    author: string;
    subject: string;
    trailers: Record<string, string>;
}
export interface HistoryOutcome {
    name: string;
    version: string | null;
    events: HistoryEvent[];
    stages: StageSpan[];
    /** With `at`: the commit in effect then and stage → versions holding it. */
    at?: {
        time: string;
        commit: string | null;
        holders: Record<string, string[]>;
    };
}
export declare function history(ctx: CommandContext, input: HistoryInput): Promise<HistoryOutcome>;
