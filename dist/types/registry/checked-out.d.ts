/**
 * The working tree that has `ref` (e.g. `refs/heads/model-registry`) checked out, or null.
 * `mainWorktree` is the main working tree's directory, null for a bare repository.
 */
export declare function worktreeHolding(gitdir: string, ref: string, mainWorktree: string | null): Promise<string | null>;
