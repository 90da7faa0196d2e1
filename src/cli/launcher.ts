#!/usr/bin/env node
/**
 * The mreg binary (bundled to dist/cli.cjs). It runs the program — the whole CLI as one CommonJS
 * file beside it, `cli-program-<hash>.cjs` (scripts/bundle-options.mjs) — from V8's code cache
 * when it can: a command's start-up is mostly compiling JavaScript, and Node 20 has no compile
 * cache for ES modules (`module.enableCompileCache` needs Node 22.1). The cache is written after
 * a successful run, so it holds the functions that run compiled, not only the top level
 * (v8-compile-cache writes it at compile time and saves less: measured in docs/ARCHITECTURE.md,
 * "Loading the CLI").
 *
 * A run keeps the functions it compiled, so a cache written by `show` lacks most of what
 * `register` runs, which would then compile lazily on every run. The file therefore records which
 * commands' runs it holds (the program names its command: COMMAND_RAN_EVENT), and a successful run
 * of a command not among them writes it again: V8 serialises what this run compiled together with
 * what it took from the cache, so the cache grows to every command used, one rewrite each.
 *
 * Where: `compile/` in the mreg cache home (src/cli/cache-home.ts; GitHub mode keeps its
 * copies of registries beside it, src/cli/environment.ts), one file per program build, Node
 * version and architecture (the newest four kept); none when NODE_DISABLE_COMPILE_CACHE is set
 * (the variable Node's own cache honours) or there is no home. V8 checks only a cache's length and
 * its own version and flags, so the program's content hash in its file name is what keys the
 * cache to its source. A cache that cannot be read, written or is rejected costs only speed.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { Script } from 'node:vm'
import { mregCacheHome } from './cache-home.js'
import { COMMAND_RAN_EVENT } from './compile-cache.js'

/** The program's file name, set by the build (scripts/bundle-options.mjs). */
declare const __MREG_PROGRAM__: string

const CACHE_PREFIX = 'compile-'

function cacheDirectory(): string | undefined {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return undefined
  const home = mregCacheHome(process.env)
  return home && join(home, 'compile')
}

/**
 * A cache file: the length of its header (4 bytes, little-endian), the header (the commands whose
 * runs it holds, comma-separated), then V8's data. One file, so the two never disagree.
 */
interface CacheFile {
  commands: Set<string>
  data: Buffer
}

function readCache(file: string | undefined): CacheFile | undefined {
  try {
    if (!file) return undefined
    const bytes = readFileSync(file)
    const headerEnd = 4 + (bytes.length >= 4 ? bytes.readUInt32LE(0) : Infinity)
    if (headerEnd > bytes.length) return undefined
    const header = bytes.subarray(4, headerEnd).toString('utf8')
    return { commands: new Set(header === '' ? [] : header.split(',')), data: bytes.subarray(headerEnd) }
  } catch {
    return undefined
  }
}

function cacheBytes(commands: Set<string>, data: Buffer): Buffer {
  const header = Buffer.from([...commands].join(','), 'utf8')
  const length = Buffer.alloc(4)
  length.writeUInt32LE(header.length, 0)
  return Buffer.concat([length, header, data])
}

/**
 * Builds whose caches are kept: two installs used in turn (a global mreg and a project's) each
 * keep theirs instead of evicting the other's on every run; older upgrades' are removed.
 */
const KEPT_CACHES = 4

/** Replaces the cache atomically (concurrent runs each write a whole file) and drops the oldest. */
function writeCache(dir: string, name: string, data: Buffer): void {
  const temporary = join(dir, `.${name}.${process.pid}`)
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    writeFileSync(temporary, data, { mode: 0o600 })
    renameSync(temporary, join(dir, name))
    const caches = readdirSync(dir)
      .filter(file => file.startsWith(CACHE_PREFIX))
      .map(file => ({ file, written: statSync(join(dir, file)).mtimeMs }))
      .sort((a, b) => b.written - a.written)
    for (const { file } of caches.slice(KEPT_CACHES))
      if (file !== name) rmSync(join(dir, file), { force: true })
  } catch {
    // A read-only or full cache directory: the next run compiles again, and no partial file stays.
    try {
      rmSync(temporary, { force: true })
    } catch {
      // There was no directory to write in.
    }
  }
}

const program = join(__dirname, __MREG_PROGRAM__)
const dir = cacheDirectory()
const cacheName = `${CACHE_PREFIX}${__MREG_PROGRAM__.replace(/\.cjs$/, '')}-${process.version}-${process.arch}.v8`
const cached = readCache(dir && join(dir, cacheName))
const source = readFileSync(program, 'utf8')
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
  filename: program,
  cachedData: cached?.data
})
if (dir) {
  const held = cached && !script.cachedDataRejected ? cached.commands : new Set<string>()
  let command: string | undefined
  process.once(COMMAND_RAN_EVENT, (name: string) => (command = name))
  process.once('exit', code => {
    if (code !== 0 || command === undefined) return
    if (held.has(command)) return
    writeCache(dir, cacheName, cacheBytes(new Set([...held, command]), script.createCachedData()))
  })
}
const run = script.runInThisContext() as (...args: unknown[]) => void
const module = { exports: {} }
run.call(module.exports, module.exports, createRequire(program), module, program, __dirname)
