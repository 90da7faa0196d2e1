import type { GateResult } from './gates.js';
import type { ModelVersion } from './types.js';
export type ProposalVerb = 'promote' | 'rollback';
/**
 * `mreg/promote/<name>/<version>-to-<stage>`: one proposal per version and target, so running
 * promote again updates it instead of opening another. `+` (semver build metadata) is not
 * allowed in our branch names and becomes `_`, which semver never uses.
 */
export declare function proposalBranch(name: string, version: string, stage: string): string;
export declare function proposalTitle(verb: ProposalVerb, name: string, version: string, from: string, to: string): string;
export interface ProposalFacts {
    verb: ProposalVerb;
    /** The candidate as it is now (before the move). */
    candidate: ModelVersion;
    from: string;
    to: string;
    /** Versions holding the target stage now, newest registration first. */
    holders: ModelVersion[];
    /** Versions the move would demote (exclusive stages), as they would be after it. */
    demoted: ModelVersion[];
    gates: GateResult[];
    /** The commit message the proposal's commit carries, subject and trailers included. */
    commitMessage: string;
}
export declare function proposalBody(facts: ProposalFacts): string;
