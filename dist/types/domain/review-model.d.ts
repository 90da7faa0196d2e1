/**
 * The vocabulary of the policy check (src/domain/review.ts): what it is given, what it finds,
 * and what a change does to a version's stage.
 */
import type { GateResult } from './gates.js';
import type { ModelVersion } from './types.js';
/** The label a pull request needs before it may change registry.json. */
export declare const POLICY_LABEL = "registry-policy";
/** Fields a registered version may change; everything else is fixed at registration. */
export declare const MUTABLE_FIELDS: readonly string[];
/** A file of the registry branch as parsed JSON, with its path (`models/<name>/<version>.json`). */
export interface DocumentAt {
    path: string;
    content: unknown;
    /** Set when the file could not be read as JSON at all; `content` is then meaningless. */
    error?: string;
}
export interface BaseState {
    /** registry.json as parsed JSON; null when absent. */
    policy: unknown;
    /** Set when registry.json is not JSON. */
    policyError?: string;
    /** Version files of the models under review (unchanged models may be left out). */
    versions: DocumentAt[];
}
/** A derived file as the version files make it; content null: the file must not exist. */
export interface ExpectedFile {
    path: string;
    content: unknown;
}
export interface HeadState extends BaseState {
    /** Layout 1: models/<name>/index.json of the same models. */
    indexes: DocumentAt[];
    /**
     * Layout 2: the derived files (head.json, row shards, catalog.json) the change must leave as
     * `expected` says, and the proposed commit's documents (`committed`, content null when absent)
     * at those paths and at every other derived path the change touched.
     */
    derived?: {
        committed: DocumentAt[];
        expected: ExpectedFile[];
    };
    /** Paths the reader could not take for registry documents (a bad model directory name…). */
    problems?: {
        path: string;
        message: string;
    }[];
}
export interface ReviewInput {
    base: BaseState;
    head: HeadState;
    /** Who approved; null when there is no review channel (approval gates are then not applicable). */
    approvals: string[] | null;
    /** The pull request's labels; null without a review channel. */
    labels: string[] | null;
    /** Whether the change comes through a pull request (require_pull_request). */
    viaPullRequest: boolean;
    /**
     * Paths outside registry.json and models/ that differ between base and head. The workflows
     * that run this check live on the registry branch, so such a change could rewrite the check
     * itself: it needs the policy label like a policy edit.
     */
    otherPaths?: string[];
}
export type FindingKind = 'invalid-document' | 'immutable-field' | 'stage-history' | 'illegal-transition' | 'gate' | 'exclusive-stage' | 'index-mismatch' | 'removed-version' | 'policy-change' | 'other-file' | 'stale-base';
export interface ReviewFinding {
    severity: 'error' | 'warning';
    kind: FindingKind;
    /** `name@version`, a model name, or `registry.json`. */
    subject: string;
    message: string;
    /** The gate, for kind 'gate' (`min_approvals`, `must_beat.f1_score`…). */
    gate?: string;
    /** The file the finding is about, for annotations. */
    file?: string;
}
export interface StageChange {
    name: string;
    version: string;
    model_id: string;
    /** null for a version the base does not have (registered in this change). */
    from: string | null;
    to: string;
}
export interface GateReport {
    subject: string;
    stage: string;
    results: GateResult[];
}
export interface ReviewResult {
    passed: boolean;
    findings: ReviewFinding[];
    changes: StageChange[];
    gates: GateReport[];
}
export declare const versionKey: (name: string, version: string) => string;
export declare function stageChangeOf(v: ModelVersion, from: string | null): StageChange;
