// esbuild options of the fronts, shared by scripts/bundle.mjs (dist/), scripts/bench.mjs (the CLI
// the benchmarks run) and the tests that bundle them (test/support/bundle-define.ts).
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
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

/** Whether a file in the output directory is a CLI program that a rebuild replaces (older builds'). */
export function isCliProgram(name) {
  return /^cli-program-[A-Z0-9]+\.cjs$/.test(name)
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
 * Libraries only some commands need, bundled apart from the program into `<out>/cli-vendor/`:
 * every command reads and deserialises the program (and its code cache, which holds an entry for
 * each module's functions), and these were two thirds of it (undici alone 540 KB). A group is
 * one file, so packages that share classes (Octokit's errors) share one copy; the program
 * requires a group when a module importing one of its packages first runs.
 */
export const VENDOR_GROUPS = {
  github: [
    '@octokit/rest',
    '@octokit/plugin-throttling',
    '@octokit/plugin-retry',
    'undici',
    'https-proxy-agent',
    'http-proxy-agent'
  ],
  'isomorphic-git': ['isomorphic-git', 'isomorphic-git/http/node'],
  metrics: ['prom-client']
}
export const VENDOR_DIR = 'cli-vendor'

const vendorGroupOf = new Map(
  Object.entries(VENDOR_GROUPS).flatMap(([group, packages]) => packages.map(name => [name, group]))
)

/** Resolves a vendored package to its group's file, required at run time beside the program. */
const vendoredPackages = {
  name: 'vendored-packages',
  setup(build) {
    build.onResolve({ filter: /^[@a-z]/ }, args =>
      vendorGroupOf.has(args.path) ? { path: args.path, namespace: 'vendored' } : undefined
    )
    build.onResolve({ filter: new RegExp(`^\\./${VENDOR_DIR}/`) }, args => ({ path: args.path, external: true }))
    build.onLoad({ filter: /.*/, namespace: 'vendored' }, args => ({
      contents: `module.exports = require(${JSON.stringify(`./${VENDOR_DIR}/${vendorGroupOf.get(args.path)}.cjs`)})[${JSON.stringify(args.path)}]`,
      loader: 'js'
    }))
  }
}

async function buildVendorGroups(build, outDir, root) {
  for (const [group, packages] of Object.entries(VENDOR_GROUPS)) {
    await build({
      ...common,
      format: 'cjs',
      stdin: {
        contents: `module.exports = {${packages.map(name => `${JSON.stringify(name)}: require(${JSON.stringify(name)})`).join(', ')}}`,
        resolveDir: root,
        loader: 'js'
      },
      outfile: join(outDir, VENDOR_DIR, `${group}.cjs`),
      minifyWhitespace: true,
      minifySyntax: true
    })
  }
}

/**
 * The CLI: `<out>/<launcher>.cjs` (src/cli/launcher.ts), the binary, runs
 * `<out>/cli-program-<hash>.cjs`, the whole program as one CommonJS file, from V8's code cache.
 * CommonJS because Node 20 caches compiled code only for scripts (node:vm), not ES modules.
 * esbuild turns the program's dynamic imports (src/cli/runtime.ts) into modules initialised
 * when first used, so `--help` still runs no Git, store or server code. The program's name
 * carries its content hash (a rebuild is byte-identical) and keys the cache.
 * Returns the launcher's path.
 */
export async function buildCli(outDir, { launcher = 'cli', root = '.' } = {}) {
  const { build } = await import('esbuild')
  await buildVendorGroups(build, outDir, root)
  const result = await build({
    ...common,
    format: 'cjs',
    plugins: [vendoredPackages],
    entryPoints: [join(root, 'src/cli/main.ts')],
    outdir: outDir,
    entryNames: 'cli-program-[hash]',
    outExtension: { '.js': '.cjs' },
    // Comments and spaces cost reading and hashing at every start; names are kept for stack traces.
    minifyWhitespace: true,
    minifySyntax: true,
    metafile: true,
    // The launcher passes __filename; src/serve/dashboard.ts finds dist/dashboard from it.
    define: { ...DEFINE, 'import.meta.url': '__mregModuleUrl' },
    banner: { js: "var __mregModuleUrl = require('node:url').pathToFileURL(__filename).href;" }
  })
  const program = Object.keys(result.metafile.outputs).map(path => basename(path))[0]
  // V8 reads an all-ASCII source faster (one byte per character): escape what literals still hold.
  const programPath = join(outDir, program)
  const text = readFileSync(programPath, 'utf8')
  const escape = c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  if (/[^\x00-\x7f]/.test(text)) writeFileSync(programPath, text.replace(/[^\x00-\x7f]/g, escape))
  const launcherPath = join(outDir, `${launcher}.cjs`)
  await build({
    ...common,
    format: 'cjs',
    entryPoints: [join(root, 'src/cli/launcher.ts')],
    outfile: launcherPath,
    define: { ...DEFINE, __MREG_PROGRAM__: JSON.stringify(program) }
  })
  return launcherPath
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
