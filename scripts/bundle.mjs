// Bundles the fronts into dist/ with esbuild. Output must be byte-identical on rebuild:
// .ci/run rebuilds and fails when the committed dist/ differs.
import { build } from 'esbuild'
import { existsSync, readFileSync } from 'node:fs'

// The precompiled schema validators are source the bundle includes: regenerate them first.
await import('./generate-validators.mjs')

// An ESM bundle still meets CommonJS dependencies that call require(): give them one.
const banner = "import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);"

// package.json's version is mreg's version (src/wiring/version.ts): one source of truth.
const { version } = JSON.parse(readFileSync('package.json', 'utf8'))
const define = { __MREG_VERSION__: JSON.stringify(version) }

const entries = [
  { in: 'src/cli/main.ts', out: 'dist/cli.js', shebang: true },
  { in: 'src/action/main.ts', out: 'dist/index.js', shebang: false }
].filter(entry => existsSync(entry.in))

for (const entry of entries) {
  await build({
    entryPoints: [entry.in],
    outfile: entry.out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    legalComments: 'none',
    logLevel: 'warning',
    define,
    banner: { js: (entry.shebang ? '#!/usr/bin/env node\n' : '') + banner }
  })
}
