// Bundles the fronts into dist/ with esbuild, and the library's type declarations with tsc.
// Output must be byte-identical on rebuild: .ci/run rebuilds and fails when the committed dist/
// differs. `--out DIR` writes elsewhere (tests check the bundles without touching dist/).
import { build } from 'esbuild'
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildDashboard } from './bundle-dashboard.mjs'

// The precompiled schema validators are source the bundle includes: regenerate them first.
await import('./generate-validators.mjs')

const outIndex = process.argv.indexOf('--out')
const outDir = outIndex >= 0 ? process.argv[outIndex + 1] : 'dist'

// An ESM bundle still meets CommonJS dependencies that call require(): give them one.
const banner = "import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);"

// package.json's version is mreg's version (src/wiring/version.ts): one source of truth.
const { version } = JSON.parse(readFileSync('package.json', 'utf8'))
const define = { __MREG_VERSION__: JSON.stringify(version) }

const entries = [
  { in: 'src/cli/main.ts', out: 'cli.js', shebang: true },
  { in: 'src/action/main.ts', out: 'index.js', shebang: false },
  // The library (`import { openRegistry } from 'git-model-registry'`): self-contained like the others.
  { in: 'src/lib/index.ts', out: 'lib.js', shebang: false }
].filter(entry => existsSync(entry.in))

for (const entry of entries) {
  await build({
    entryPoints: [entry.in],
    outfile: join(outDir, entry.out),
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

// The dashboard `mreg serve` serves at / (dist/dashboard, found next to the bundle at run time).
await buildDashboard(outDir)

// The library's published types: declarations only, under <out>/types (package.json "exports").
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.lib.json', '--outDir', join(outDir, 'types')], {
  stdio: 'inherit'
})
