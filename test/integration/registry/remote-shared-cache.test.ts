/**
 * Several writers sharing one cache directory (as `mreg --github` commands started from
 * different shells share ~/.cache/mreg): the cache lock serialises fetches and pushes, every
 * update lands, and the cache stays usable. A lock left by a process that died is taken over.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { RemoteRegistryBackend } from '../../../src/registry/remote-backend.js'
import { git, makeTempDir, removeDir, TEST_IDENTITY } from '../../support/git-repo.js'
import { startGitHttpServer, type GitHttpServer } from '../../support/git-http-server.js'
import { POLICY } from './fixtures.js'

const BRANCH = 'model-registry'
let root: string
let server: GitHttpServer

beforeAll(async () => {
  root = await makeTempDir('mreg-shared-cache-')
  server = await startGitHttpServer({ projectRoot: root })
  git(root, ['init', '--quiet', '--bare', '--initial-branch=main', 'r.git'])
  git(join(root, 'r.git'), ['config', 'http.receivepack', 'true'])
})

afterAll(async () => {
  await server?.close()
  await removeDir(root)
})

const backend = (cacheDir: string) =>
  new RemoteRegistryBackend({ url: `${server.url}/r.git`, cacheDir, author: TEST_IDENTITY })

test('writers sharing one cache all land, and a dead owner’s lock is taken over', async () => {
  const cache = join(root, 'shared-cache')
  await backend(cache).init(POLICY)
  const writers = [backend(cache), backend(cache), backend(cache)]
  await Promise.all(
    writers.map(async (writer, k) => {
      for (let i = 0; i < 3; i++) {
        await writer.update(async () => ({
          change: {
            subject: `writer ${k} update ${i}`,
            files: [{ path: `appends/${k}-${i}.json`, content: { k, i } }]
          },
          result: null
        }))
      }
    })
  )
  expect(git(join(root, 'r.git'), ['ls-tree', '--name-only', `${BRANCH}:appends`]).split('\n')).toHaveLength(
    9
  )
  git(join(root, 'r.git'), ['fsck', '--full'])

  // A lock whose owner is gone (no such pid) does not block the next command.
  await writeFile(join(cache, 'mreg-cache.lock'), '999999999\n')
  const snapshot = await backend(cache).snapshot()
  expect(snapshot.commit).toBe(git(join(root, 'r.git'), ['rev-parse', BRANCH]))
})

test('the cache lock lets one holder in at a time', async () => {
  const { withCacheLock } = await import('../../../src/registry/cache-lock.js')
  const dir = await makeTempDir('mreg-lock-')
  try {
    let active = 0
    let most = 0
    await Promise.all(
      Array.from({ length: 5 }, () =>
        withCacheLock(dir, async () => {
          active++
          most = Math.max(most, active)
          await new Promise(resolve => setTimeout(resolve, 20))
          active--
        })
      )
    )
    expect(most).toBe(1)
  } finally {
    await removeDir(dir)
  }
})
