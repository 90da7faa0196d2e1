import { versionFilePath } from '../../../src/domain/layout.js'
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals'
import { join } from 'node:path'
import type { ChangeSet, RegistryBackend } from '../../../src/registry/backend.js'
import { RemoteRegistryBackend } from '../../../src/registry/remote-backend.js'
import { startGitHttpServer, type GitHttpServer } from '../../support/git-http-server.js'
import {
  createRepo,
  git,
  makeTempDir,
  removeDir,
  TEST_IDENTITY,
  type TestRepo
} from '../../support/git-repo.js'
import { localBackend, modelVersion, POLICY } from './fixtures.js'
import { caught } from '../../support/registry-error.js'

const BRANCH = 'model-registry'
const PROPOSAL = 'mreg/promote/fraud/1.0.0-to-staging'
const TOKEN = 'ghs_ProposeToken0123456789'

const register = (version: string, stage = 'development') => {
  const doc = modelVersion('fraud', version, stage)
  return async () => ({
    change: {
      subject: `register fraud ${version}`,
      files: [{ path: versionFilePath('fraud', version), content: doc }]
    } as ChangeSet,
    result: version
  })
}

/** What both backends must do; `where` is a git directory holding the (server's) branches. */
function proposeContract(setup: () => Promise<{ backend: RegistryBackend; where: string }>): void {
  test('builds on the tip, points the proposal branch at it, leaves the registry branch alone', async () => {
    const { backend, where } = await setup()
    const tip = git(where, ['rev-parse', BRANCH])
    const proposed = await backend.propose!(register('1.0.0'), PROPOSAL)
    expect(proposed).toEqual({
      commit: expect.stringMatching(/^[0-9a-f]{40}$/),
      base: tip,
      result: '1.0.0',
      changed: true
    })
    expect(git(where, ['rev-parse', BRANCH])).toBe(tip)
    expect(git(where, ['rev-parse', PROPOSAL])).toBe(proposed.commit)
    expect(git(where, ['rev-parse', `${PROPOSAL}^`])).toBe(tip)
    expect(git(where, ['log', '-1', '--format=%s', PROPOSAL])).toBe('register fraud 1.0.0')
    expect(JSON.parse(git(where, ['show', `${PROPOSAL}:${versionFilePath('fraud', '1.0.0')}`]))).toEqual(
      modelVersion('fraud', '1.0.0')
    )
    git(where, ['fsck', '--strict', '--no-dangling'])
    // The proposal is readable like any registry commit.
    const snapshot = await backend.snapshotAt(proposed.commit)
    expect(await snapshot.modelNames()).toEqual(['fraud'])
  })

  test('replaces an earlier proposal on the branch, rebuilt on the new tip', async () => {
    const { backend, where } = await setup()
    const first = await backend.propose!(register('1.0.0'), PROPOSAL)
    await backend.update(register('0.9.0'))
    const tip = git(where, ['rev-parse', BRANCH])
    const second = await backend.propose!(register('1.0.0'), PROPOSAL)
    expect(second.base).toBe(tip)
    expect(second.commit).not.toBe(first.commit)
    expect(git(where, ['rev-parse', PROPOSAL])).toBe(second.commit)
    expect(git(where, ['rev-list', '--count', `${BRANCH}..${PROPOSAL}`])).toBe('1')
  })

  test('nothing to propose leaves every branch as it was', async () => {
    const { backend, where } = await setup()
    const tip = git(where, ['rev-parse', BRANCH])
    const none = await backend.propose!(async () => ({ change: null, result: 'no' }), PROPOSAL)
    expect(none).toEqual({ commit: tip, base: tip, result: 'no', changed: false })
    expect(git(where, ['branch', '--list', PROPOSAL])).toBe('')
  })

  test('never on the registry branch itself, nor on an invalid branch name', async () => {
    const { backend, where } = await setup()
    const tip = git(where, ['rev-parse', BRANCH])
    const own = await caught(backend.propose!(register('1.0.0'), BRANCH))
    expect(own.kind).toBe('invalid-input')
    expect(own.message).toBe(
      `a proposal cannot be made on the registry branch "${BRANCH}" itself; name another branch`
    )
    expect((await caught(backend.propose!(register('1.0.0'), 'bad..name'))).kind).toBe('invalid-input')
    expect(git(where, ['rev-parse', BRANCH])).toBe(tip)
  })

  test('fetchCommit and parents: a proposal commit by id or by branch', async () => {
    const { backend } = await setup()
    const proposed = await backend.propose!(register('1.0.0'), PROPOSAL)
    expect(await backend.fetchCommit!(PROPOSAL)).toBe(proposed.commit)
    expect(await backend.fetchCommit!(proposed.commit)).toBe(proposed.commit)
    expect(await backend.parents!(proposed.commit)).toEqual([proposed.base])
    const missing = await caught(backend.fetchCommit!('no-such-branch'))
    expect(missing.kind).toBe('not-found')
  })
}

describe('propose on a local repository', () => {
  const repos: TestRepo[] = []
  afterEach(async () => {
    await Promise.all(repos.splice(0).map(r => removeDir(r.dir)))
  })
  proposeContract(async () => {
    const r = await createRepo({ commit: true })
    repos.push(r)
    const backend = localBackend(r)
    await backend.init(POLICY)
    return { backend, where: r.dir }
  })

  test('the git CLI sees the proposal in the reflog, and HEAD and the working tree are untouched', async () => {
    const r = await createRepo({ commit: true })
    repos.push(r)
    const backend = localBackend(r)
    await backend.init(POLICY)
    const head = git(r.dir, ['rev-parse', 'HEAD'])
    await backend.propose(register('1.0.0'), PROPOSAL)
    expect(git(r.dir, ['reflog', '-1', '--format=%gs', PROPOSAL])).toBe('mreg: register fraud 1.0.0')
    expect(git(r.dir, ['rev-parse', 'HEAD'])).toBe(head)
    expect(git(r.dir, ['status', '--porcelain'])).toBe('')
  })

  test('fetchCommit resolves names and abbreviated ids, and peels annotated tags', async () => {
    const r = await createRepo({ commit: true })
    repos.push(r)
    const backend = localBackend(r)
    const { commit } = await backend.init(POLICY)
    git(r.dir, ['tag', '-a', '-m', 'x', 'v1', BRANCH])
    expect(await backend.fetchCommit(BRANCH)).toBe(commit)
    expect(await backend.fetchCommit(`refs/heads/${BRANCH}`)).toBe(commit)
    expect(await backend.fetchCommit(commit.slice(0, 10))).toBe(commit)
    expect(await backend.fetchCommit('v1')).toBe(commit)
  })
})

describe('propose over git http-backend', () => {
  let root: string
  let server: GitHttpServer
  let count = 0

  beforeAll(async () => {
    root = await makeTempDir('mreg-propose-')
    server = await startGitHttpServer({ projectRoot: root, token: TOKEN })
  })
  afterAll(async () => {
    await server?.close()
    await removeDir(root)
  })

  const remote = async () => {
    const name = `p${++count}.git`
    const path = join(root, name)
    git(root, ['init', '--quiet', '--bare', '--initial-branch=main', name])
    git(path, ['config', 'http.receivepack', 'true'])
    const make = () =>
      new RemoteRegistryBackend({
        url: `${server.url}/${name}`,
        cacheDir: join(root, 'caches', `c${++count}`),
        token: TOKEN,
        author: TEST_IDENTITY
      })
    await make().init(POLICY)
    return { path, make }
  }

  proposeContract(async () => {
    const { path, make } = await remote()
    return { backend: make(), where: path }
  })

  test('another cache reads a proposal it never built: fetched by branch, or by id with the branch as a hint', async () => {
    const { make } = await remote()
    const proposed = await make().propose(register('1.0.0'), PROPOSAL)
    const byId = make()
    expect(await byId.fetchCommit(proposed.commit, [PROPOSAL])).toBe(proposed.commit)
    expect(await (await byId.snapshotAt(proposed.commit)).readVersion('fraud', '1.0.0')).toEqual(
      modelVersion('fraud', '1.0.0')
    )
    const byName = make()
    expect(await byName.fetchCommit(PROPOSAL)).toBe(proposed.commit)
    // Without a hint, a commit only on another branch cannot be found from the registry branch.
    const missing = await caught(make().fetchCommit(proposed.commit))
    expect(missing.kind).toBe('not-found')
  })

  test('a proposal pushed over a newer one of another run simply replaces it', async () => {
    const { path, make } = await remote()
    const one = make()
    const two = make()
    await one.propose(register('1.0.0'), PROPOSAL)
    const second = await two.propose(register('1.0.0'), PROPOSAL)
    expect(git(path, ['rev-parse', PROPOSAL])).toBe(second.commit)
    const third = await one.propose(register('1.0.0'), PROPOSAL)
    expect(git(path, ['rev-parse', PROPOSAL])).toBe(third.commit)
  })
})
