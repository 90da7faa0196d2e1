// Types of scripts/bundle-options.mjs for the tests that bundle the fronts (test/support/bundle-define.ts).
import type { BuildOptions } from 'esbuild'

export declare const BANNER: string
export declare const DEFINE: Record<string, string>
export declare function isCliProgram(name: string): boolean
/** Builds the CLI's launcher (`<outDir>/<launcher>.cjs`) and program; resolves to the launcher's path. */
export declare function buildCli(outDir: string, options?: { launcher?: string; root?: string }): Promise<string>
export declare function singleFileBuilds(outDir: string, root?: string): BuildOptions[]
/** The libraries bundled apart from the CLI's program, by group (one file each in VENDOR_DIR). */
export declare const VENDOR_GROUPS: Record<string, string[]>
export declare const VENDOR_DIR: string
