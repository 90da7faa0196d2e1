import type { ModelVersion, RegistryPolicy } from './types.js';
export interface PromotionInput {
    policy: RegistryPolicy;
    /** The versions holding `to` now (src/commands/registry-reads.ts stageHolders). */
    holders: ModelVersion[];
    candidate: ModelVersion;
    to: string;
    actor: string;
    via: string;
    now: Date;
    /** Rollback only: history proves the version held the stage, so the graph is not consulted. */
    skipTransitionCheck?: boolean;
}
export interface PromotionPlan {
    /** The candidate first, then the demoted versions. */
    updated: ModelVersion[];
    from: string;
    demoted: ModelVersion[];
}
export declare function planPromotion(input: PromotionInput): PromotionPlan;
