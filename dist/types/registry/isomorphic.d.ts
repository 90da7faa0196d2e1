/**
 * isomorphic-git, loaded when first needed. It is the largest module the CLI bundles (~600 KB of
 * source to parse), and a local read with the git CLI present never calls it (objects come from
 * `git cat-file --batch`, refs from src/registry/ref-lock.ts): importing it up front cost every
 * command its load time (docs/BENCHMARKS.md, the scale section's start-up notes).
 */
type IsomorphicGit = typeof import('isomorphic-git').default;
export declare function isomorphicGit(): Promise<IsomorphicGit>;
export {};
