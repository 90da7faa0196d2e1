export interface RepositoryLocation {
    /** The working tree, or the repository itself when bare. */
    dir: string;
    /** Where objects, refs and config live. */
    gitdir: string;
}
/**
 * Walks up from `startDir` like git does: a `.git` directory, a `.git` file (`gitdir: …`, used by
 * submodules and worktrees) or a bare repository. For a linked worktree the common directory is
 * returned, because branches, objects and config live there and the registry never needs HEAD.
 */
export declare function findRepository(startDir: string): Promise<RepositoryLocation>;
/**
 * The repository `dir` is in, or a new one created there (default branch `main`). An existing
 * repository is used as it is: its working tree, index and HEAD are not touched.
 */
export declare function openOrCreateRepository(dir: string, options?: {
    bare?: boolean;
}): Promise<RepositoryLocation & {
    created: boolean;
}>;
