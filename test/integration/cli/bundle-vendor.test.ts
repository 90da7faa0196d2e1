/**
 * The bundled CLI keeps GitHub's client and isomorphic-git in files of their own beside the
 * program (scripts/bundle-options.mjs, VENDOR_GROUPS): a command that needs them must find them,
 * from the bundle exactly as dist/ ships it, and a local command must not load them.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { execFile } from 'node:child_process'
import { readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { buildCli, VENDOR_DIR, VENDOR_GROUPS } from '../../../scripts/bundle-options.mjs'
import {
  githubCliArgs,
  makeProjectRepo,
  modelFile,
  removeDir,
  tempDir,
  testEnv
} from '../../support/cli-harness.js'
import { startGitHubEmulator, type GitHubEmulator } from '../../support/github-emulator/index.js'

const run = promisify(execFile)

let dir: string
let cli: string
let gh: GitHubEmulator
let work: string
let cache: string

beforeAll(async () => {
  dir = await tempDir('mreg-vendor-')
  work = await tempDir('mreg-vendor-work-')
  cache = await tempDir('mreg-vendor-cache-')
  cli = await buildCli(dir)
  gh = await startGitHubEmulator()
}, 120_000)

afterAll(async () => {
  await gh.close()
  for (const path of [dir, work, cache]) await removeDir(path)
})

/** Runs the bundled CLI; `probe` lists the vendored files the process loaded when it exits. */
async function bundled(args: string[], env: Record<string, string> = {}) {
  const probe = join(dir, 'probe.cjs')
  await writeFile(
    probe,
    `process.on('exit', () => process.stderr.write('\\nLOADED ' + Object.keys(require.cache).filter(p => p.includes(${JSON.stringify(`/${VENDOR_DIR}/`)})).map(p => p.split('/').pop()).sort().join(',')))`
  )
  const result = await run(process.execPath, ['-r', probe, cli, ...args], {
    cwd: work,
    env: testEnv({ XDG_CACHE_HOME: cache, ...env })
  })
  const [stderr, loaded] = result.stderr.split('\nLOADED ')
  return { stdout: result.stdout, stderr, loaded: (loaded ?? '').split(',').filter(Boolean) }
}

test('the build writes one file per vendor group', async () => {
  expect((await readdir(join(dir, VENDOR_DIR))).sort()).toEqual(
    Object.keys(VENDOR_GROUPS)
      .map(group => `${group}.cjs`)
      .sort()
  )
})

test('GitHub mode loads GitHub’s client and the git client from their files; a local command loads neither', async () => {
  const env = { GITHUB_TOKEN: gh.token }
  // the registry's remote backend (src/registry/remote-backend.ts) brings isomorphic-git's HTTP client
  expect((await bundled(githubCliArgs(gh, 'init'), env)).loaded).toEqual(['github.cjs', 'isomorphic-git.cjs'])
  const file = await modelFile(work, 'model.bin', 3, 512)
  const registered = await bundled(githubCliArgs(gh, '--json', 'register', file, '--type', 'ranker'), env)
  expect(JSON.parse(registered.stdout)).toMatchObject({ name: 'ranker', version: '1.0.0' })
  // history reads a git fetch of the branch through isomorphic-git
  const history = await bundled(githubCliArgs(gh, 'history', 'ranker'), env)
  expect(history.stdout).toContain('register')
  expect(history.loaded).toEqual(['github.cjs', 'isomorphic-git.cjs'])

  const repo = await makeProjectRepo()
  try {
    const local = await bundled(['--registry', repo, 'init'])
    expect(local.stderr).toBe('')
    expect(local.loaded).toEqual([])
  } finally {
    await removeDir(repo)
  }
})

test('without the git CLI, a local read falls back to isomorphic-git from its file', async () => {
  const repo = await makeProjectRepo()
  try {
    await bundled(['--registry', repo, 'init'])
    const noGit = { PATH: join(work, 'no-git-here') }
    const shown = await bundled(['--registry', repo, '--json', 'policy', 'show'], noGit)
    expect(JSON.parse(shown.stdout)).toHaveProperty('stages')
    expect(shown.loaded).toEqual(['isomorphic-git.cjs'])
  } finally {
    await removeDir(repo)
  }
})
