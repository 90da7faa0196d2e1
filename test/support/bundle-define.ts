/**
 * What scripts/bundle.mjs gives esbuild, for tests that bundle the fronts themselves: the
 * `define` carrying package.json's version, and a build of the bundles into another directory
 * with the very options dist/ is built with (scripts/bundle-options.mjs).
 */
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { buildCli, DEFINE, singleFileBuilds } from '../../scripts/bundle-options.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

export const PACKAGE_VERSION = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
).version

export const BUNDLE_DEFINE = DEFINE

/** dist/ of the current source (the CLI's launcher and program, the Action, the library), built into `packageDir`/dist. */
export async function bundleFronts(packageDir: string): Promise<void> {
  const out = join(packageDir, 'dist')
  await buildCli(out, { root: ROOT })
  for (const options of singleFileBuilds(out, ROOT)) await build(options)
}
