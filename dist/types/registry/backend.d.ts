/**
 * The registry branch as the commands see it. Implementations: the local Git repository
 * (src/registry/local-backend.ts) and a remote one pushed over smart HTTP (remote-backend.ts).
 * This file holds types only, so commands can depend on it without loading isomorphic-git.
 */
import type { Catalog, ModelHead, VersionRow } from '../domain/layout.js';
import type { ModelIndex, ModelVersion, RegistryPolicy } from '../domain/types.js';
/** A read-only view of the registry branch at one commit. */
export interface RegistrySnapshot {
    /** The commit the snapshot reads; null only for a branch that does not exist yet. */
    readonly commit: string | null;
    readonly policy: RegistryPolicy;
    /** 2 with catalog.json (src/domain/layout.ts); 1 before `mreg migrate`. */
    readonly layout: 1 | 2;
    /** Names of every model directory under models/, sorted. */
    modelNames(): Promise<string[]>;
    /**
     * Every version of a model as one document (layout 1: index.json; layout 2: all its version
     * files, so it costs the model's size: commands answer from heads and rows instead).
     */
    readIndex(name: string): Promise<ModelIndex | null>;
    /** The version file, validated; null when absent. */
    readVersion(name: string, version: string): Promise<ModelVersion | null>;
    /** Versions named by the version files (not by derived data): for consistency checks. */
    versionFileNames(name: string): Promise<string[]>;
    /** The layout 2 reads below refuse a layout 1 branch with a one-line "run mreg migrate". */
    readCatalog(): Promise<Catalog>;
    /** models/<name>/head.json; null when the model does not exist. */
    readHead(name: string): Promise<ModelHead | null>;
    /** The days (`YYYY/MM/DD`, UTC) holding row shards of a model, newest first. */
    rowDays(name: string): Promise<string[]>;
    /** One day's shard files and their rows, oldest registration first. */
    readDay(name: string, day: string): Promise<{
        paths: string[];
        rows: VersionRow[];
    }>;
    /**
     * The Git object id at `path` (a file or a directory), null when absent. Equal ids mean equal
     * content, so a review can skip every model a change did not touch.
     */
    objectId(path: string): Promise<string | null>;
    /** The parsed JSON at `path`, not validated (a review judges invalid documents itself); null when absent. */
    readJson(path: string): Promise<unknown | null>;
    /** Names of the entries at the root of the tree, sorted. */
    rootNames(): Promise<string[]>;
    /**
     * The entries of the directory at `path` (name → Git object id and kind); empty when there is
     * no directory there. Equal ids mean equal subtrees: a diff descends only where they differ.
     */
    directoryEntries(path: string): Promise<Map<string, {
        oid: string;
        type: 'tree' | 'blob';
    }>>;
}
/**
 * One file written or deleted (null). A JSON value is serialised with 2-space indent and a final
 * newline. A DeferredDocument is made only when the writer reaches its file, for a change too
 * large to hold (migrate rewrites every version file of the registry in one commit).
 */
export interface FileWrite {
    path: string;
    content: unknown | null;
}
/** A document produced (and checked: see deferredDocument in src/commands/update-registry.ts) when it is written. */
export declare class DeferredDocument {
    readonly produce: () => Promise<unknown>;
    constructor(produce: () => Promise<unknown>);
}
/** The JSON value of a FileWrite's content, producing a deferred one now. */
export declare function documentValue(content: unknown): Promise<unknown>;
/**
 * The files of a change made on demand, each call a fresh pass: a change too large to hold as
 * FileWrite objects (migrate: two per version of the registry) keeps only what makes them. The
 * writer may call it more than once (a pass for the directories to read, one to write).
 */
export type FileSource = () => Iterable<FileWrite>;
export interface ChangeSet {
    /** First line of the commit message, e.g. `register theft-detector 1.1.0 (development)`. */
    subject: string;
    /** Optional body paragraphs. */
    body?: string;
    /** Commit trailers, e.g. { 'Model-Id': '…', Sha256: '…' }; written in this order. */
    trailers?: Record<string, string>;
    files: FileWrite[] | FileSource;
}
/** The change's files, made anew when they come from a FileSource. */
export declare function changeFiles(change: Pick<ChangeSet, 'files'>): Iterable<FileWrite>;
/**
 * Builds the change from the snapshot it is given. It may be called more than once: on a
 * concurrent update the backend re-reads the tip and calls it again (semantic re-apply, not a
 * textual merge). It must not have side effects beyond computing. Return null for "nothing to do".
 * Throwing aborts the update and the error reaches the caller unchanged.
 */
export type ChangeBuilder<T> = (snapshot: RegistrySnapshot) => Promise<{
    change: ChangeSet | null;
    result: T;
}>;
export interface CommitOutcome<T> {
    /** The new commit, or the unchanged tip when the builder returned no change. */
    commit: string;
    changed: boolean;
    result: T;
    /** How many times the builder ran (1 = no conflict). */
    attempts: number;
}
export interface ProposeOutcome<T> {
    /** The proposal's commit, or the unchanged registry tip when the builder returned no change. */
    commit: string;
    /** The registry branch's tip the proposal was built on (its parent). */
    base: string;
    result: T;
    /** False when there was nothing to propose; the proposal branch is then left as it was. */
    changed: boolean;
}
export interface LogOptions {
    /** Only commits that changed this path. */
    path?: string;
    /** Only commits at or before this time (committer time). */
    until?: Date;
    /** Stop after this many entries (the newest). */
    limit?: number;
    /**
     * With `path`: stop at the commit that created the path. Earlier commits cannot have touched
     * this incarnation of the file, and a version's history then costs its own age, not the branch's.
     */
    sinceCreation?: boolean;
    /**
     * Only commits the tip reaches and this commit does not (git's `since..tip`): a walk that
     * resumes where an earlier one stopped costs the commits since then, not the branch's age.
     * A commit the tip does not descend from excludes only what the two share.
     */
    since?: string;
}
export interface LogEntry {
    commit: string;
    subject: string;
    body: string;
    trailers: Record<string, string>;
    author: {
        name: string;
        email: string;
        timestamp: string;
    };
    /** The commit's parents, first parent first (a merge has two). */
    parents: string[];
}
export interface RegistryBackend {
    /** A human description for messages, e.g. the repository path or URL and branch. */
    readonly description: string;
    /** The registry branch's name, e.g. `model-registry`: the base of every proposal. */
    readonly branch: string;
    /** Creates the registry branch with the given policy when absent. Never touches a working tree or HEAD. */
    init(policy: RegistryPolicy): Promise<{
        created: boolean;
        commit: string;
    }>;
    /** Reads the current tip. Fails with a RegistryError(kind 'not-initialised') when the branch is absent. */
    snapshot(): Promise<RegistrySnapshot>;
    /** Reads the registry as of a commit (for history). */
    snapshotAt(commit: string): Promise<RegistrySnapshot>;
    /** Optimistic update: read tip → build → compare-and-swap the ref; on conflict retry with jittered backoff. */
    update<T>(build: ChangeBuilder<T>): Promise<CommitOutcome<T>>;
    /**
     * Commits that changed `path` (or any commit when omitted), newest first.
     * `until` keeps only commits at or before that time.
     */
    log(options?: LogOptions): Promise<LogEntry[]>;
    /** The JSON content of `path` at `commit`, or null when absent there. */
    readJsonAt(commit: string, path: string): Promise<unknown | null>;
    /**
     * Builds the change on the registry branch's tip (the tip is its parent) and points
     * `refs/heads/<branch>` at it, replacing an earlier proposal on that branch. The registry branch
     * itself never moves: the change lands when the proposal is merged.
     */
    propose?<T>(build: ChangeBuilder<T>, branch: string): Promise<ProposeOutcome<T>>;
    /**
     * Makes a commit readable by snapshotAt and returns its full id. `ref` is a commit id or a
     * branch or tag name of the repository. A remote fetches what it lacks: `ref` itself when it
     * is a name, else the registry branch and its history, and first the refs in `from` that may
     * carry the commit (a pull request's head branch, `refs/pull/<n>/head`).
     */
    fetchCommit?(ref: string, from?: string[]): Promise<string>;
    /** The parents of a commit, first parent first (for walking what a push brought). */
    parents?(commit: string): Promise<string[]>;
}
