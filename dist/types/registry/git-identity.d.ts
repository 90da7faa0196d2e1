export interface Identity {
    name: string;
    email: string;
}
export interface CommitIdentity {
    author: Identity;
    committer: Identity;
    /** The roles or fields no environment variable or config file set, filled with the fallback. */
    fallback: string[];
}
export declare const FALLBACK_IDENTITY: Identity;
type Env = Record<string, string | undefined>;
/** The identity for commits in `gitdir`, from `env` (default process.env) and git's config files. */
export declare function resolveCommitIdentity(gitdir: string, env?: Env): Promise<CommitIdentity>;
/** git-config(1) FILES, lowest precedence first. */
export declare function configFiles(gitdir: string, env: Env): string[];
/** Entries of one config file in order, as `section[.subsection].key` → value. */
export declare function parseGitConfig(text: string): [string, string][];
export {};
