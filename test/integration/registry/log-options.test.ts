/** log's limit and sinceCreation: a version's history costs its own age, not the branch's. */
import { afterEach, expect, test } from '@jest/globals'
import { LocalRegistryBackend } from '../../../src/registry/local-backend.js'
import { createRepo, removeDir, TEST_IDENTITY, type TestRepo } from '../../support/git-repo.js'
import { POLICY } from './fixtures.js'

const repos: TestRepo[] = []
afterEach(async () => {
  await Promise.all(repos.splice(0).map(r => removeDir(r.dir)))
})

async function backendWithHistory(): Promise<LocalRegistryBackend> {
  const r = await createRepo({ commit: true })
  repos.push(r)
  let clock = Date.parse('2026-03-01T00:00:00Z')
  const b = new LocalRegistryBackend({
    dir: r.dir,
    gitdir: r.gitdir,
    author: TEST_IDENTITY,
    now: () => new Date((clock += 60_000))
  })
  await b.init(POLICY)
  const write = (subject: string, path: string, content: unknown) =>
    b.update(async () => ({ change: { subject, files: [{ path, content }] }, result: null }))
  await write('old a', 'models/x/a.json', { n: 1 })
  await write('old a deleted', 'models/x/a.json', null)
  await write('b', 'models/x/b.json', { n: 1 })
  await write('a again', 'models/x/a.json', { n: 2 })
  await write('a edited', 'models/x/a.json', { n: 3 })
  await write('b edited', 'models/x/b.json', { n: 2 })
  return b
}

test('sinceCreation stops at the commit that created this incarnation of the path', async () => {
  const b = await backendWithHistory()
  expect((await b.log({ path: 'models/x/a.json' })).map(e => e.subject)).toEqual([
    'a edited',
    'a again',
    'old a deleted',
    'old a'
  ])
  expect((await b.log({ path: 'models/x/a.json', sinceCreation: true })).map(e => e.subject)).toEqual([
    'a edited',
    'a again'
  ])
  expect((await b.log({ path: 'models/x/b.json', sinceCreation: true })).map(e => e.subject)).toEqual([
    'b edited',
    'b'
  ])
})

test('limit keeps the newest entries; with until it answers "the branch at time T"', async () => {
  const b = await backendWithHistory()
  expect((await b.log({ limit: 2 })).map(e => e.subject)).toEqual(['b edited', 'a edited'])
  const atT = await b.log({ until: new Date('2026-03-01T00:04:30Z'), limit: 1 })
  expect(atT.map(e => e.subject)).toEqual(['b'])
})
