/**
 * The registry branch at one commit, read lazily: one tree walk and one blob per document asked
 * for. Layout 2 (src/domain/layout.ts) is what the commands read and write; a layout 1 branch
 * (before `mreg migrate`) is readable through readIndex/readVersion only, and every layout 2
 * read says in one line that the registry needs migrating.
 */
import { RegistryError } from '../domain/errors.js';
import { type Catalog, type ModelHead, type VersionRow } from '../domain/layout.js';
import type { ModelIndex, ModelVersion, RegistryPolicy } from '../domain/types.js';
import type { RegistrySnapshot } from './backend.js';
import type { GitReader } from './git-reader.js';
export declare const POLICY_PATH = "registry.json";
export declare const MODELS_DIR = "models";
export declare class GitSnapshot implements RegistrySnapshot {
    private readonly reader;
    readonly commit: string;
    readonly tree: string;
    private readonly policyOrError;
    readonly layout: 1 | 2;
    private catalog?;
    /**
     * A commit never changes: a day read once (register reads its day up to three times) is kept,
     * the last DAYS_KEPT of them, so that a listing of every day holds a bounded number of rows.
     */
    private readonly days;
    private constructor();
    /**
     * registry.json is read here but a bad one only fails when `policy` is read, so that a change
     * that repairs it (or a doctor that reports it) can still work from this snapshot.
     */
    static open(reader: GitReader, commit: string): Promise<GitSnapshot>;
    /** The last SNAPSHOTS_KEPT snapshots opened per reader. */
    private static readonly recent;
    private static openOnce;
    get policy(): RegistryPolicy;
    modelNames(): Promise<string[]>;
    /** Layout 1: index.json. Layout 2: every version file (costs the model's size; prefer heads and rows). */
    readIndex(name: string): Promise<ModelIndex | null>;
    readVersion(name: string, version: string): Promise<ModelVersion | null>;
    readCatalog(): Promise<Catalog>;
    readHead(name: string): Promise<ModelHead | null>;
    rowDays(name: string): Promise<string[]>;
    readDay(name: string, day: string): Promise<{
        paths: string[];
        rows: VersionRow[];
    }>;
    private readDayOnce;
    objectId(path: string): Promise<string | null>;
    rootNames(): Promise<string[]>;
    readJson(path: string): Promise<unknown | null>;
    directoryEntries(path: string): Promise<Map<string, {
        oid: string;
        type: 'tree' | 'blob';
    }>>;
    versionFileNames(name: string): Promise<string[]>;
    private entries;
    private subdirs;
    private requireLayout2;
}
export declare function needsMigrate(): RegistryError;
