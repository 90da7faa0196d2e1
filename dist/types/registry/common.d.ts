import type { GitReader } from './git-reader.js';
export declare const DEFAULT_BRANCH = "model-registry";
export declare const INIT_SUBJECT = "init model registry";
/** git check-ref-format's rules, minus the rarely met ones; names become paths under refs/heads. */
export declare function checkBranchName(branch: string): string;
/** A full or abbreviated commit id, checked to exist and to be a commit. */
export declare function openCommit(reader: GitReader, commit: string): Promise<string>;
export declare function readJsonAtCommit(reader: GitReader, commit: string, path: string): Promise<unknown | null>;
/**
 * A commit id, or a branch, tag or full ref name of the repository (`main`, `refs/heads/x`,
 * `v1`), to the commit id it names; annotated tags are peeled. Revision expressions (`HEAD~1`)
 * are not understood: name a commit or a ref.
 */
export declare function resolveCommitName(reader: GitReader, ref: string): Promise<string>;
/** Proposal branches are any valid branch but the registry branch, which only ever moves by CAS. */
export declare function checkProposalBranch(branch: string, registryBranch: string): string;
