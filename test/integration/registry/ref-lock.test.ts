import { afterEach, describe, expect, test } from '@jest/globals'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { compareAndSwapRef, readRef } from '../../../src/registry/ref-lock.js'
import { createRepo, git, removeDir, type TestRepo } from '../../support/git-repo.js'

const REF = 'refs/heads/reg'
const repos: TestRepo[] = []

afterEach(async () => {
  await Promise.all(repos.splice(0).map(r => removeDir(r.dir)))
})

/** A repository with two unrelated commits to point the ref at. */
async function setup() {
  const r = await createRepo({ commit: true })
  repos.push(r)
  const one = git(r.dir, ['rev-parse', 'HEAD'])
  const two = git(r.dir, ['commit-tree', `${one}^{tree}`, '-p', one, '-m', 'two'])
  return { r, one, two }
}

describe('compareAndSwapRef', () => {
  test('creates, then moves a ref; the git CLI sees each value and a reflog entry', async () => {
    const { r, one, two } = await setup()
    const who = { name: 'Tester', email: 't@example.test', timestamp: 1767225600, offsetMinutes: 60 }
    expect(await compareAndSwapRef(r.gitdir, REF, null, one, { reflog: { who, message: 'create' } })).toEqual(
      {
        swapped: true,
        current: one
      }
    )
    expect(git(r.dir, ['rev-parse', 'reg'])).toBe(one)
    expect(
      await compareAndSwapRef(r.gitdir, REF, one, two, { reflog: { who, message: 'move' } })
    ).toMatchObject({
      swapped: true
    })
    expect(git(r.dir, ['rev-parse', 'reg'])).toBe(two)
    expect(git(r.dir, ['reflog', 'show', '--format=%gs', 'reg']).split('\n')).toEqual(['move', 'create'])
    expect(await readdir(join(r.gitdir, 'refs', 'heads'))).not.toContain('reg.lock')
  })

  test('a mismatching expected value fails and leaves the ref alone', async () => {
    const { r, one, two } = await setup()
    await compareAndSwapRef(r.gitdir, REF, null, one)
    expect(await compareAndSwapRef(r.gitdir, REF, two, two)).toEqual({
      swapped: false,
      reason: 'mismatch',
      current: one
    })
    expect(await compareAndSwapRef(r.gitdir, REF, null, two)).toEqual({
      swapped: false,
      reason: 'mismatch',
      current: one
    })
    expect(await compareAndSwapRef(r.gitdir, 'refs/heads/absent', one, two)).toEqual({
      swapped: false,
      reason: 'mismatch',
      current: null
    })
    expect(git(r.dir, ['rev-parse', 'reg'])).toBe(one)
    expect(await readdir(join(r.gitdir, 'refs', 'heads'))).toEqual(
      expect.not.arrayContaining(['reg.lock', 'absent.lock'])
    )
  })

  test('an existing lock file makes the swap fail without clobbering the lock or the ref', async () => {
    const { r, one, two } = await setup()
    await compareAndSwapRef(r.gitdir, REF, null, one)
    const lock = join(r.gitdir, REF + '.lock')
    await writeFile(lock, 'held by git\n')
    const result = await compareAndSwapRef(r.gitdir, REF, one, two)
    expect(result).toMatchObject({ swapped: false, reason: 'locked', lockPath: lock, stale: false })
    expect(await readFile(lock, 'utf8')).toBe('held by git\n')
    expect(git(r.dir, ['rev-parse', 'reg'])).toBe(one)
  })

  test('reads packed refs and updates a ref that is only packed', async () => {
    const { r, one, two } = await setup()
    git(r.dir, ['update-ref', REF, one])
    git(r.dir, ['pack-refs', '--all'])
    expect(await readdir(join(r.gitdir, 'refs', 'heads'))).not.toContain('reg')
    expect(await readRef(r.gitdir, REF)).toBe(one)
    expect(await compareAndSwapRef(r.gitdir, REF, null, two)).toMatchObject({
      swapped: false,
      reason: 'mismatch'
    })
    expect(await compareAndSwapRef(r.gitdir, REF, one, two)).toMatchObject({ swapped: true })
    expect(git(r.dir, ['rev-parse', 'reg'])).toBe(two)
    expect(await readRef(r.gitdir, 'refs/heads/nothing')).toBeNull()
  })

  test('git update-ref with an old value respects our result, and we respect its', async () => {
    const { r, one, two } = await setup()
    await compareAndSwapRef(r.gitdir, REF, null, one)
    expect(() => git(r.dir, ['update-ref', REF, two, two])).toThrow()
    git(r.dir, ['update-ref', REF, two, one])
    expect(await compareAndSwapRef(r.gitdir, REF, one, one)).toMatchObject({ swapped: false, current: two })
  })

  test('refuses malformed input', async () => {
    const { r, one } = await setup()
    await expect(compareAndSwapRef(r.gitdir, REF, null, 'abc')).rejects.toThrow(/not an object id/)
    await expect(compareAndSwapRef(r.gitdir, 'refs/heads/../x', null, one)).rejects.toThrow(/not a valid ref/)
  })
})
