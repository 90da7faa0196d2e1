import { type ObjectReaderChoice, type ObjectSource } from './object-source.js';
export interface Entry {
    mode: string;
    oid: string;
    type: 'blob' | 'tree' | 'commit';
}
export interface CommitInfo {
    oid: string;
    tree: string;
    parents: string[];
    message: string;
    author: {
        name: string;
        email: string;
        timestamp: number;
        timezoneOffset: number;
    };
    committer: {
        name: string;
        email: string;
        timestamp: number;
        timezoneOffset: number;
    };
}
export declare class GitReader {
    readonly gitdir: string;
    /** Handed to isomorphic-git where it is still called directly (ref and short-id lookups). */
    readonly cache: object;
    readonly objects: ObjectSource;
    /** A local repository's reader resolves paths itself; GitHub's API is walked (or overridden). */
    private readonly paths;
    private readonly trees;
    private treeEntries;
    private readonly commits;
    /**
     * Small blobs by id: a write reads the model's head and version files to draft and again to
     * commit, and after a lost race the new tip shares most files with the old one (parsed results a
     * snapshot keeps, its catalog and days, are shared with the snapshot: GitSnapshot.open). Callers
     * never modify the bytes they are given.
     */
    private readonly blobs;
    private readonly reading;
    private blobBytes;
    /** `source`: which local reader (default `auto`), or a source of another kind (GitHub's API). */
    constructor(gitdir: string, source?: ObjectReaderChoice | ObjectSource);
    /**
     * One read per object at a time: reads issued together (a day's shards, a tree's directories,
     * two snapshots opening at once) would otherwise each ask for the same object before the first
     * answer is parsed and kept, which over GitHub's API is a request each.
     */
    private readTyped;
    private readTypedOnce;
    readCommit(oid: string): Promise<CommitInfo>;
    readTree(oid: string): Promise<Map<string, Entry>>;
    /** A tree already read (parsed), without reading it: a remote reader decides from it what to ask for. */
    protected cachedTree(oid: string): Map<string, Entry> | undefined;
    /** The entry at `path` (slash-separated, relative to the root tree), or null. */
    lookup(rootTree: string, path: string): Promise<Entry | null>;
    /**
     * The bytes of the file at `path`, null when absent; a directory there is an 'integrity' error.
     * A reader over a remote API may answer this in one request instead of one per directory.
     * `byPath`: every directory on the path is small (layout 2's fan-out), so a local reader lets git
     * resolve it (`<tree>:<path>`). Git scans a tree's entries for each such request, so a path
     * through a directory of thousands (layout 1's versions) is walked here, where the parsed
     * directory is kept.
     */
    readFile(rootTree: string, path: string, { byPath }?: {
        byPath?: boolean | undefined;
    }): Promise<Uint8Array | null>;
    /**
     * Where git should start resolving `segments`: the deepest directory on the path whose id a
     * directory parsed here names, and the rest of the path from it. Git inflates and scans every
     * tree on a `<tree>:<path>` request anew, and `models/` (one entry per model) is the costliest:
     * 100,000 version files of 100 models cost git 12.6 s read from the root, 1.7 s from each
     * model's `versions/` (docs/ARCHITECTURE.md, "Reading Git objects"). A listing has parsed the
     * model's own directory already (its rows are under it), so this costs no round trip.
     */
    private deepestParsed;
    readBlob(oid: string): Promise<Uint8Array>;
    /**
     * The parsed JSON at `path` in `rootTree`, or null when absent. A file that is not JSON (or is a
     * directory) is a corrupt registry: an 'integrity' error naming the file.
     */
    readJson(rootTree: string, path: string, options?: {
        byPath?: boolean;
    }): Promise<unknown | null>;
}
export declare function splitPath(path: string): string[];
