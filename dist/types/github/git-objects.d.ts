/**
 * Git objects read one at a time from GitHub's Git Database API, so a command on a fresh runner
 * transfers the trees on the paths it walks and the files it reads, never the registry.
 *
 * Trees and blobs are rebuilt byte for byte from the API's answer and checked against their id
 * (a tree id that names a commit answers with the commit's tree: a different id, so the reader
 * reports the wrong type, as git would). A commit is rebuilt from its fields: the parsed result
 * (tree, parents, message, signatures with their UTC offset) is exact, its bytes are not hashed
 * (a signed commit's gpgsig header is not part of the API's answer).
 *
 * A file is read with one contents-API request at the snapshot's commit instead of one tree per
 * directory on its path (show: 6 requests, not 12); an entry deeper than the trees already read
 * is found in one listing of its directory, also at the commit.
 */
import { GitReader, type CommitInfo, type Entry } from '../registry/git-reader.js';
import { type ObjectKind, type ObjectSource, type RawObject } from '../registry/object-source.js';
import type { GitDatabase } from './git-database.js';
export declare class GitDatabaseObjects implements ObjectSource {
    private readonly api;
    constructor(api: GitDatabase);
    read(oid: string, expected: ObjectKind): Promise<RawObject>;
    /** Nothing is held open between requests. */
    close(): void;
}
/**
 * The reader of a GitHub-mode snapshot: trees and commits through GitDatabaseObjects (cached by
 * GitReader), files through the contents API at the commit whose root tree is asked.
 */
export declare class GitHubReader extends GitReader {
    private readonly api;
    /** Root tree → a commit holding it: the contents API addresses files by commit. */
    private readonly commitOfRoot;
    /**
     * Files read, by commit and path: a commit never changes, and a write reads the same files
     * again on the snapshot it builds on (register: registry.json, head, catalog, today's rows).
     */
    private readonly files;
    private readonly listings;
    /** The listings answered: directory entries by commit and path (null: no directory there). */
    private readonly listed;
    constructor(api: GitDatabase, 
    /** Where resolveIdentity would look for a git config; GitHub mode always passes an identity. */
    gitdir: string);
    readCommit(oid: string): Promise<CommitInfo>;
    /**
     * From the deepest directory on the path already known (a tree read by id, or a listing), the
     * walk; when two or more trees below it remain unread, one contents-API listing of the path's
     * directory instead of a request per level (a day's rows are six levels below the root). A
     * directory GitHub lists only in part (1,000 entries or more) is walked tree by tree.
     */
    lookup(rootTree: string, path: string): Promise<Entry | null>;
    /**
     * What is known without a request of each directory on the path to `segments`' last entry, root
     * first: its entries, null when it is not a directory, undefined when unknown.
     */
    private knownDirectories;
    /**
     * Listings by commit and path, shared by lookups made together (a day's file and its hours);
     * once answered they are known directories too (knownDirectories), so a lookup deeper in the
     * same place starts from them.
     */
    private directory;
    /** `byPath` does not matter here: the contents API takes a path whatever the trees' sizes. */
    readFile(rootTree: string, path: string): Promise<Uint8Array | null>;
}
