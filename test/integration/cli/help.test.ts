/**
 * The CLI as dist/ ships it (scripts/bundle-options.mjs): a launcher running the program from
 * V8's code cache (src/cli/launcher.ts). Start-up runs the program and the command definitions;
 * a command's action and what it needs initialise when it runs (src/cli/runtime.ts). Help must
 * stay whole: every command and option is listed, and printed without running Git, the stores,
 * GitHub's client or the server — proven by the Node built-ins a `--help` loads.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { execFile, spawn } from 'node:child_process'
import { mkdir, readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { buildCli } from '../../../scripts/bundle-options.mjs'
import { makeProjectRepo, mreg, removeDir, tempDir, testEnv } from '../../support/cli-harness.js'

const run = promisify(execFile)

const COMMANDS = [
  'init',
  'register',
  'list',
  'show',
  'fetch',
  'promote',
  'rollback',
  'edit',
  'policy',
  'compare',
  'history',
  'delete',
  'cleanup',
  'check',
  'apply',
  'import',
  'doctor',
  'migrate',
  'serve'
]

let dir: string
let cli: string
let repo: string
let cache: string

beforeAll(async () => {
  dir = await tempDir('mreg-help-')
  cache = await tempDir('mreg-help-cache-')
  repo = await makeProjectRepo()
  cli = await buildCli(dir)
}, 120_000)

afterAll(async () => {
  await removeDir(dir)
  await removeDir(repo)
  await removeDir(cache)
})

/** The launcher's environment: its compile cache in this test's directory, not the user's. */
const cliEnv = (extra: Record<string, string> = {}) => testEnv({ XDG_CACHE_HOME: cache, ...extra })

const help = async (args: string[]) => (await run(process.execPath, [cli, ...args], { env: cliEnv() })).stdout

describe('help of the bundle as dist/ ships it', () => {
  test('--help runs no Git, store, GitHub client or server code: none of their Node built-ins load', async () => {
    // A preloaded script lists the built-ins the process loaded when it exits.
    const probe = join(dir, 'probe.cjs')
    await writeFile(
      probe,
      "process.on('exit', () => process.stderr.write(process.moduleLoadList.filter(m => m.startsWith('NativeModule ')).join('\\n')))"
    )
    const loaded = async (args: string[]) =>
      (await run(process.execPath, ['-r', probe, cli, ...args], { env: cliEnv() })).stderr.split('\n')
    const helpLoads = await loaded(['--help'])
    // zlib: Git objects; http and https: GitHub's client and the server; crypto: hashing artifacts.
    for (const builtin of ['zlib', 'http', 'https', 'crypto'])
      expect(helpLoads).not.toContain(`NativeModule ${builtin}`)
    // The probe sees what a command loads: Git's objects are inflated for `init` (its own repository).
    const other = await makeProjectRepo()
    try {
      expect(await loaded(['--registry', other, 'init'])).toContain('NativeModule zlib')
    } finally {
      await removeDir(other)
    }
  })

  test('mreg --help lists every command, as the in-process CLI does', async () => {
    const text = await help(['--help'])
    for (const command of COMMANDS) expect(text).toMatch(new RegExp(`^  ${command}\\b`, 'm'))
    expect(text).toContain('Examples:')
    expect(text).toBe((await mreg(repo, ['--help'])).stdout)
  }, 30_000)

  test.each(COMMANDS)('mreg %s --help is whole without the command loaded', async command => {
    const text = await help([command, '--help'])
    expect(text).toMatch(new RegExp(`^Usage: mreg ${command}\\b`))
    // The same text as the in-process program prints.
    expect(text).toBe((await mreg(repo, [command, '--help'])).stdout)
  })

  test('a reader that closed stdout (mreg --help | head) ends mreg quietly with 141, as git ends', async () => {
    const child = spawn(process.execPath, [cli, '--help'], {
      env: cliEnv(),
      stdio: ['ignore', 'pipe', 'pipe']
    })
    // Closed before mreg has started: its first write meets EPIPE.
    child.stdout.destroy()
    let stderr = ''
    child.stderr.on('data', chunk => (stderr += chunk))
    const code = await new Promise(resolve => child.on('close', resolve))
    expect({ code, stderr }).toEqual({ code: 141, stderr: '' })
  })

  test('list --help names its options and how it streams', async () => {
    const text = await help(['list', '--help'])
    for (const option of [
      '--name',
      '--stage',
      '--tag',
      '--min',
      '--sort',
      '--limit',
      '--csv',
      '--include-archived'
    ])
      expect(text).toContain(option)
    expect(text).toMatch(/stream/)
  })
})

describe('the compile cache (src/cli/launcher.ts)', () => {
  test('the program has no import() of its own: a vm.Script has no module loader to run one', async () => {
    // esbuild bundles every import() of our code; one of a Node built-in or an external module stays.
    const program = (await readdir(dir)).filter(name => /^cli-program-\w+\.cjs$/.test(name))
    expect(program).toHaveLength(1)
    const text = await readFile(join(dir, program[0] as string), 'utf8')
    expect(text.match(/\bimport\(\s*["'`][^"'`]+["'`]\s*\)/g) ?? []).toEqual([])
  })

  const cacheFiles = async (root: string) =>
    (await readdir(join(root, 'mreg', 'compile')).catch(() => [] as string[])).filter(name =>
      name.startsWith('compile-')
    )
  const version = async (env: NodeJS.ProcessEnv) => run(process.execPath, [cli, '--version'], { env })

  test('a successful run writes one cache for this build; the next run reads it and leaves it be', async () => {
    const root = await tempDir('mreg-cache-')
    try {
      const env = testEnv({ XDG_CACHE_HOME: root })
      const first = await version(env)
      const files = await cacheFiles(root)
      expect(files).toHaveLength(1)
      const file = join(root, 'mreg', 'compile', files[0] as string)
      const written = await stat(file)
      const second = await version(env)
      expect(second.stdout).toBe(first.stdout)
      // Accepted by V8, so not written again.
      expect((await stat(file)).mtimeMs).toBe(written.mtimeMs)
    } finally {
      await removeDir(root)
    }
  })

  test('a command the cache does not hold yet rewrites it once, keeping what it held: the cache grows to every command used', async () => {
    const root = await tempDir('mreg-cache-')
    const registry = await tempDir('mreg-cache-registry-')
    try {
      const env = testEnv({ XDG_CACHE_HOME: root })
      const file = async () => join(root, 'mreg', 'compile', (await cacheFiles(root))[0] as string)
      const held = async () => {
        const bytes = await readFile(await file())
        return bytes.subarray(4, 4 + bytes.readUInt32LE(0)).toString()
      }
      const list = () => run(process.execPath, [cli, '--registry', registry, 'list'], { env })
      await version(env)
      const afterVersion = await readFile(await file())
      expect(await held()).toBe('mreg')
      await run(process.execPath, [cli, '--registry', registry, 'init'], { env })
      expect(await held()).toBe('mreg,init')
      const listed = (await list()).stdout
      expect(await held()).toBe('mreg,init,list')
      const afterList = await readFile(await file())
      // V8 wrote what list compiled besides what it took from the cache.
      expect(afterList.length).toBeGreaterThan(afterVersion.length)
      const written = (await stat(await file())).mtimeMs
      expect((await list()).stdout).toBe(listed)
      await version(env)
      expect((await stat(await file())).mtimeMs).toBe(written)
    } finally {
      await removeDir(root)
      await removeDir(registry)
    }
  })

  test('a damaged cache is rejected by V8 and replaced; the run is unaffected', async () => {
    const root = await tempDir('mreg-cache-')
    try {
      const env = testEnv({ XDG_CACHE_HOME: root })
      const expected = (await version(env)).stdout
      const file = join(root, 'mreg', 'compile', (await cacheFiles(root))[0] as string)
      const good = await readFile(file)
      const damaged = Buffer.alloc(good.length, 7)
      await writeFile(file, damaged)
      expect((await version(env)).stdout).toBe(expected)
      const replaced = await readFile(file)
      expect(replaced.equals(damaged)).toBe(false)
      // The replacement is a cache V8 accepts: the next run leaves it as it is.
      await version(env)
      expect((await readFile(file)).equals(replaced)).toBe(true)
    } finally {
      await removeDir(root)
    }
  })

  test("other builds' caches stay (two installs used in turn keep theirs), the oldest beyond four are removed", async () => {
    const root = await tempDir('mreg-cache-')
    try {
      const compile = join(root, 'mreg', 'compile')
      await mkdir(compile, { recursive: true })
      // Five other builds, written one day apart: compile-OTHER0… is the newest.
      const others = Array.from({ length: 5 }, (_, i) => `compile-cli-program-OTHER${i}-v20.0.0-x64.v8`)
      for (const [i, name] of others.entries()) {
        await writeFile(join(compile, name), 'another build')
        const day = new Date(Date.now() - (i + 1) * 86_400_000)
        await utimes(join(compile, name), day, day)
      }
      await version(testEnv({ XDG_CACHE_HOME: root }))
      const kept = await cacheFiles(root)
      expect(kept).toHaveLength(4)
      expect(kept.filter(name => !others.includes(name))).toHaveLength(1) // this build's
      expect(kept.filter(name => others.includes(name)).sort()).toEqual(others.slice(0, 3))
    } finally {
      await removeDir(root)
    }
  })

  test('a failed run, or NODE_DISABLE_COMPILE_CACHE, writes no cache', async () => {
    const root = await tempDir('mreg-cache-')
    try {
      const failed = await run(process.execPath, [cli, 'show', 'no-such@1.0.0', '--registry', repo], {
        env: testEnv({ XDG_CACHE_HOME: root })
      }).catch((error: { code: number }) => error)
      expect((failed as { code: number }).code).not.toBe(0)
      expect(await cacheFiles(root)).toEqual([])
      await version(testEnv({ XDG_CACHE_HOME: root, NODE_DISABLE_COMPILE_CACHE: '1' }))
      expect(await cacheFiles(root)).toEqual([])
    } finally {
      await removeDir(root)
    }
  })

  test('a relative XDG_CACHE_HOME is ignored (the XDG rule): the cache goes under HOME, never the cwd', async () => {
    const home = await tempDir('mreg-cache-home-')
    const cwd = await tempDir('mreg-cache-cwd-')
    try {
      await run(process.execPath, [cli, '--version'], {
        cwd,
        env: { ...testEnv({ XDG_CACHE_HOME: 'relative-cache' }), HOME: home }
      })
      expect(await readdir(cwd)).toEqual([])
      expect(await cacheFiles(join(home, '.cache'))).toHaveLength(1)
    } finally {
      await removeDir(home)
      await removeDir(cwd)
    }
  })

  test('an unwritable cache directory costs only speed', async () => {
    const root = await tempDir('mreg-cache-')
    try {
      // A file where the directory would be: mkdir fails, the run does not.
      await writeFile(join(root, 'mreg'), '')
      const result = await version(testEnv({ XDG_CACHE_HOME: root }))
      expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/)
      expect(result.stderr).toBe('')
    } finally {
      await removeDir(root)
    }
  })
})
