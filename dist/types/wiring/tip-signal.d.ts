export interface TipSignal {
    /** Resolves at the next hint that the tip may have moved, or when the signal is closed. */
    next(): Promise<void>;
    /** A hint from outside (a webhook). */
    poke(): void;
    close(): void;
}
export declare function pollingTipSignal(intervalMs: number): TipSignal;
export declare function localTipSignal(gitdir: string, branch: string, pollIntervalMs: number): TipSignal;
