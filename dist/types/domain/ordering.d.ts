import type { ModelVersion } from './types.js';
export declare const ARCHIVED_STAGE = "archived";
export declare function registeredAtMs(v: ModelVersion): number;
/** Oldest registration first; same instant → lower version first. */
export declare function byRegistration(a: ModelVersion, b: ModelVersion): number;
/** Newest registration first; same instant → higher version first. */
export declare function newestFirst(a: ModelVersion, b: ModelVersion): number;
/** A tombstone: retention removed its artifact, or it was moved to the archived stage. */
export declare function isArchived(v: ModelVersion): boolean;
