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
    private constructor();
    /**
     * registry.json is read here but a bad one only fails when `policy` is read, so that a change
     * that repairs it (or a doctor that reports it) can still work from this snapshot.
     */
    static open(reader: GitReader, commit: string): Promise<GitSnapshot>;
    get policy(): RegistryPolicy;
    modelNames(): Promise<string[]>;
    readIndex(name: string): Promise<ModelIndex | null>;
    readVersion(name: string, version: string): Promise<ModelVersion | null>;
    objectId(path: string): Promise<string | null>;
    rootNames(): Promise<string[]>;
    readJson(path: string): Promise<unknown | null>;
    versionFileNames(name: string): Promise<string[]>;
}
