import { type DocumentAt, type ReviewResult, type StageChange } from './review-model.js';
import type { ModelVersion, RegistryPolicy } from './types.js';
export type VerdictState = 'success' | 'pending' | 'failure';
/**
 * The commit status for a review: pending while approvals are all that is missing (the pull
 * request is fine, people have yet to act), failure for anything else that is wrong.
 */
export declare function reviewVerdict(result: ReviewResult): {
    state: VerdictState;
    description: string;
};
export interface Review {
    user: string | null;
    state: string;
    /** The head commit the review was submitted on; null when GitHub gave none. */
    commit_id?: string | null;
}
export interface ApprovalRules {
    /** The pull request's author: nobody approves their own change. */
    author: string | null;
    /** The pull request's current head: an approval of an older head does not count. */
    headSha?: string;
}
/**
 * Who approves a pull request, as GitHub counts it: per reviewer the latest review that takes a
 * position (approved, changes requested, dismissed); comments leave the position as it was. An
 * approval counts only on the current head commit, and never the author's. Reviews arrive oldest
 * first. Whether a reviewer may approve at all (write access) is the review channel's question.
 */
export declare function approversOf(reviews: Review[], rules: ApprovalRules): string[];
/**
 * Who asked for the stage changes in a proposal: the `by` of the stage_history entries the
 * head adds to each version (the workflow's actor, recorded when promote made the proposal).
 * They may not approve their own promotion.
 */
export declare function requestersOf(base: DocumentAt[], head: DocumentAt[]): string[];
/** Versions whose stage differs between two sets of documents; a version new in `after` has from null. */
export declare function stageChanges(before: ModelVersion[], after: ModelVersion[]): StageChange[];
/**
 * Stage changes that may land on the registry branch without a pull request, by design: a
 * registration into a stage `register` allows, and retention archiving a version it may touch.
 * Everything else that moves a stage is a promotion and belongs in a reviewed pull request.
 */
export declare function isDirectChangeAllowed(policy: RegistryPolicy, change: StageChange, version: ModelVersion): boolean;
