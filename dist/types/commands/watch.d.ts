/**
 * watch: the registry's changes as they land, for as long as the caller keeps reading. A tip
 * signal (src/wiring/tip-signal.ts) says when to look again; the tips are compared and what
 * lies between them is told as events (changes.ts).
 */
import type { CommandContext } from './context.js';
import { type RegistryChange } from './changes.js';
export interface TipHint {
    next(): Promise<void>;
}
export interface WatchOptions {
    /** Start after this commit (resume); default: the current tip, so only new changes are told. */
    since?: string;
    signal?: AbortSignal;
    /** Called when a look at the tip failed (network trouble); watching goes on. */
    onError?: (error: unknown) => void;
    /** Called with each new tip once its changes are known (before they are yielded). */
    onTip?: (commit: string) => void;
}
export declare function currentTip(ctx: CommandContext): Promise<string | null>;
export declare function watchChanges(ctx: CommandContext, hints: TipHint, options?: WatchOptions): AsyncGenerator<RegistryChange>;
