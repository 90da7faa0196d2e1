// Types of scripts/bundle-options.mjs for the tests that bundle the fronts (test/support/bundle-define.ts).
import type { BuildOptions } from 'esbuild'

export declare const BANNER: string
export declare const DEFINE: Record<string, string>
export declare const CLI_CHUNK_PREFIX: string
export declare function isCliChunk(name: string): boolean
export declare function cliBuild(
  outDir: string,
  options?: { entry?: string; extension?: string; root?: string }
): BuildOptions
export declare function singleFileBuilds(outDir: string, root?: string): BuildOptions[]
