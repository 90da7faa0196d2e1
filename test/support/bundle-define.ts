/** The `define` scripts/bundle.mjs gives esbuild (package.json's version): test bundles use it too. */
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

export const PACKAGE_VERSION = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
).version

export const BUNDLE_DEFINE = { __MREG_VERSION__: JSON.stringify(PACKAGE_VERSION) }
