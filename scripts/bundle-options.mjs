// esbuild options of the fronts, shared by scripts/bundle.mjs (dist/), scripts/bench.mjs (the CLI
// the benchmarks run) and the tests that bundle them (test/support/bundle-define.ts).
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

// An ESM bundle still meets CommonJS dependencies that call require(): give them one.
export const BANNER =
  "import { createRequire as __mregCreateRequire } from 'node:module'; const require = __mregCreateRequire(import.meta.url);"

// package.json's version is mreg's version (src/wiring/version.ts): one source of truth. Found by
// walking up from this file, which the stress scenarios run bundled from .tmp/stress/.
function ownPackage(from) {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json')
    if (existsSync(file)) {
      const manifest = JSON.parse(readFileSync(file, 'utf8'))
      if (manifest.name === 'git-model-registry') return manifest
    }
    if (dirname(dir) === dir) throw new Error(`no package.json of git-model-registry above ${from}`)
  }
}
const { version } = ownPackage(dirname(fileURLToPath(import.meta.url)))
export const DEFINE = { __MREG_VERSION__: JSON.stringify(version) }

// The CLI's chunks lie beside its entry (`<out>/cli.js` imports `<out>/cli-<name>-<hash>.js`):
// code that finds files next to "the running bundle" by import.meta.url (the dashboard,
// src/serve/dashboard.ts) finds them from a chunk too.
export const CLI_CHUNK_PREFIX = 'cli-'

/** Whether a file name in the output directory is one of the CLI's chunks (not the entry). */
export function isCliChunk(name) {
  return name.startsWith(CLI_CHUNK_PREFIX) && name.endsWith('.js') && name !== 'cli.js'
}

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  define: DEFINE
}

/**
 * The CLI is split: its entry holds the program and the help; each command's action, and what it
 * needs (Git, the stores, GitHub's client, the server), is a chunk imported when the command runs
 * (src/cli/runtime.ts). Chunk names carry a content hash, so a rebuild is byte-identical.
 * `entry`: the entry's file name without `.js` (the benchmarks call theirs mreg.mjs).
 */
export function cliBuild(outDir, { entry = 'cli', extension = '.js', root = '.' } = {}) {
  return {
    ...common,
    entryPoints: [{ in: join(root, 'src/cli/main.ts'), out: entry }],
    outdir: outDir,
    outExtension: { '.js': extension },
    splitting: true,
    chunkNames: `${CLI_CHUNK_PREFIX}[name]-[hash]`,
    // The shebang comes from src/cli/main.ts (esbuild keeps an entry's first-line #! above the banner).
    banner: { js: BANNER }
  }
}

/** The Action and the library: one self-contained file each. */
export function singleFileBuilds(outDir, root = '.') {
  return [
    { in: 'src/action/main.ts', out: 'index.js' },
    // The library (`import { openRegistry } from 'git-model-registry'`): self-contained like the others.
    { in: 'src/lib/index.ts', out: 'lib.js' }
  ].map(entry => ({
    ...common,
    entryPoints: [join(root, entry.in)],
    outfile: join(outDir, entry.out),
    banner: { js: BANNER }
  }))
}
