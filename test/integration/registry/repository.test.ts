import { afterEach, describe, expect, test } from '@jest/globals'
import { mkdir, realpath } from 'node:fs/promises'
import { join } from 'node:path'
import { RegistryError } from '../../../src/domain/errors.js'
import { findRepository, openOrCreateRepository } from '../../../src/registry/repository.js'
import { createRepo, git, makeTempDir, removeDir } from '../../support/git-repo.js'

const dirs: string[] = []
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(removeDir))
})

async function repo(options: { bare?: boolean; commit?: boolean } = {}) {
  const r = await createRepo(options)
  dirs.push(r.dir)
  return r
}

describe('findRepository', () => {
  test('walks up from a subdirectory', async () => {
    const r = await repo({ commit: true })
    const deep = join(r.dir, 'a', 'b')
    await mkdir(deep, { recursive: true })
    expect(await findRepository(deep)).toEqual({ dir: r.dir, gitdir: r.gitdir })
  })

  test('finds a bare repository', async () => {
    const r = await repo({ bare: true })
    expect(await findRepository(r.dir)).toEqual({ dir: r.dir, gitdir: r.dir })
  })

  test('follows a .git file to a linked worktree’s common directory', async () => {
    const r = await repo({ commit: true })
    const wt = await makeTempDir()
    dirs.push(wt)
    const tree = join(wt, 'tree')
    git(r.dir, ['worktree', 'add', '--quiet', '-b', 'feature', tree])
    const found = await findRepository(tree)
    expect(found.dir).toBe(tree)
    expect(await realpath(found.gitdir)).toBe(await realpath(r.gitdir))
  })

  test('reports when there is no repository', async () => {
    const dir = await makeTempDir()
    dirs.push(dir)
    const error = await findRepository(dir).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RegistryError)
    expect((error as RegistryError).kind).toBe('not-found')
    expect((error as RegistryError).message).toContain(dir)
  })
})

describe('openOrCreateRepository', () => {
  test('creates a repository that git accepts, with main as the default branch', async () => {
    const parent = await makeTempDir()
    dirs.push(parent)
    const dir = join(parent, 'new')
    const made = await openOrCreateRepository(dir)
    expect(made).toEqual({ dir, gitdir: join(dir, '.git'), created: true })
    expect(git(dir, ['symbolic-ref', 'HEAD'])).toBe('refs/heads/main')
    expect(git(dir, ['rev-parse', '--is-inside-work-tree'])).toBe('true')
  })

  test('uses an existing repository as it is', async () => {
    const r = await repo({ commit: true })
    const head = git(r.dir, ['rev-parse', 'HEAD'])
    expect(await openOrCreateRepository(r.dir)).toEqual({ dir: r.dir, gitdir: r.gitdir, created: false })
    expect(git(r.dir, ['rev-parse', 'HEAD'])).toBe(head)
  })
})
