import { type GateReport, type ReviewFinding, type ReviewInput, type StageChange } from './review-model.js';
import type { ModelVersion, RegistryPolicy, StageEvent } from './types.js';
export interface VersionContext {
    policy: RegistryPolicy;
    input: ReviewInput;
    headDocs: ModelVersion[];
    baseDocs: ModelVersion[];
    findings: ReviewFinding[];
    changes: StageChange[];
    gates: GateReport[];
}
export declare function reviewVersion(ctx: VersionContext, before: ModelVersion, after: ModelVersion, file: string): void;
/** The entries added after `before`, or null when `before` is not a prefix of `after`. */
export declare function appendedHistory(before: StageEvent[], after: StageEvent[]): StageEvent[] | null;
export declare function reviewRegistration(ctx: VersionContext, version: ModelVersion, file: string): void;
