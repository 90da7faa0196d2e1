export interface TipSignal {
    /** Resolves at the next hint that the tip may have moved, or when the signal is closed. */
    next(): Promise<void>;
    /** A hint from outside (a webhook). */
    poke(): void;
    close(): void;
}
/**
 * A signal that asks `probe` at each interval whether the tip moved (true: look again). A probe
 * that fails pokes too, so the reader's own look reports the trouble.
 */
export declare function probingTipSignal(probe: () => Promise<boolean>, intervalMs: number): TipSignal;
export declare function localTipSignal(gitdir: string, branch: string, pollIntervalMs: number): TipSignal;
