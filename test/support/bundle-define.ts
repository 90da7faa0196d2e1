/**
 * What scripts/bundle.mjs gives esbuild, for tests that bundle the fronts themselves: the
 * `define` carrying package.json's version, and a build of both bundles into another directory.
 */
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

export const PACKAGE_VERSION = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
).version

export const BUNDLE_DEFINE = { __MREG_VERSION__: JSON.stringify(PACKAGE_VERSION) }

const BANNER =
  "import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);"

/** dist/cli.js and dist/index.js of the current source, built into `packageDir`/dist as scripts/bundle.mjs does. */
export async function bundleFronts(packageDir: string): Promise<void> {
  const script = readFileSync(join(ROOT, 'scripts', 'bundle.mjs'), 'utf8')
  for (const expected of [BANNER, "target: 'node20'", "format: 'esm'", 'define,', "legalComments: 'none'"]) {
    if (!script.includes(expected))
      throw new Error(`scripts/bundle.mjs changed; update test/support/bundle-define.ts (${expected})`)
  }
  for (const entry of [
    { in: 'src/cli/main.ts', out: 'dist/cli.js', shebang: true },
    { in: 'src/action/main.ts', out: 'dist/index.js', shebang: false }
  ]) {
    await build({
      entryPoints: [join(ROOT, entry.in)],
      outfile: join(packageDir, entry.out),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      legalComments: 'none',
      logLevel: 'warning',
      define: BUNDLE_DEFINE,
      banner: { js: (entry.shebang ? '#!/usr/bin/env node\n' : '') + BANNER }
    })
  }
}
