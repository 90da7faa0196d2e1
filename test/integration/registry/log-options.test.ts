/**
 * log's limit, sinceCreation and since: a version's history costs its own age, not the
 * branch's, and a walk can resume where an earlier one stopped.
 */
import { afterEach, expect, test } from '@jest/globals'
import { LocalRegistryBackend } from '../../../src/registry/local-backend.js'
import { createRepo, git, removeDir, TEST_IDENTITY, type TestRepo } from '../../support/git-repo.js'
import { POLICY } from './fixtures.js'

const repos: TestRepo[] = []
afterEach(async () => {
  await Promise.all(repos.splice(0).map(r => removeDir(r.dir)))
})

async function backendWithHistory(): Promise<LocalRegistryBackend> {
  return (await repoWithHistory()).b
}

async function repoWithHistory(): Promise<{ b: LocalRegistryBackend; r: TestRepo }> {
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
  return { b, r }
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

test('since: only the commits the tip reaches and that commit does not, merges and their sides too', async () => {
  const { b, r } = await repoWithHistory()
  const at = (subject: string) =>
    git(r.dir, ['log', '--format=%H', '--grep', `^${subject}$`, 'model-registry']).split('\n')[0] as string
  const subjects = async (since: string) => (await b.log({ since })).map(e => e.subject).sort()
  expect(await subjects(at('b'))).toEqual(['a again', 'a edited', 'b edited'])
  expect(await b.log({ since: at('b edited') })).toEqual([])

  // a side branch from 'a again' merged into the tip, as a merged pull request is
  const tip = at('b edited')
  const side = git(r.dir, ['commit-tree', `${at('a again')}^{tree}`, '-p', at('a again'), '-m', 'side'])
  const merge = git(r.dir, ['commit-tree', `${tip}^{tree}`, '-p', tip, '-p', side, '-m', 'merge'])
  git(r.dir, ['update-ref', 'refs/heads/model-registry', merge, tip])
  expect(await subjects(tip)).toEqual(['merge', 'side'])
  expect(await subjects(side)).toEqual(['a edited', 'b edited', 'merge'])
  const [mergeEntry] = await b.log({ limit: 1 })
  expect(mergeEntry?.parents).toEqual([tip, side])

  // a commit the tip does not descend from excludes only the history the two share
  git(r.dir, ['update-ref', 'refs/heads/model-registry', tip, merge])
  expect(await subjects(side)).toEqual(['a edited', 'b edited'])
})

test('a commit and its parent of the same second: the child comes first', async () => {
  const { b, r } = await repoWithHistory()
  const tip = git(r.dir, ['rev-parse', 'model-registry'])
  const sameSecond = { GIT_COMMITTER_DATE: '2026-03-02T00:00:00Z', GIT_AUTHOR_DATE: '2026-03-02T00:00:00Z' }
  const tree = `${tip}^{tree}`
  const base = git(r.dir, ['commit-tree', tree, '-p', tip, '-m', 'base'], { env: sameSecond })
  const side = git(r.dir, ['commit-tree', tree, '-p', base, '-m', 'side'], { env: sameSecond })
  const merge = git(r.dir, ['commit-tree', tree, '-p', base, '-p', side, '-m', 'merge'], { env: sameSecond })
  git(r.dir, ['update-ref', 'refs/heads/model-registry', merge, tip])
  expect((await b.log({ limit: 4 })).map(e => e.subject)).toEqual(['merge', 'side', 'base', 'b edited'])
})
