import type { Gate, ModelVersion, MustBeat, RegistryPolicy } from './types.js';
/** `exempt`: the gate does not apply to this move by rule (must_beat for a proven rollback). */
export type GateStatus = 'pass' | 'fail' | 'not-applicable' | 'exempt';
export interface GateResult {
    gate: string;
    status: GateStatus;
    message: string;
}
export interface GateInput {
    policy: RegistryPolicy;
    candidate: ModelVersion;
    stage: string;
    /** Versions holding `stage` now; the candidate itself is ignored if present. */
    holders: ModelVersion[];
    channel: 'local' | 'pull-request';
    approvals?: number;
    viaPullRequest?: boolean;
    /**
     * A rollback: the candidate returns to a stage its own stage_history shows it held. It need
     * not beat the holder it replaces (that holder is usually why the rollback happens); every
     * other gate still applies.
     */
    rollback?: boolean;
}
/** The `via` of a rollback's stage_history entry: `rollback`, or `rollback:pull/12` through a pull request. */
export declare const ROLLBACK_VIA = "rollback";
export declare function isRollbackVia(via: string | undefined): boolean;
/** Whether `v`'s recorded history shows it in `stage` at some point: the proof a rollback needs. */
export declare function heldBefore(v: ModelVersion, stage: string): boolean;
/** The rule with its direction settled: its own lower_is_better, else registry.json's `metrics`. */
export declare function normaliseMustBeat(mustBeat: Gate['must_beat'], policy: RegistryPolicy): MustBeat | null;
/**
 * "Beat" is strict: a tie does not beat. With min_delta the improvement must reach it, within
 * floating-point noise (0.95 - 0.90 is 0.0499999…, which must still count as 0.05).
 */
export declare function beats(candidate: number, holder: number, rule: MustBeat): boolean;
export declare function evaluateGates(input: GateInput): {
    passed: boolean;
    results: GateResult[];
};
/** registry.json's require_metadata, checked at registration. */
export declare function checkRequiredMetadata(policy: RegistryPolicy, doc: ModelVersion): GateResult[];
