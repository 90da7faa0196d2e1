/** The schema's pattern (schemas/model-version.schema.json#/$defs/semver). */
export declare const SEMVER_PATTERN: RegExp;
export declare const FIRST_VERSION = "1.0.0";
export type Bump = 'patch' | 'minor' | 'major';
export declare function isVersion(input: string): boolean;
/** `1.2.0-rc.1` is a pre-release; `1.2.0` and `1.2.0+build.5` are releases. */
export declare function isPrerelease(version: string): boolean;
export declare function parseVersion(input: string): string;
export declare function parseBump(input: string): Bump;
/**
 * Total order: precedence first, then build metadata, so sorting is deterministic even for
 * versions semver calls equal (`1.0.0+a`, `1.0.0+b`).
 */
export declare function compareSemver(a: string, b: string): number;
export declare function sortVersions(versions: string[]): string[];
/**
 * Bumps the highest release version. A pre-release ahead of it (`1.2.0-rc.1` over `1.0.0`) is
 * bumped instead, so the result is always greater than every existing version: a patch bump then
 * finalises the pre-release (`1.2.0`), as semver's own increment does.
 */
export declare function nextVersion(existing: string[], bump: Bump): string;
