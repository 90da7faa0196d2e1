/**
 * GitHub mode reads and writes the registry branch through the Git Database API
 * (src/github/git-database-backend.ts): a fresh runner reads only the objects an answer needs and
 * fetches nothing over git; a lost race is the server's refusal of a non-fast-forward update and
 * the change is built again on the new tip; eight writers at once lose nothing; a ruleset refuses
 * an API ref update as it refuses a push; what the API wrote is what git serves; the one git
 * request GitHub mode makes (the history fetch) refused for a missing permission names it.
 */
import { afterEach, beforeEach, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import type { CommandContext } from '../../../src/commands/context.js'
import { init } from '../../../src/commands/init.js'
import { listVersions } from '../../../src/commands/list.js'
import { register } from '../../../src/commands/register.js'
import { showVersion } from '../../../src/commands/show.js'
import { headPath } from '../../../src/domain/layout.js'
import { createGitHubClient, resetGitHubClients } from '../../../src/github/client.js'
import { GitDatabase } from '../../../src/github/git-database.js'
import { GitHubReader } from '../../../src/github/git-objects.js'
import { modelFile, removeDir, tempDir } from '../../support/cli-harness.js'
import { testClock } from '../../support/command-context.js'
import { EMULATOR_TUNING, emulatorContext } from '../../support/github-context.js'
import { ALL_WRITE, startGitHubEmulator, type GitHubEmulator } from '../../support/github-emulator/index.js'
import { RemoteRegistryBackend } from '../../../src/registry/remote-backend.js'
import { TEST_IDENTITY } from '../../support/git-repo.js'
import { caught } from '../../support/registry-error.js'

let gh: GitHubEmulator
let work: string

beforeEach(async () => {
  gh = await startGitHubEmulator()
  work = await tempDir()
})

afterEach(async () => {
  expect(gh.validationErrors).toEqual([])
  await gh.close()
  await removeDir(work)
  resetGitHubClients()
})

/** A runner with nothing cached: its own cache directory. */
let runners = 0
const runner = (): CommandContext =>
  emulatorContext(gh, join(work, `runner-${++runners}`), testClock(new Date().toISOString()))

const git = (...args: string[]): string =>
  execFileSync('git', args, {
    cwd: gh.repoDir,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' }
  })

const tip = (): string => git('rev-parse', 'refs/heads/model-registry').trim()

test('a fresh runner shows a version through a few API requests and fetches nothing over git', async () => {
  const writer = runner()
  await init(writer)
  for (let i = 0; i < 3; i++)
    await register(writer, { file: await modelFile(work, `m${i}.bin`, i), modelType: 'meter' })

  const seen = gh.requests.length
  const version = await showVersion(runner(), 'meter@latest')
  expect(version.version).toBe('1.0.2')
  const used = gh.requests.slice(seen)
  expect(used.filter(r => r.origin === 'git')).toEqual([])
  // ref, commit, root tree, registry.json, head.json, the version file
  expect(used.map(r => r.operationId).sort()).toEqual([
    'git/get-commit',
    'git/get-ref',
    'git/get-tree',
    'repos/get-content',
    'repos/get-content',
    'repos/get-content'
  ])
  expect(used.reduce((sum, r) => sum + r.responseBytes, 0)).toBeLessThan(20_000)
})

test('a register on a fresh runner writes one tree, one commit and a fast-forward ref update, no git push', async () => {
  const first = runner()
  await init(first)
  const seen = gh.requests.length
  await register(runner(), { file: await modelFile(work, 'a.bin', 1), modelType: 'meter' })
  const used = gh.requests.slice(seen)
  expect(used.filter(r => r.origin === 'git')).toEqual([])
  const registryWrites = used
    .filter(r => r.method !== 'GET' && /\/git\//.test(r.path))
    .map(r => r.operationId)
  expect(registryWrites).toEqual(['git/create-tree', 'git/create-commit', 'git/update-ref'])
  // What the API wrote is a sound commit that git serves.
  expect(git('fsck', '--strict', '--no-dangling').trim()).toBe('')
  expect(git('log', '-1', '--format=%s', 'refs/heads/model-registry')).toMatch(/^register meter 1\.0\.0/)
})

test('a register on a fresh runner: one tip read shared with the store, its day found in one listing, no directory walked', async () => {
  const writer = runner()
  await init(writer)
  for (let i = 0; i < 2; i++)
    await register(writer, { file: await modelFile(work, `d${i}.bin`, i), modelType: 'meter' })
  const day = new Date().toISOString().slice(0, 10).replace(/-/g, '/')

  const seen = gh.requests.length
  const version = await register(runner(), { file: await modelFile(work, 'd2.bin', 2), modelType: 'meter' })
  expect(version.version).toBe('1.0.2')
  const used = gh.requests.slice(seen)
  const count = (operationId: string): number => used.filter(r => r.operationId === operationId).length
  // The tip: once for the draft (the release store's policy read shares it), once for the commit.
  expect(count('git/get-ref')).toBe(2)
  // Only the root tree (beside registry.json, for the layout): every deeper entry is found by
  // listing its directory at the commit, the day's rows in one request, not six trees.
  expect(count('git/get-tree')).toBe(1)
  const listed = used.filter(r => r.operationId === 'repos/get-content').map(r => decodeURIComponent(r.path))
  expect(listed.filter(p => p.endsWith(`/contents/models/meter/rows/${day.slice(0, 7)}`))).toHaveLength(1)
  expect(listed.filter(p => p.endsWith(`/contents/models/meter/rows/${day}.json`))).toHaveLength(1)
  // The version's slot, the catalog and the head's versions, read while the release is made,
  // each once: the commit on the unmoved tip reads nothing again.
  expect(new Set(listed).size).toBe(listed.length)
  expect(used.map(r => r.operationId).sort()).toEqual(
    [
      ...['git/get-ref', 'git/get-ref', 'git/get-commit', 'git/get-tree'],
      // registry.json, head.json, the month's listing, the day's shard, the new version's slot
      // (absent), the catalog, the newest version the head names
      ...Array(7).fill('repos/get-content'),
      ...['repos/get-release-by-tag', 'repos/create-release', 'repos/upload-release-asset'],
      ...['git/create-tree', 'git/create-commit', 'git/update-ref'],
      'repos/update-release'
    ].sort()
  )
})

test("a listing of a model's rows reads each directory once: a lookup below a listed directory starts from it", async () => {
  const writer = runner()
  await init(writer)
  for (let i = 0; i < 3; i++)
    await register(writer, { file: await modelFile(work, `l${i}.bin`, i), modelType: 'meter' })
  const seen = gh.requests.length
  const listed = await listVersions(runner(), { criteria: { name: 'meter' }, limit: 20 })
  expect(listed.map(v => v.version)).toEqual(['1.0.2', '1.0.1', '1.0.0'])
  const used = gh.requests.slice(seen)
  const paths = used.map(r => decodeURIComponent(r.path))
  expect(new Set(paths).size).toBe(paths.length)
  // ref, commit, registry.json + root tree, head.json; models/meter listed (rows), the rows, year
  // and month trees by id, the day's shard; the three version files
  expect(used.map(r => r.operationId).sort()).toEqual(
    [
      ...['git/get-ref', 'git/get-commit'],
      ...Array(4).fill('git/get-tree'),
      ...Array(7).fill('repos/get-content')
    ].sort()
  )
})

test('an entry of a directory GitHub lists only in part (1,000 entries) is found by walking its trees', async () => {
  const client = createGitHubClient({ token: gh.token, apiUrl: gh.apiUrl, ...EMULATOR_TUNING })
  const api = new GitDatabase(client, { owner: gh.owner, repo: gh.repo })
  const names = Array.from({ length: 1001 }, (_, i) => `f${String(i).padStart(4, '0')}.json`)
  const tree = await api.createTree(
    null,
    names.map(name => ({ path: `deep/big/${name}`, content: `${name}\n` }))
  )
  const author = { name: 'tester', email: 'tester@example.com', date: '2026-01-01T00:00:00Z' }
  const commit = await api.createCommit({ message: 'big', tree, parents: [], author, committer: author })
  const reader = new GitHubReader(api, '.')
  const root = (await reader.readCommit(commit)).tree
  const last = await reader.lookup(root, 'deep/big/f1000.json')
  expect(last?.oid).toBe(git('rev-parse', `${commit}:deep/big/f1000.json`).trim())
  expect(await reader.lookup(root, 'deep/big/f1001.json')).toBeNull()
  expect(gh.requests.some(r => r.rule === 'contents-directory-limit')).toBe(true)
})

test('a lost race is refused by the server (not a fast forward) and the change is built again on the new tip', async () => {
  const a = runner()
  const b = runner()
  await init(a)
  let calls = 0
  const outcome = await a.backend.update(async snapshot => {
    calls++
    if (calls === 1) {
      // Another runner's update lands between this builder's read and its ref update.
      await b.backend.update(async () => ({
        change: { subject: 'other', files: [{ path: 'notes/b.json', content: { by: 'b' } }] },
        result: null
      }))
    }
    const seenB = (await snapshot.readJson('notes/b.json')) !== null
    return {
      change: { subject: 'mine', files: [{ path: 'notes/a.json', content: { by: 'a', seenB } }] },
      result: seenB
    }
  })
  expect(outcome).toMatchObject({ changed: true, attempts: 2, result: true })
  expect(calls).toBe(2)
  const refused = gh.requests.filter(r => r.operationId === 'git/update-ref' && r.status === 422)
  expect(refused).toHaveLength(1)
  expect(git('show', `${tip()}:notes/b.json`)).toContain('"by": "b"')
  expect(git('show', `${tip()}:notes/a.json`)).toContain('"seenB": true')
  expect(git('rev-list', '--count', 'refs/heads/model-registry').trim()).toBe('3') // init, b, a
})

test('eight runners register the same model at once: every registration lands, nothing is lost', async () => {
  await init(runner())
  const writers = Array.from({ length: 8 }, () => runner())
  const files = await Promise.all(writers.map((_, i) => modelFile(work, `w${i}.bin`, 100 + i)))
  const versions = await Promise.all(
    writers.map((ctx, i) => register(ctx, { file: files[i] as string, modelType: 'meter' }))
  )
  expect(new Set(versions.map(v => v.version)).size).toBe(8)
  const head = JSON.parse(git('show', `${tip()}:${headPath('meter')}`)) as { count: number }
  expect(head.count).toBe(8)
  for (const v of versions) expect(git('show', `${tip()}:${v.metadata_path}`)).toContain(v.checksum)
  expect(git('fsck', '--strict', '--no-dangling').trim()).toBe('')
}, 300_000)

test('a ruleset requiring pull requests refuses the API ref update as it refuses a push; nothing lands', async () => {
  const ctx = runner()
  await init(ctx)
  const before = tip()
  gh.pushRules.addRuleset({
    name: 'registry',
    branches: ['model-registry'],
    rules: [{ type: 'pull_request' }],
    bypass: []
  })
  await expect(
    register(ctx, { file: await modelFile(work, 'a.bin', 1), modelType: 'meter' })
  ).rejects.toMatchObject({
    kind: 'refused',
    message: expect.stringMatching(
      /Repository rule violations found.*Changes must be made through a pull request/
    )
  })
  expect(tip()).toBe(before)
  const refusal = gh.requests.find(r => r.operationId === 'git/update-ref' && r.status === 422)
  expect(refusal?.rule).toBe('api-ref-ruleset-violation')
  // The registration's draft release went with the failure.
  expect(gh.state.releases).toEqual([])
})

test('the history fetch by a token without contents: read is refused naming the permission (rule git-push-permission)', async () => {
  await init(runner())
  const token = 'ghs_token_without_contents_for_tests'
  gh.tokens.add(token, { login: 'github-actions[bot]', permissions: { ...ALL_WRITE, contents: 'none' } })
  // The backend GitHub mode reads history with (src/wiring/github.ts), with that token.
  const history = new RemoteRegistryBackend({
    url: gh.gitUrl,
    cacheDir: join(work, 'no-contents'),
    branch: 'model-registry',
    token,
    author: TEST_IDENTITY
  })
  const error = await caught(history.log())
  expect(error).toMatchObject({ kind: 'refused', details: { permission: 'contents: read' } })
  expect(error.message).toMatch(
    /HTTP 403: Permission to acme\/models\.git denied to github-actions\[bot\]\.\): it needs the contents: read permission$/
  )
  expect(error.message).not.toContain(token)
  expect(gh.requests.some(r => r.rule === 'git-push-permission' && r.status === 403)).toBe(true)
})

test('a protection answering with its rule line alone is a refusal too, reported with that line', async () => {
  const ctx = runner()
  await init(ctx)
  const before = tip()
  // Classic protection may answer an API ref update with the rule's own line (rules.ts:
  // push-protected-branch words it the same); the product must not read it as bad input.
  gh.faults.failNext({
    method: 'PATCH',
    path: /\/git\/refs\/heads%2Fmodel-registry$/,
    status: 422,
    body: {
      message: 'Required status check "model-registry/policy" is expected.',
      documentation_url: 'https://docs.github.com/rest/git/refs#update-a-reference'
    }
  })
  const error = await caught(register(ctx, { file: await modelFile(work, 'a.bin', 1), modelType: 'meter' }))
  expect(error).toMatchObject({ kind: 'refused', details: { reason: 'ruleset', field: 'registry-branch' } })
  expect(error.message).toContain('Required status check "model-registry/policy" is expected.')
  expect(tip()).toBe(before)
})
