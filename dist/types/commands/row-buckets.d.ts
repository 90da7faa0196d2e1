/**
 * The row shard that holds a registration time (src/domain/layout.ts bucketPaths, layoutBucket):
 * the finest bucket of the time's day that is a file, found by looking up one path per level
 * instead of reading the day's shards. A write that changes or adds rows of one time rewrites
 * that bucket alone; a registration finds the model_ids of its second there.
 */
import { type VersionRow } from '../domain/layout.js';
import type { RegistrySnapshot } from '../registry/backend.js';
export interface Bucket {
    /** The bucket's path without `.json`, and its level (0 the day … 3 a second). */
    prefix: string;
    level: number;
    /** Its shard file, null when no row has that bucket yet (then `rows` is empty). */
    path: string | null;
    rows: VersionRow[];
}
/**
 * Null when the day is not laid out as layoutBucket lays it out (a bucket that is both a file and
 * a directory, a directory of a second): callers then read the whole day, which a re-layout repairs.
 */
export declare function bucketHolding(snapshot: RegistrySnapshot, name: string, registeredAt: string): Promise<Bucket | null>;
