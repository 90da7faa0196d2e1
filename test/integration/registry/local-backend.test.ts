import { versionFilePath } from '../../../src/domain/layout.js'
import { afterEach, describe, expect, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import { readFile, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { RegistrySnapshot } from '../../../src/registry/backend.js'
import { LocalRegistryBackend } from '../../../src/registry/local-backend.js'
import { createRepo, git, removeDir, TEST_IDENTITY, type TestRepo } from '../../support/git-repo.js'
import { change, localBackend as backend, modelVersion, POLICY } from './fixtures.js'
import { caught } from '../../support/registry-error.js'

const BRANCH = 'model-registry'
const repos: TestRepo[] = []

afterEach(async () => {
  await Promise.all(repos.splice(0).map(r => removeDir(r.dir)))
})

async function repo(options: { bare?: boolean; commit?: boolean } = {}): Promise<TestRepo> {
  const r = await createRepo(options)
  repos.push(r)
  return r
}

async function initialised(options: { bare?: boolean } = {}) {
  const r = await repo({ commit: !options.bare, ...options })
  const b = backend(r)
  await b.init(POLICY)
  return { r, b }
}

const show = (r: TestRepo, path: string) => JSON.parse(git(r.dir, ['show', `${BRANCH}:${path}`])) as unknown
const tip = (r: TestRepo) => git(r.dir, ['rev-parse', BRANCH])

describe('init', () => {
  test('creates the branch without touching the working tree, index or HEAD', async () => {
    const r = await repo({ commit: true })
    await writeFile(join(r.dir, 'tracked.txt'), 'one\n')
    git(r.dir, ['add', 'tracked.txt'])
    git(r.dir, ['commit', '--quiet', '-m', 'add tracked'])
    await writeFile(join(r.dir, 'tracked.txt'), 'modified, not staged\n')
    await writeFile(join(r.dir, 'staged.txt'), 'staged\n')
    git(r.dir, ['add', 'staged.txt'])
    await writeFile(join(r.dir, 'untracked.txt'), 'untracked\n')

    const hash = async (p: string) =>
      createHash('sha256')
        .update(await readFile(p))
        .digest('hex')
    const before = {
      status: git(r.dir, ['status', '--porcelain']),
      head: git(r.dir, ['rev-parse', 'HEAD']),
      headRef: await readFile(join(r.gitdir, 'HEAD'), 'utf8'),
      index: await hash(join(r.gitdir, 'index')),
      tracked: await readFile(join(r.dir, 'tracked.txt'), 'utf8')
    }

    const outcome = await backend(r).init(POLICY)

    expect(outcome.created).toBe(true)
    expect(tip(r)).toBe(outcome.commit)
    expect({
      status: git(r.dir, ['status', '--porcelain']),
      head: git(r.dir, ['rev-parse', 'HEAD']),
      headRef: await readFile(join(r.gitdir, 'HEAD'), 'utf8'),
      index: await hash(join(r.gitdir, 'index')),
      tracked: await readFile(join(r.dir, 'tracked.txt'), 'utf8')
    }).toEqual(before)
    expect(before.status).toContain('untracked.txt') // the comparison above compared something real
    expect(show(r, 'registry.json')).toEqual(POLICY)
    expect(git(r.dir, ['show', `${BRANCH}:registry.json`])).toBe(JSON.stringify(POLICY, null, 2))
    expect(git(r.dir, ['log', '--format=%s', BRANCH])).toBe('init model registry')
    expect(git(r.dir, ['rev-list', '--parents', '-n1', BRANCH]).split(' ')).toHaveLength(1) // orphan
    expect(git(r.dir, ['log', '-1', '--format=%an <%ae>', BRANCH])).toBe(
      `${TEST_IDENTITY.name} <${TEST_IDENTITY.email}>`
    )
    git(r.dir, ['fsck', '--full', '--strict', '--no-dangling'])
  })

  test('is idempotent', async () => {
    const r = await repo({ commit: true })
    const first = await backend(r).init(POLICY)
    const second = await backend(r).init({ ...POLICY, initial_stage: 'staging' })
    expect(second).toEqual({ created: false, commit: first.commit })
    expect(git(r.dir, ['rev-list', '--count', BRANCH])).toBe('1')
  })

  test('works in a bare repository and in one without any commit', async () => {
    for (const r of [await repo({ bare: true }), await repo()]) {
      const outcome = await backend(r).init(POLICY)
      expect(outcome.created).toBe(true)
      expect(git(r.dir, ['rev-parse', BRANCH])).toBe(outcome.commit)
      expect(git(r.dir, ['symbolic-ref', 'HEAD'])).toBe('refs/heads/main')
    }
  })

  test('refuses an invalid policy and writes nothing', async () => {
    const r = await repo({ commit: true })
    const error = await caught(
      backend(r).init({ ...POLICY, retention: { ...POLICY.retention, keep_last: 0 } })
    )
    expect(error.kind).toBe('invalid-input')
    expect(error.message).toMatch(/^registry\.json: \$\.retention\.keep_last/)
    expect(() => git(r.dir, ['rev-parse', '--verify', '--quiet', BRANCH])).toThrow()
  })

  test('honours another branch name and the author from the repository config', async () => {
    const r = await repo({ commit: true })
    git(r.dir, ['config', 'user.name', 'Config Person'])
    git(r.dir, ['config', 'user.email', 'config@example.test'])
    const saved = { name: process.env.GIT_AUTHOR_NAME, email: process.env.GIT_AUTHOR_EMAIL }
    delete process.env.GIT_AUTHOR_NAME
    delete process.env.GIT_AUTHOR_EMAIL
    try {
      await new LocalRegistryBackend({ dir: r.dir, gitdir: r.gitdir, branch: 'registry/v1' }).init(POLICY)
    } finally {
      if (saved.name !== undefined) process.env.GIT_AUTHOR_NAME = saved.name
      if (saved.email !== undefined) process.env.GIT_AUTHOR_EMAIL = saved.email
    }
    expect(git(r.dir, ['log', '-1', '--format=%an <%ae>', 'registry/v1'])).toBe(
      'Config Person <config@example.test>'
    )
  })

  test('rejects a bad branch name', () => {
    expect(() => new LocalRegistryBackend({ dir: '/tmp', gitdir: '/tmp/.git', branch: 'a..b' })).toThrow(
      /not a valid branch name/
    )
  })
})

describe('snapshot', () => {
  test('fails with not-initialised naming the branch and the directory', async () => {
    const r = await repo({ commit: true })
    const error = await caught(backend(r).snapshot())
    expect(error.kind).toBe('not-initialised')
    expect(error.message).toBe(`no registry branch "model-registry" in ${r.dir}; the init command creates it`)
    expect((await caught(backend(r).update(change([])))).kind).toBe('not-initialised')
  })

  test('reads policy, models, indexes and versions', async () => {
    const { b } = await initialised()
    const v1 = modelVersion('alpha', '1.0.0')
    const v2 = modelVersion('alpha', '1.1.0')
    await b.update(
      change([
        { path: versionFilePath('alpha', '1.0.0'), content: v1 },
        { path: versionFilePath('alpha', '1.1.0'), content: v2 },
        { path: versionFilePath('beta', '0.1.0'), content: modelVersion('beta', '0.1.0') }
      ])
    )
    const snap = await b.snapshot()
    expect(snap.policy).toEqual(POLICY)
    expect(await snap.modelNames()).toEqual(['alpha', 'beta'])
    expect(await snap.versionFileNames('alpha')).toEqual(['1.0.0', '1.1.0'])
    expect(await snap.readVersion('alpha', '1.1.0')).toEqual(v2)
    expect(await snap.readVersion('alpha', '9.9.9')).toBeNull()
    // Layout 2: the whole model is read from its version files.
    expect((await snap.readIndex('alpha'))?.versions).toHaveLength(2)
    expect((await snap.readIndex('beta'))?.versions).toEqual([modelVersion('beta', '0.1.0')])
    expect(await snap.readIndex('gamma')).toBeNull()
    expect(await snap.versionFileNames('gamma')).toEqual([])
    expect((await caught(snap.readIndex('../alpha'))).kind).toBe('invalid-input')
  })

  test('a corrupt registry.json, head.json or version file is an integrity error naming the file', async () => {
    const { b } = await initialised()
    await b.update(
      change([{ path: 'models/alpha/head.json', content: { schema_version: 2, name: 'alpha' } }])
    )
    const bad = await caught((await b.snapshot()).readHead('alpha'))
    expect(bad.kind).toBe('integrity')
    expect(bad.message).toMatch(/^models\/alpha\/head\.json: \$\.\w+ is required$/)

    await b.update(
      change([
        {
          path: versionFilePath('alpha', '1.0.0'),
          content: { ...modelVersion('alpha', '1.0.0'), checksum: 'x' }
        }
      ])
    )
    const badVersion = await caught((await b.snapshot()).readVersion('alpha', '1.0.0'))
    expect(badVersion).toMatchObject({
      kind: 'integrity',
      message: expect.stringMatching(
        /^models\/alpha\/versions\/[0-9a-f]\/[0-9a-f]\/[0-9a-f]\/1\.0\.0\.json: \$\.checksum/
      )
    })

    await b.update(change([{ path: 'registry.json', content: { schema_version: 1 } }]))
    const badPolicy = await caught(b.snapshot().then(snap => snap.policy))
    expect(badPolicy.kind).toBe('integrity')
    expect(badPolicy.message).toMatch(/^registry\.json: /)
  })

  test('a registry.json that is not JSON, written by the git CLI, is an integrity error', async () => {
    const { r, b } = await initialised()
    const blob = git(r.dir, ['hash-object', '-w', '--stdin'], { input: '{ not json' })
    const tree = git(r.dir, ['mktree'], { input: `100644 blob ${blob}\tregistry.json\n` })
    const commit = git(r.dir, ['commit-tree', tree, '-p', tip(r), '-m', 'break it'])
    git(r.dir, ['update-ref', `refs/heads/${BRANCH}`, commit])
    const error = await caught(b.snapshot().then(snap => snap.policy))
    expect(error.kind).toBe('integrity')
    expect(error.message).toMatch(/^registry\.json: not valid JSON/)
    expect((await caught(b.update(async snap => ({ change: null, result: snap.policy })))).kind).toBe(
      'integrity'
    )

    // The snapshot still opens, so a repair can be committed.
    await b.update(change([{ path: 'registry.json', content: POLICY }], 'repair registry.json'))
    expect((await b.snapshot()).policy).toEqual(POLICY)
  })
})

describe('update', () => {
  test('writes the files and a commit message with trailers', async () => {
    const { r, b } = await initialised()
    const v = modelVersion('theft-detector', '1.1.0')
    const outcome = await b.update(async snap => ({
      change: {
        subject: 'register theft-detector 1.1.0 (development)',
        body: 'First line of the body.\n\nSecond paragraph.',
        trailers: { 'Model-Id': v.model_id, Sha256: v.checksum, 'Workflow-Run': 'local' },
        files: [{ path: 'models/theft-detector/1.1.0.json', content: v }]
      },
      result: snap.commit
    }))
    expect(outcome).toMatchObject({ changed: true, attempts: 1 })
    expect(outcome.commit).toBe(tip(r))
    expect(git(r.dir, ['rev-parse', `${outcome.commit}^`])).toBe(outcome.result)
    expect(show(r, 'models/theft-detector/1.1.0.json')).toEqual(v)
    expect(git(r.dir, ['log', '-1', '--format=%B', BRANCH])).toBe(
      [
        'register theft-detector 1.1.0 (development)',
        '',
        'First line of the body.',
        '',
        'Second paragraph.',
        '',
        `Model-Id: ${v.model_id}`,
        `Sha256: ${v.checksum}`,
        'Workflow-Run: local',
        ''
      ].join('\n')
    )
    expect(git(r.dir, ['log', '-1', '--format=%(trailers:key=Model-Id,valueonly)', BRANCH]).trim()).toBe(
      v.model_id
    )
    expect(git(r.dir, ['reflog', 'show', '-n1', '--format=%gs', BRANCH])).toBe(
      'mreg: register theft-detector 1.1.0 (development)'
    )
    git(r.dir, ['fsck', '--full', '--strict', '--no-dangling'])
  })

  test('nested directories, deletions, and emptied directories disappearing', async () => {
    const { r, b } = await initialised()
    await b.update(
      change([
        { path: 'a/b/c/deep.json', content: { deep: true } },
        { path: 'a/b/sibling.json', content: [1, 2] },
        { path: 'a/top.json', content: 'text' },
        // git sorts a directory as if named "a/", after "a.json": fsck --strict checks the order.
        { path: 'a.json', content: {} }
      ])
    )
    expect(git(r.dir, ['ls-tree', '-r', '--name-only', BRANCH]).split('\n')).toEqual([
      'a.json',
      'a/b/c/deep.json',
      'a/b/sibling.json',
      'a/top.json',
      'catalog.json',
      'registry.json'
    ])
    git(r.dir, ['fsck', '--full', '--strict', '--no-dangling'])
    expect(git(r.dir, ['show', `${BRANCH}:a/top.json`])).toBe('"text"')
    await b.update(
      change([
        { path: 'a/b/c/deep.json', content: null },
        { path: 'missing/x.json', content: null }
      ])
    )
    expect(git(r.dir, ['ls-tree', '-r', '-t', '--name-only', BRANCH]).split('\n')).toEqual([
      'a.json',
      'a',
      'a/b',
      'a/b/sibling.json',
      'a/top.json',
      'catalog.json',
      'registry.json'
    ])
    await b.update(
      change([
        { path: 'a/b/sibling.json', content: null },
        { path: 'a/top.json', content: null },
        { path: 'a.json', content: null }
      ])
    )
    expect(git(r.dir, ['ls-tree', '-r', '-t', '--name-only', BRANCH])).toBe('catalog.json\nregistry.json')
    git(r.dir, ['fsck', '--full', '--strict', '--no-dangling'])
  })

  test('files from a FileSource are made anew for each pass and written as an array of them is', async () => {
    const { r, b } = await initialised()
    await b.update(change([{ path: 'models/x/old.json', content: { old: true } }]))
    let passes = 0
    // a generator per call, as migrate's source is: a pass never sees another pass's leftovers
    function* files() {
      passes++
      yield { path: 'models/x/old.json', content: null }
      for (let i = 0; i < 3; i++) yield { path: `models/x/v/${i}.json`, content: { i } }
    }
    await b.update(change(files))
    expect(passes).toBeGreaterThanOrEqual(2)
    expect(git(r.dir, ['ls-tree', '-r', '--name-only', BRANCH, 'models/']).split('\n')).toEqual([
      'models/x/v/0.json',
      'models/x/v/1.json',
      'models/x/v/2.json'
    ])
    expect(show(r, 'models/x/v/2.json')).toEqual({ i: 2 })
    git(r.dir, ['fsck', '--full', '--strict', '--no-dangling'])
  })

  test('a builder that throws or returns null writes nothing; a change that changes nothing is not committed', async () => {
    const { r, b } = await initialised()
    const before = tip(r)
    const boom = new Error('builder failed')
    await expect(
      b.update(async () => {
        throw boom
      })
    ).rejects.toBe(boom)
    const unchanged = await b.update(async () => ({ change: null, result: 42 }))
    expect(unchanged).toEqual({ commit: before, changed: false, result: 42, attempts: 1 })
    const same = await b.update(
      change([
        { path: 'registry.json', content: POLICY },
        { path: 'gone.json', content: null }
      ])
    )
    expect(same).toMatchObject({ commit: before, changed: false })
    expect(tip(r)).toBe(before)
    expect(git(r.dir, ['rev-list', '--count', BRANCH])).toBe('1')
  })

  test('refuses paths that collide with files or directories, or leave the tree', async () => {
    const { r, b } = await initialised()
    await b.update(change([{ path: 'dir/file.json', content: 1 }]))
    const before = tip(r)
    for (const path of ['dir', 'dir/file.json/x.json', '../x.json', 'a//b.json', '/abs.json']) {
      const error = await caught(b.update(change([{ path, content: 1 }])))
      expect(error.kind).toBe('invalid-input')
    }
    expect(tip(r)).toBe(before)
  })

  test('retries on a stale tip, re-running the builder on the new one', async () => {
    const { r, b } = await initialised()
    const other = backend(r)
    const seen: string[] = []
    const outcome = await b.update(async snap => {
      seen.push(snap.commit as string)
      if (seen.length === 1) await other.update(change([{ path: 'other.json', content: 1 }], 'sneaked in'))
      return {
        change: { subject: 'mine', files: [{ path: `mine-${seen.length}.json`, content: 1 }] },
        result: seen.length
      }
    })
    expect(outcome).toMatchObject({ changed: true, attempts: 2, result: 2 })
    expect(seen[1]).not.toBe(seen[0])
    expect(git(r.dir, ['ls-tree', '--name-only', BRANCH]).split('\n')).toEqual([
      'catalog.json',
      'mine-2.json',
      'other.json',
      'registry.json'
    ])
    expect(git(r.dir, ['log', '--format=%s', BRANCH]).split('\n')).toEqual([
      'mine',
      'sneaked in',
      'init model registry'
    ])
  })

  test('gives up with a conflict after maxAttempts', async () => {
    const { r, b } = await initialised()
    const limited = backend(r, { maxAttempts: 3 })
    let runs = 0
    const error = await caught(
      limited.update(async () => {
        runs++
        await b.update(change([{ path: `bump-${runs}.json`, content: runs }]))
        return { change: { subject: 'never lands', files: [{ path: 'x.json', content: 1 }] }, result: null }
      })
    )
    expect(error.kind).toBe('conflict')
    expect(runs).toBe(3)
    expect(git(r.dir, ['log', '--format=%s', BRANCH])).not.toContain('never lands')
  })

  test('a lock held for a moment is waited for, without building the change again', async () => {
    const { r, b } = await initialised()
    const lock = join(r.gitdir, 'refs', 'heads', `${BRANCH}.lock`)
    await writeFile(lock, '')
    setTimeout(() => void unlink(lock), 300)
    let builds = 0
    await b.update(async () => {
      builds++
      return { change: { subject: 'lands', files: [{ path: 'x.json', content: 1 }] }, result: null }
    })
    expect(builds).toBe(1)
    expect(git(r.dir, ['log', '-1', '--format=%s', BRANCH])).toBe('lands')
  })

  test('a fresh lock that stays (a killed writer left it) is named within seconds, not retried 50 times', async () => {
    const { r, b } = await initialised()
    const before = tip(r)
    const lock = join(r.gitdir, 'refs', 'heads', `${BRANCH}.lock`)
    await writeFile(lock, '')
    let builds = 0
    const started = Date.now()
    const error = await caught(
      b.update(async () => {
        builds++
        return { change: { subject: 'never lands', files: [{ path: 'x.json', content: 1 }] }, result: null }
      })
    )
    expect(Date.now() - started).toBeLessThan(30_000)
    expect(builds).toBe(1)
    expect(error.kind).toBe('conflict')
    expect(error.message).toMatch(
      new RegExp(
        `^${lock.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} has existed for \\d+ s: .*delete that file and retry$`
      )
    )
    expect(error.message).not.toContain('\n')
    expect(await readFile(lock, 'utf8')).toBe('')
    expect(tip(r)).toBe(before)
  })

  test('a lock left for a long time is reported, not deleted', async () => {
    const { r, b } = await initialised()
    const { utimes } = await import('node:fs/promises')
    const lock = join(r.gitdir, 'refs', 'heads', `${BRANCH}.lock`)
    await writeFile(lock, '')
    const old = new Date(Date.now() - 11 * 60 * 1000)
    await utimes(lock, old, old)
    const error = await caught(b.update(change([{ path: 'x.json', content: 1 }])))
    expect(error.kind).toBe('conflict')
    expect(error.message).toContain(lock)
    expect(await readFile(lock, 'utf8')).toBe('')
  })
})

describe('history', () => {
  async function withHistory() {
    const { r, b } = await initialised()
    const times = ['2026-02-01T10:00:00Z', '2026-02-02T10:00:00Z', '2026-02-03T10:00:00Z']
    let i = 0
    const timed = backend(r, { now: () => new Date(times[i++] as string) })
    await timed.update(
      change([{ path: 'models/a/1.0.0.json', content: { v: 1 } }], 'register a 1.0.0', {
        trailers: { 'Model-Id': 'a_1' }
      })
    )
    await timed.update(change([{ path: 'models/b/1.0.0.json', content: { v: 1 } }], 'register b 1.0.0'))
    await timed.update(
      change([{ path: 'models/a/1.0.0.json', content: { v: 2 } }], 'promote a 1.0.0', { body: 'why' })
    )
    return { r, b }
  }

  test('log lists commits newest first, filtered by path and time', async () => {
    const { r, b } = await withHistory()
    const all = await b.log()
    expect(all.map(e => e.subject)).toEqual([
      'promote a 1.0.0',
      'register b 1.0.0',
      'register a 1.0.0',
      'init model registry'
    ])
    expect(all.map(e => e.commit)).toEqual(git(r.dir, ['rev-list', BRANCH]).split('\n'))

    const a = await b.log({ path: 'models/a/1.0.0.json' })
    expect(a.map(e => e.subject)).toEqual(['promote a 1.0.0', 'register a 1.0.0'])
    expect(a[0]).toMatchObject({
      body: 'why',
      trailers: {},
      author: { name: TEST_IDENTITY.name, timestamp: '2026-02-03T10:00:00.000Z' }
    })
    expect(a[1]?.trailers).toEqual({ 'Model-Id': 'a_1' })
    expect((await b.log({ path: 'models' })).map(e => e.subject)).toHaveLength(3)

    const until = await b.log({ path: 'models/a/1.0.0.json', until: new Date('2026-02-02T23:00:00Z') })
    expect(until.map(e => e.subject)).toEqual(['register a 1.0.0'])
    expect(await b.log({ path: 'models/none.json' })).toEqual([])
  })

  test('snapshotAt and readJsonAt read the past', async () => {
    const { r, b } = await withHistory()
    const [, , registerA] = await b.log()
    const past = await b.snapshotAt(registerA?.commit as string)
    expect(past.commit).toBe(registerA?.commit)
    expect(await b.readJsonAt(registerA?.commit as string, 'models/a/1.0.0.json')).toEqual({ v: 1 })
    expect(await b.readJsonAt(tip(r), 'models/a/1.0.0.json')).toEqual({ v: 2 })
    expect(await b.readJsonAt(tip(r).slice(0, 10), 'models/b/1.0.0.json')).toEqual({ v: 1 })
    expect(await b.readJsonAt(registerA?.commit as string, 'models/b/1.0.0.json')).toBeNull()
    expect((await caught(b.snapshotAt('0'.repeat(40)))).kind).toBe('not-found')
    expect((await caught(b.snapshotAt('not a commit'))).kind).toBe('invalid-input')
    const treeId = git(r.dir, ['rev-parse', `${BRANCH}^{tree}`])
    expect((await caught(b.snapshotAt(treeId))).kind).toBe('invalid-input')
    expect(await (past as RegistrySnapshot).modelNames()).toEqual(['a'])
  })

  test('log follows merges made with the git CLI', async () => {
    const { r, b } = await withHistory()
    const base = tip(r)
    // A side branch (as a pull request would be) changes models/b; the merge brings it in.
    git(r.dir, ['branch', 'side', base])
    const side = new LocalRegistryBackend({
      dir: r.dir,
      gitdir: r.gitdir,
      branch: 'side',
      author: TEST_IDENTITY
    })
    await side.update(
      change([{ path: 'models/b/1.0.0.json', content: { v: 9 } }], 'promote b on a side branch')
    )
    await b.update(change([{ path: 'models/a/1.0.0.json', content: { v: 3 } }], 'main line change'))
    git(r.dir, ['read-tree', `--index-output=${join(r.gitdir, 'merge-index')}`, '-m', base, BRANCH, 'side'])
    const mergedTree = git(r.dir, ['write-tree'], { env: { GIT_INDEX_FILE: join(r.gitdir, 'merge-index') } })
    const merge = git(r.dir, [
      'commit-tree',
      mergedTree,
      '-p',
      BRANCH,
      '-p',
      'side',
      '-m',
      'Merge pull request #7'
    ])
    git(r.dir, ['update-ref', `refs/heads/${BRANCH}`, merge])

    const bLog = await b.log({ path: 'models/b/1.0.0.json' })
    expect(bLog.map(e => e.subject)).toEqual(['promote b on a side branch', 'register b 1.0.0'])
    expect((await b.log()).map(e => e.subject)).toContain('Merge pull request #7')
    expect(await b.readJsonAt(merge, 'models/b/1.0.0.json')).toEqual({ v: 9 })
  })
})
