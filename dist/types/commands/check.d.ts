/**
 * check: the policy check of a proposed change to the registry branch (a pull request), base →
 * head. Both commits are read as data — JSON documents, validated by the domain — and nothing in
 * them is ever executed. Only what the change touched is read (src/commands/check-reads.ts), so
 * the cost follows the size of the change, not of the registry or of a model's history. With a review channel and a pull request number,
 * approvals and labels come from the pull request and the verdict is posted as a commit status.
 */
import { type ReviewResult, type VerdictState } from '../domain/review.js';
import type { RegistryBackend } from '../registry/backend.js';
import type { CommandContext } from './context.js';
export interface CheckInput {
    /** The commit the change is judged against (the pull request's base), or a ref. */
    base: string;
    /** The proposed commit (the pull request's head), or a ref. */
    head: string;
    pullNumber?: number;
    /** The branch carrying `head` on the remote (the pull request's head branch), fetched if needed. */
    headRef?: string;
}
export interface PostedStatus {
    state: VerdictState;
    description: string;
    context: string;
}
export interface CheckOutcome extends ReviewResult {
    base: string;
    head: string;
    /** 'not-applicable' without a review channel: approvals and labels were not judged. */
    review: 'pull-request' | 'not-applicable';
    pull_request: number | null;
    approvals: string[] | null;
    labels: string[] | null;
    /** The verdict as a commit status; `posted` says whether it went to the review channel. */
    status: PostedStatus & {
        posted: boolean;
    };
}
export declare function check(ctx: CommandContext, input: CheckInput): Promise<CheckOutcome>;
/** A commit id or ref made readable (fetched, for a remote); backends without the hook take ids as given. */
export declare function commitOf(backend: RegistryBackend, ref: string, from?: string[]): Promise<string>;
