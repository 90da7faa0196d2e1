/**
 * The files under a directory whose Git ids differ between two snapshots, found by descending
 * only where the directories' ids differ: a commit that touched one version of a 100,000-version
 * model reads the few trees on the way to it, not the model's 4,096 fan-out directories.
 */
import type { RegistrySnapshot } from '../registry/backend.js';
/** Paths of the files added, changed or removed under `dir` between `before` and `after`, sorted. */
export declare function changedFiles(before: RegistrySnapshot, after: RegistrySnapshot, dir: string): Promise<string[]>;
