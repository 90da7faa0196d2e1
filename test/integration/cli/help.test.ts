/**
 * The CLI is split (src/cli/runtime.ts): start-up loads the program and the command definitions,
 * a command's action is a chunk loaded when it runs. Help must stay whole: every command and
 * option is listed by the bundle as dist/ ships it (scripts/bundle-options.mjs), and it is
 * printed without any chunk the entry does not import statically — proven by deleting them.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { execFile, spawn } from 'node:child_process'
import { readdir, readFile, rm } from 'node:fs/promises'
import { join, posix } from 'node:path'
import { promisify } from 'node:util'
import { build } from 'esbuild'
import { cliBuild, isCliChunk } from '../../../scripts/bundle-options.mjs'
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
let removedChunks: string[]

/** The files a module imports statically (`import … from "./x.js"`), transitively, relative to outDir. */
async function staticClosure(outDir: string, file: string, seen = new Set<string>()): Promise<Set<string>> {
  if (seen.has(file)) return seen
  seen.add(file)
  const text = await readFile(join(outDir, file), 'utf8')
  for (const match of text.matchAll(/^(?:import|export)\s[^;]*?from\s*"(\.\/[^"]+)"/gms))
    await staticClosure(outDir, posix.join(posix.dirname(file), match[1] as string), seen)
  return seen
}

beforeAll(async () => {
  dir = await tempDir('mreg-help-')
  repo = await makeProjectRepo()
  await build({ ...cliBuild(dir), logLevel: 'error' })
  cli = join(dir, 'cli.js')
  const needed = await staticClosure(dir, 'cli.js')
  removedChunks = []
  for (const chunk of (await readdir(dir)).filter(isCliChunk)) {
    if (!needed.has(chunk)) {
      removedChunks.push(chunk)
      await rm(join(dir, chunk))
    }
  }
}, 120_000)

afterAll(async () => {
  await removeDir(dir)
  await removeDir(repo)
})

const help = async (args: string[]) =>
  (await run(process.execPath, [cli, ...args], { env: testEnv() })).stdout

describe('help of the split bundle', () => {
  test('the commands and the registry are chunks that --help does without', () => {
    // Each command's action is its own chunk, and so is the registry's wiring: all gone.
    for (const chunk of ['list', 'register', 'fetch', 'promote', 'doctor', 'environment'])
      expect(removedChunks.some(name => name.startsWith(`cli-${chunk}-`))).toBe(true)
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
      env: testEnv(),
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

  test('the removed chunks are what a command needs: running one without them fails', async () => {
    const result = await run(process.execPath, [cli, '--registry', repo, 'list'], { env: testEnv() }).catch(
      (error: { code: number; stderr: string }) => error
    )
    expect((result as { code?: number }).code).not.toBe(0)
  })
})
