/**
 * `mreg --github owner/repo`: the CLI against a GitHub repository (the emulator), with the token
 * from GITHUB_TOKEN: the registry branch on the server, artifacts as verified release assets.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals'
import { Octokit } from '@octokit/rest'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ModelVersion } from '../../../src/domain/types.js'
import { modelFile, mreg, testEnv, type RunResult } from '../../support/cli-harness.js'
import { ALL_WRITE, type GitHubEmulator } from '../../support/github-emulator/index.js'
import { githubProject, type GitHubProject } from '../../support/github-project.js'

let project: GitHubProject
let gh: GitHubEmulator
let work: string
let cache: string

beforeAll(async () => {
  project = await githubProject()
  ;({ gh, work, cache } = project)
})

afterAll(async () => {
  await project.close()
})

const env = (extra: Record<string, string> = {}) =>
  testEnv({
    GITHUB_TOKEN: gh.token,
    XDG_CACHE_HOME: cache,
    ...extra
  })

const github = (args: string[], extra: Record<string, string> = {}): Promise<RunResult> =>
  project.github(args, extra)

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

test('a relative XDG_CACHE_HOME is ignored: the cache goes to ~/.cache/mreg, never under the cwd', async () => {
  const home = join(work, 'home-of-relative-cache-test')
  await mkdir(home)
  const listed = await github(['history', 'ranker'], { XDG_CACHE_HOME: 'relative-cache', HOME: home })
  expect(listed).toMatchObject({ code: 0, stderr: '' })
  expect(existsSync(join(work, 'relative-cache'))).toBe(false)
  expect(await filesUnder(join(home, '.cache', 'mreg'))).not.toEqual([])
})

test('a missing token or a malformed --github is bad input, exit 2, one line', async () => {
  const noToken = await mreg(work, ['--github', 'acme/models', 'list'], testEnv({ XDG_CACHE_HOME: cache }))
  expect(noToken.code).toBe(2)
  expect(noToken.stderr).toMatch(/GITHUB_TOKEN/)
  const bad = await mreg(work, ['--github', 'not a repo', 'list'], env())
  expect(bad.code).toBe(2)
  expect(bad.stderr.trim().split('\n')).toHaveLength(1)
  expect(bad.stderr).toMatch(/owner\/repo/)
  const noCache = await github(['list'], { XDG_CACHE_HOME: '', HOME: 'not-absolute' })
  expect(noCache.code).toBe(2)
  expect(noCache.stderr.trim().split('\n')).toHaveLength(1)
  expect(noCache.stderr).toMatch(/set XDG_CACHE_HOME to an absolute directory/)
})

test('a wrong token: one line, no token in it', async () => {
  const result = await github(['list'], { GITHUB_TOKEN: 'ghs_wrong_token_value' })
  expect(result.code).toBe(1)
  expect(result.stderr.trim().split('\n')).toHaveLength(1)
  expect(result.stderr).not.toContain('ghs_wrong_token_value')
})

describe('GitHub behaviours a user meets (issue: immutable tags, latest, permissions, 422 details)', () => {
  afterEach(() => {
    gh.state.tokenPermissions = { ...ALL_WRITE }
    gh.state.burnedTags.clear()
  })

  test("a tag reserved by a deleted immutable release: an automatic version skips it, --version names it; the project's latest release stays", async () => {
    const octokit = new Octokit({ auth: gh.token, baseUrl: gh.apiUrl })
    await octokit.rest.repos.createRelease({ owner: gh.owner, repo: gh.repo, tag_name: 'v3.0.0' })
    gh.state.burnedTags.add('scorer@v1.0.0')
    const file = await modelFile(work, 'scorer.bin', 11, 512)
    const skipped = await github(['--json', 'register', file, '--type', 'scorer'])
    expect(skipped.code).toBe(0)
    expect((JSON.parse(skipped.stdout) as ModelVersion).version).toBe('1.0.1')
    expect(skipped.stderr).toMatch(
      /skipping version 1\.0\.0 of scorer: .*tag_name was used by an immutable release/
    )

    const explicit = await github(['register', file, '--type', 'scorer', '--version', '1.0.0'])
    expect(explicit.code).toBe(1)
    expect(explicit.stderr.trim().split('\n')).toHaveLength(1)
    expect(explicit.stderr).toMatch(/scorer@v1\.0\.0 was used by a deleted immutable release/)

    const latest = await octokit.rest.repos.getLatestRelease({ owner: gh.owner, repo: gh.repo })
    expect(latest.data.tag_name).toBe('v3.0.0')
    expect(gh.validationErrors).toEqual([])
  })

  test('a token without contents: write is told so, from GitHub’s header; nothing is left behind', async () => {
    gh.state.tokenPermissions = { ...ALL_WRITE, contents: 'read' }
    const before = gh.state.releases.length
    const file = await modelFile(work, 'denied.bin', 12, 256)
    const result = await github(['register', file, '--type', 'denied'])
    expect(result.code).toBe(1)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toMatch(
      /\(403\): Resource not accessible by integration; the token needs contents: write/
    )
    expect(gh.state.releases).toHaveLength(before)
    expect(gh.requests.some(r => r.rule === 'token-permissions' && r.status === 403)).toBe(true)
  })

  test('an empty model file is refused before anything is uploaded, exit 2, one line', async () => {
    const before = gh.requests.filter(r => r.origin === 'uploads').length
    const empty = join(work, 'empty.bin')
    await writeFile(empty, '')
    const result = await github(['register', empty, '--type', 'empty'])
    expect(result.code).toBe(2)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toMatch(/empty\.bin" is empty \(0 bytes\): GitHub refuses empty release assets/)
    expect(gh.requests.filter(r => r.origin === 'uploads')).toHaveLength(before)
    expect(gh.state.releases.some(r => r.tagName.startsWith('empty@'))).toBe(false)
  })
})
