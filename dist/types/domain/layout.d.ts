import type { Metrics, ModelVersion } from './types.js';
export declare const LAYOUT_VERSION = 2;
export declare const CATALOG_PATH = "catalog.json";
/** A time bucket holding more rows than this is split into the next finer unit. */
export declare const SHARD_ROWS = 64;
export interface VersionRow {
    version: string;
    model_id: string;
    model_type: string;
    registered_at: string;
    stage: string;
    /** artifact.deleted: retention removed the bytes. */
    deleted: boolean;
    tags: string[];
    metrics: Metrics;
}
export interface RowShard {
    schema_version: 2;
    name: string;
    rows: VersionRow[];
}
export interface StageSummary {
    count: number;
    newest: string;
}
export interface HeadSummary {
    count: number;
    /** Newest registration that is not archived. */
    newest: string | null;
    /** Highest version of all. */
    highest: string;
    /** Highest version that is not archived. */
    highest_live: string | null;
    /** name@latest: the highest release not archived, or the highest pre-release when there is no release. */
    latest: string | null;
    types: Record<string, number>;
    /** metric name → how many versions record it (a filter on an unrecorded metric is refused). */
    metrics: Record<string, number>;
    stages: Record<string, StageSummary>;
}
export interface ModelHead extends HeadSummary {
    schema_version: 2;
    name: string;
}
export interface Catalog {
    schema_version: 2;
    models: Record<string, HeadSummary>;
}
export declare function versionFanout(version: string): string;
export declare function modelDir(name: string): string;
export declare function versionFilePath(name: string, version: string): string;
export declare function headPath(name: string): string;
export declare function rowsDir(name: string): string;
export declare function rowOf(v: ModelVersion): VersionRow;
export declare function isArchivedRow(r: VersionRow): boolean;
/** The registry's one order (src/domain/ordering.ts) on rows: registration instant, then semver. */
export declare function rowOrder(a: VersionRow, b: VersionRow): number;
/** `YYYY/MM/DD` of the row's registration (UTC); an unreadable time counts as the epoch. */
export declare function dayOf(r: VersionRow): string;
export declare function dayOfTime(registeredAt: string): string;
/**
 * The shard files of one day: path → rows, oldest first. A function of the day's rows alone, so
 * a write re-lays out the day it touches and nothing else.
 */
export declare function layoutDay(name: string, day: string, rows: VersionRow[]): Map<string, RowShard>;
/**
 * The shard files of one bucket (`level` 0 a day, 1 an hour, 2 a minute, 3 a second; `prefix` its
 * path without `.json`, as bucketPaths gives it): the bucket's own file, or its finer buckets' when
 * it holds more than SHARD_ROWS. A day is laid out as its buckets are, so a bucket can be laid out
 * again alone when only its rows changed.
 */
export declare function layoutBucket(name: string, prefix: string, level: number, rows: VersionRow[]): Map<string, RowShard>;
/**
 * The buckets that may hold a row registered at `registeredAt`, coarsest first (paths without
 * `.json`; the index is the bucket's level): its day, then its hour, minute and second within the
 * day, as layoutBucket splits a crowded bucket. Which one is a file depends on how many rows share
 * each bucket; a change that keeps every row's registration time keeps those counts, so it
 * rewrites only the shards that hold its rows, and a new row changes only its own buckets.
 */
export declare function bucketPaths(name: string, registeredAt: string): string[];
/** Every shard of a model. */
export declare function layoutRows(name: string, rows: VersionRow[]): Map<string, RowShard>;
