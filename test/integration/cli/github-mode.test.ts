/**
 * `mreg --github owner/repo`: the CLI against a GitHub repository (the emulator), with the token
 * from GITHUB_TOKEN: the registry branch on the server, artifacts as verified release assets.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { ModelVersion } from '../../../src/domain/types.js'
import { resetGitHubClients } from '../../../src/github/client.js'
import { modelFile, mreg, removeDir, tempDir, testEnv, type RunResult } from '../../support/cli-harness.js'
import { startGitHubEmulator, type GitHubEmulator } from '../../support/github-emulator/index.js'

let gh: GitHubEmulator
let work: string
let cache: string

beforeAll(async () => {
  gh = await startGitHubEmulator()
  work = await tempDir()
  cache = await tempDir()
})

afterAll(async () => {
  await gh.close()
  await removeDir(work)
  await removeDir(cache)
  resetGitHubClients()
})

const env = (extra: Record<string, string> = {}) =>
  testEnv({
    GITHUB_TOKEN: gh.token,
    XDG_CACHE_HOME: cache,
    MREG_GITHUB_WRITE_SPACING_MS: '0',
    MREG_GITHUB_RETRY_BASE_MS: '10',
    ...extra
  })

const github = (args: string[], extra: Record<string, string> = {}): Promise<RunResult> =>
  mreg(
    work,
    ['--github', `${gh.owner}/${gh.repo}`, '--api-url', gh.apiUrl, '--server-url', gh.serverUrl, ...args],
    env(extra)
  )

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter(e => e.isFile()).map(e => join(e.parentPath, e.name))
}

test('init, register, list, fetch and show against GitHub', async () => {
  expect((await github(['init'])).code).toBe(0)
  const file = await modelFile(work, 'model.onnx', 5, 8192)
  const registered = await github([
    '--json',
    'register',
    file,
    '--type',
    'ranker',
    '--metric',
    'ndcg=0.71',
    '--tag',
    'prod-candidate'
  ])
  expect(registered).toMatchObject({ code: 0, stderr: '' })
  const version = JSON.parse(registered.stdout) as ModelVersion
  const sha = createHash('sha256')
    .update(await readFile(file))
    .digest('hex')
  expect(version.artifact).toMatchObject({
    store: 'github-release',
    sha256: sha,
    release: { tag: 'ranker@v1.0.0' }
  })
  expect(gh.state.releases.map(r => [r.tagName, r.draft, r.assets[0]?.sha256])).toEqual([
    ['ranker@v1.0.0', false, sha]
  ])

  const listed = await github(['--json', 'list', '--tag', 'prod-candidate'])
  expect((JSON.parse(listed.stdout) as ModelVersion[]).map(v => v.version)).toEqual(['1.0.0'])
  const fetched = await github(['--json', 'fetch', 'ranker@latest', '--out', join(work, 'fetched.onnx')])
  expect(fetched.code).toBe(0)
  expect(await readFile(join(work, 'fetched.onnx'))).toEqual(await readFile(file))
  const shown = await github(['show', 'ranker@1.0.0'])
  expect(shown.stdout).toMatch(/ranker@v1\.0\.0|releases\/download/)

  for (const result of [registered, listed, fetched, shown]) {
    expect(result.stdout + result.stderr).not.toContain(gh.token)
  }
  for (const path of await filesUnder(cache)) expect(await readFile(path, 'latin1')).not.toContain(gh.token)
  expect(gh.validationErrors).toEqual([])
})

test('a missing token or a malformed --github is bad input, exit 2, one line', async () => {
  const noToken = await mreg(work, ['--github', 'acme/models', 'list'], testEnv({ XDG_CACHE_HOME: cache }))
  expect(noToken.code).toBe(2)
  expect(noToken.stderr).toMatch(/GITHUB_TOKEN/)
  const bad = await mreg(work, ['--github', 'not a repo', 'list'], env())
  expect(bad.code).toBe(2)
  expect(bad.stderr.trim().split('\n')).toHaveLength(1)
  expect(bad.stderr).toMatch(/owner\/repo/)
})

test('a wrong token: one line, no token in it', async () => {
  const result = await github(['list'], { GITHUB_TOKEN: 'ghs_wrong_token_value' })
  expect(result.code).toBe(1)
  expect(result.stderr.trim().split('\n')).toHaveLength(1)
  expect(result.stderr).not.toContain('ghs_wrong_token_value')
})
