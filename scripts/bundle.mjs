// Bundles the fronts into dist/ with esbuild, and the library's type declarations with tsc.
// Output must be byte-identical on rebuild: .ci/run rebuilds and fails when the committed dist/
// differs. `--out DIR` writes elsewhere (tests check the bundles without touching dist/);
// `--no-types` skips the declarations (the packed-install test needs only the bundles).
import { build } from 'esbuild'
import { execFileSync } from 'node:child_process'
import { readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { buildDashboard } from './bundle-dashboard.mjs'
import { buildCli, isCliProgram, singleFileBuilds } from './bundle-options.mjs'

// The precompiled schema validators are source the bundle includes: regenerate them first.
await import('./generate-validators.mjs')

const outIndex = process.argv.indexOf('--out')
const outDir = outIndex >= 0 ? process.argv[outIndex + 1] : 'dist'

// The CLI's program is named by its content: the previous build's would stay beside the new one.
const previous = await readdir(outDir).catch(() => [])
for (const name of previous.filter(isCliProgram)) await rm(join(outDir, name))
await buildCli(outDir)
for (const options of singleFileBuilds(outDir)) await build(options)

// The dashboard `mreg serve` serves at / (dist/dashboard, found next to the bundle at run time).
await buildDashboard(outDir)

// The library's published types: declarations only, under <out>/types (package.json "exports").
if (!process.argv.includes('--no-types')) {
  execFileSync(
    process.execPath,
    ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.lib.json', '--outDir', join(outDir, 'types')],
    { stdio: 'inherit' }
  )
}
