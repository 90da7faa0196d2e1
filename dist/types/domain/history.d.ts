import type { StageSpan } from './shapes.js';
import type { ModelVersion } from './types.js';
export type { StageSpan };
/** Every span of every version, earliest start first (then version, then recorded order). */
export declare function stageTimeline(versions: ModelVersion[]): StageSpan[];
/** Stage → versions holding it at `at` (newest registration first); stage keys alphabetical. */
export declare function holdersAt(versions: ModelVersion[], at: Date): Record<string, string[]>;
/**
 * For rollback: the version that held `stage` most recently before `currentVersion` took it.
 * "Most recently" is by when its hold ended, so a long-time holder replaced at that moment wins
 * over one that passed through earlier. Versions still holding the stage are not "previous".
 */
export declare function previousHolder(versions: ModelVersion[], stage: string, currentVersion: string): ModelVersion | null;
