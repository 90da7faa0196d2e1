export declare const MODEL_ID_PATTERN: RegExp;
/** `YYYYMMDD_HHMMSS` in UTC. */
export declare function formatTimestamp(date: Date): string;
/** `<name>_<ts>`, then `_2`, `_3`… until it is not in `taken` (two registrations in one second). */
export declare function makeModelId(name: string, registeredAt: Date, taken: ReadonlySet<string>): string;
export declare function isModelId(s: string): boolean;
/** Strips the last `_YYYYMMDD_HHMMSS(_n)?`; names may themselves contain underscores and digits. */
export declare function nameFromModelId(id: string): string;
