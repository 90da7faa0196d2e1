import { type GateResult } from '../domain/gates.js';
import type { ModelVersion } from '../domain/types.js';
import { type PostedStatus } from './check.js';
import type { CommandContext } from './context.js';
export interface PromoteInput {
    reference: string;
    to: string;
    /** How the change came, recorded in stage_history: `promote`, `rollback`, `pull/41`. */
    via?: string;
    approvals?: number;
    /** Rollback may take a step the graph does not list: history proves the version held the stage. */
    skipTransitionCheck?: boolean;
}
export interface PromotionProposal {
    number: number;
    url: string;
    /** False when an open pull request for the same version and stage was updated. */
    created: boolean;
    /** The branch carrying the proposal, `mreg/promote/<name>/<version>-to-<stage>`. */
    branch: string;
    /** The registry commit the proposal is built on. */
    base: string;
}
export interface PromoteResult {
    /** The version as it is (locally) or would be (proposed) after the move. */
    version: ModelVersion;
    from: string;
    to: string;
    demoted: ModelVersion[];
    gates: GateResult[];
    /** The registry branch's new commit; for a proposal, the proposal's commit. */
    commit: string;
    /** Set when the change was proposed as a pull request instead of committed. */
    pull_request?: PromotionProposal;
    /** The policy verdict posted on the proposal's commit. */
    status?: PostedStatus;
}
export declare function promote(ctx: CommandContext, input: PromoteInput): Promise<PromoteResult>;
