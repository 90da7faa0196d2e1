export type ObjectKind = 'blob' | 'tree' | 'commit' | 'tag';
export interface RawObject {
    type: ObjectKind;
    data: Buffer;
}
export interface ObjectSource {
    /**
     * Fails with an error whose `code` is 'NotFoundError' when the repository lacks the object.
     * `expected` is the type the caller asks for: a local store ignores it (an object file says
     * its own type), GitHub's Git Database API has one endpoint per type (src/github/git-objects.ts).
     */
    read(oid: string, expected: ObjectKind): Promise<RawObject>;
    /** Ends helper processes; reading again restarts them. */
    close(): void;
}
/**
 * A reader of a local repository, which can also resolve a path itself: `git cat-file --batch`
 * takes `<tree>:<path>` and walks the trees in C, so a listing that reads every version file
 * neither parses each fan-out directory in JavaScript nor waits for one round trip per level.
 */
export interface LocalObjectSource extends ObjectSource {
    /**
     * The object at `path` under `tree`, or null when the reader did not find it there. Null is not
     * proof of absence (a concurrent gc may have moved a tree): callers confirm by walking the trees.
     */
    readPath(tree: string, path: string): Promise<RawObject | null>;
}
/** Which object reader a backend uses: `auto` takes the git CLI when it runs, else isomorphic-git. */
export type ObjectReaderChoice = 'auto' | 'git-cli' | 'isomorphic-git';
export declare function openObjectSource(gitdir: string, choice?: ObjectReaderChoice): LocalObjectSource;
export declare function notFoundError(oid: string): Error;
/** One `git cat-file --batch` per repository, requests answered in order. */
export declare class CatFileSource implements LocalObjectSource {
    private readonly gitdir;
    private child;
    private pending;
    private buffer;
    /**
     * Requests not yet written: those made in one turn of the event loop go to git in one write
     * (a listing asks for dozens at once; one pipe write each cost more than the reads themselves).
     */
    private unsent;
    constructor(gitdir: string);
    read(oid: string): Promise<RawObject>;
    readPath(tree: string, path: string): Promise<RawObject | null>;
    close(): void;
    /** `name`: an object id, or `<tree>:<path>` (readPath). */
    private request;
    private send;
    private start;
    private idle;
    /** Answers: `<oid> <type> <size>\n<content>\n` or `<oid> missing\n`. */
    private drain;
}
/** isomorphic-git's reader; its parsed-pack cache is dropped and rebuilt once on a missing object. */
export declare class IsomorphicSource implements LocalObjectSource {
    private readonly gitdir;
    private cache;
    constructor(gitdir: string);
    read(oid: string): Promise<RawObject>;
    readPath(tree: string, path: string): Promise<RawObject | null>;
    close(): void;
    private readOnce;
}
