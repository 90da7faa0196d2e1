import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { chmod, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { RemoteRegistryBackend, type RemoteBackendOptions } from '../../../src/registry/remote-backend.js'
import { git, makeTempDir, removeDir, TEST_IDENTITY } from '../../support/git-repo.js'
import { startGitHttpServer, type GitHttpServer } from '../../support/git-http-server.js'
import { change, POLICY } from './fixtures.js'
import { caught } from '../../support/registry-error.js'

const TOKEN = 'ghs_SeCrEtToKeN0123456789'
const BRANCH = 'model-registry'

let root: string
let server: GitHttpServer
let repoCount = 0

beforeAll(async () => {
  root = await makeTempDir('mreg-remote-')
  server = await startGitHttpServer({ projectRoot: root, token: TOKEN })
})

afterAll(async () => {
  await server?.close()
  await removeDir(root)
})

/** A new bare repository on the server; returns its URL and path. */
function remoteRepo(): { url: string; path: string } {
  const name = `r${++repoCount}.git`
  const path = join(root, name)
  git(root, ['init', '--quiet', '--bare', '--initial-branch=main', name])
  git(path, ['config', 'http.receivepack', 'true'])
  return { url: `${server.url}/${name}`, path }
}

let cacheCount = 0
function backend(url: string, extra: Partial<RemoteBackendOptions> = {}): RemoteRegistryBackend {
  return new RemoteRegistryBackend({
    url,
    cacheDir: join(root, 'caches', `c${++cacheCount}`),
    token: TOKEN,
    author: TEST_IDENTITY,
    ...extra
  })
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter(e => e.isFile()).map(e => join(e.parentPath, e.name))
}

describe('RemoteRegistryBackend', () => {
  test('init creates the branch on the server, once', async () => {
    const remote = remoteRepo()
    const first = await backend(remote.url).init(POLICY)
    expect(first.created).toBe(true)
    expect(git(remote.path, ['rev-parse', BRANCH])).toBe(first.commit)
    expect(JSON.parse(git(remote.path, ['show', `${BRANCH}:registry.json`]))).toEqual(POLICY)
    expect(git(remote.path, ['symbolic-ref', 'HEAD'])).toBe('refs/heads/main')
    expect(await backend(remote.url).init(POLICY)).toEqual({ created: false, commit: first.commit })
    git(remote.path, ['fsck', '--full', '--strict', '--no-dangling'])
  })

  test('not-initialised when the branch is absent', async () => {
    const remote = remoteRepo()
    const error = await caught(backend(remote.url).snapshot())
    expect(error.kind).toBe('not-initialised')
    expect(error.message).toContain(remote.url)
  })

  test('updates land on the server and other caches read them', async () => {
    const remote = remoteRepo()
    const writer = backend(remote.url)
    await writer.init(POLICY)
    const outcome = await writer.update(
      change([{ path: 'models/a/1.0.0.json', content: { v: 1 } }], 'register a 1.0.0', {
        trailers: { 'Model-Id': 'a_20260101_120000' }
      })
    )
    expect(outcome).toMatchObject({ changed: true, attempts: 1 })
    expect(git(remote.path, ['rev-parse', BRANCH])).toBe(outcome.commit)
    expect(git(remote.path, ['log', '-1', '--format=%B', BRANCH])).toBe(
      'register a 1.0.0\n\nModel-Id: a_20260101_120000\n'
    )
    const reader = backend(remote.url)
    expect(await reader.readJsonAt(outcome.commit, 'models/a/1.0.0.json')).toEqual({ v: 1 })
    expect((await reader.snapshot()).commit).toBe(outcome.commit)

    // The writer's cache catches up with changes pushed by others.
    await reader.update(change([{ path: 'models/a/1.0.0.json', content: { v: 2 } }], 'promote a 1.0.0'))
    expect((await writer.update(change([{ path: 'models/b/1.0.0.json', content: { v: 1 } }]))).attempts).toBe(
      1
    )
    expect(git(remote.path, ['log', '--format=%s', BRANCH]).split('\n')).toEqual([
      'test change',
      'promote a 1.0.0',
      'register a 1.0.0',
      'init model registry'
    ])
    git(remote.path, ['fsck', '--full', '--strict', '--no-dangling'])
  })

  test('concurrent writers with separate caches all land (non-fast-forward retry)', async () => {
    const remote = remoteRepo()
    await backend(remote.url).init(POLICY)
    const writers = [backend(remote.url), backend(remote.url), backend(remote.url)]
    const UPDATES = 4
    const outcomes = await Promise.all(
      writers.map(async (w, k) => {
        const attempts: number[] = []
        for (let i = 0; i < UPDATES; i++) {
          const outcome = await w.update(async snap => {
            const counter = (await w.readJsonAt(snap.commit as string, 'counter.json')) as {
              n: number
            } | null
            return {
              change: {
                subject: `writer ${k} update ${i}`,
                files: [
                  { path: `appends/${k}-${i}.json`, content: { k, i } },
                  { path: 'counter.json', content: { n: (counter?.n ?? 0) + 1 } }
                ]
              },
              result: null
            }
          })
          attempts.push(outcome.attempts)
        }
        return attempts
      })
    )
    expect(git(remote.path, ['ls-tree', '--name-only', `${BRANCH}:appends`]).split('\n')).toHaveLength(
      writers.length * UPDATES
    )
    expect(JSON.parse(git(remote.path, ['show', `${BRANCH}:counter.json`]))).toEqual({
      n: writers.length * UPDATES
    })
    expect(git(remote.path, ['rev-list', '--merges', BRANCH])).toBe('')
    expect(git(remote.path, ['rev-list', '--count', BRANCH])).toBe(String(1 + writers.length * UPDATES))
    expect(outcomes.flat().some(a => a > 1)).toBe(true)
    git(remote.path, ['fsck', '--full', '--strict', '--no-dangling'])
  })

  test('a push that loses the race on the server is retried on the new tip', async () => {
    const remote = remoteRepo()
    const writer = backend(remote.url)
    await writer.init(POLICY)
    // Once, while our push is being received, another commit lands on the branch: the server's
    // own old-value check must reject ours, not overwrite the other.
    const marker = join(remote.path, 'sneaked')
    await writeFile(
      join(remote.path, 'hooks', 'pre-receive'),
      `#!/bin/sh
[ -e "${marker}" ] && exit 0
touch "${marker}"
unset GIT_QUARANTINE_PATH GIT_OBJECT_DIRECTORY GIT_ALTERNATE_OBJECT_DIRECTORIES
old=$(git rev-parse refs/heads/${BRANCH})
new=$(git commit-tree "$old^{tree}" -p "$old" -m "sneaked in during the push")
git update-ref refs/heads/${BRANCH} "$new" "$old"
`
    )
    await chmod(join(remote.path, 'hooks', 'pre-receive'), 0o755)
    const seen: string[] = []
    const outcome = await writer.update(async snap => {
      seen.push(snap.commit as string)
      return {
        change: { subject: 'mine', files: [{ path: 'mine.json', content: seen.length }] },
        result: null
      }
    })
    expect(outcome.attempts).toBe(2)
    expect(seen[0]).not.toBe(seen[1])
    expect(git(remote.path, ['log', '--format=%s', BRANCH]).split('\n')).toEqual([
      'mine',
      'sneaked in during the push',
      'init model registry'
    ])
    expect(git(remote.path, ['show', `${BRANCH}:mine.json`])).toBe('2')
  })

  test('a push a hook declines is refused at once, not retried', async () => {
    const remote = remoteRepo()
    const writer = backend(remote.url)
    await writer.init(POLICY)
    await writeFile(
      join(remote.path, 'hooks', 'pre-receive'),
      '#!/bin/sh\necho "branch is protected" >&2\nexit 1\n'
    )
    await chmod(join(remote.path, 'hooks', 'pre-receive'), 0o755)
    let runs = 0
    const error = await caught(
      writer.update(async () => {
        runs++
        return { change: { subject: 'blocked', files: [{ path: 'x.json', content: 1 }] }, result: null }
      })
    )
    expect(error.kind).toBe('refused')
    expect(error.message).toMatch(/refused the push to model-registry: pre-receive hook declined/)
    expect(runs).toBe(1)
  })

  test('a shallow cache fetches history for log, snapshotAt and readJsonAt', async () => {
    const remote = remoteRepo()
    const writer = backend(remote.url)
    await writer.init(POLICY)
    const first = await writer.update(change([{ path: 'models/a/1.0.0.json', content: { v: 1 } }], 'one'))
    await writer.update(change([{ path: 'models/b/1.0.0.json', content: { v: 1 } }], 'two'))
    await writer.update(change([{ path: 'models/a/1.0.0.json', content: { v: 2 } }], 'three'))

    const fresh = backend(remote.url)
    await fresh.snapshot()
    expect((await readFile(join(fresh.cacheDir, 'shallow'), 'utf8')).trim()).toMatch(/^[0-9a-f]{40}$/)
    expect((await fresh.log({ path: 'models/a/1.0.0.json' })).map(e => e.subject)).toEqual(['three', 'one'])
    expect((await fresh.log()).map(e => e.subject)).toEqual(['three', 'two', 'one', 'init model registry'])

    const other = backend(remote.url)
    expect(await other.readJsonAt(first.commit, 'models/a/1.0.0.json')).toEqual({ v: 1 })
    expect(await (await backend(remote.url).snapshotAt(first.commit)).modelNames()).toEqual(['a'])
    expect((await caught(backend(remote.url).snapshotAt('1'.repeat(40)))).kind).toBe('not-found')
  })

  test('the token never reaches the cache repository, and URL credentials never reach messages', async () => {
    const remote = remoteRepo()
    const b = backend(remote.url)
    await b.init(POLICY)
    await b.update(change([{ path: 'x.json', content: 1 }]))
    await b.log()
    for (const file of await filesUnder(b.cacheDir)) {
      expect((await readFile(file)).includes(TOKEN)).toBe(false)
    }
    expect(await readFile(join(b.cacheDir, 'config'), 'utf8')).not.toContain('127.0.0.1')

    const withCredentials = remote.url.replace('http://', `http://someone:${TOKEN}@`)
    const viaUrl = backend(withCredentials, { token: undefined })
    expect((await viaUrl.snapshot()).commit).toBe(git(remote.path, ['rev-parse', BRANCH]))
    expect(viaUrl.description).not.toContain(TOKEN)
    for (const file of await filesUnder(viaUrl.cacheDir)) {
      expect((await readFile(file)).includes(TOKEN)).toBe(false)
    }
  })

  test('a wrong or missing token is an unavailable error that does not show the token', async () => {
    const remote = remoteRepo()
    await backend(remote.url).init(POLICY)
    const wrong = 'ghs_WrongToken987654321'
    for (const b of [backend(remote.url, { token: wrong }), backend(remote.url, { token: undefined })]) {
      const error = await caught(b.snapshot())
      expect(error.kind).toBe('unavailable')
      expect(error.message).toMatch(/authentication failed \(HTTP 401\)/)
      expect(error.message).not.toContain(wrong)
      expect(error.message).not.toContain(TOKEN)
      expect(error.message).not.toContain('\n')
    }
    const viaUrl = backend(remote.url.replace('http://', `http://u:${wrong}@`), { token: undefined })
    const error = await caught(viaUrl.update(change([])))
    expect(error.message).not.toContain(wrong)
  })

  test('a server that is down is a one-line unavailable error', async () => {
    const down = await startGitHttpServer({ projectRoot: root })
    const url = `${down.url}/nothing.git`
    await down.close()
    const error = await caught(backend(url).snapshot())
    expect(error.kind).toBe('unavailable')
    expect(error.message).toBe(`cannot fetch from the registry at ${url}: connection refused`)
    expect((await caught(backend(url).init(POLICY))).kind).toBe('unavailable')
  })

  test('a missing repository is an unavailable error saying so', async () => {
    const error = await caught(backend(`${server.url}/absent.git`).snapshot())
    expect(error.kind).toBe('unavailable')
    expect(error.message).toContain('HTTP 404')
  })
})
