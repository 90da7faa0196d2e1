/** git's config syntax and identity order, on real files in a temporary HOME. */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { configFiles, parseGitConfig, resolveCommitIdentity } from '../../../src/registry/git-identity.js'

describe('parseGitConfig', () => {
  test('sections, subsections, quotes, escapes, comments, continuations, same-line entries', () => {
    const text = [
      '# a comment',
      '[User]',
      '\tName = "Ada  Lovelace" ; inline comment',
      '  email=ada@example.com # another',
      '[remote "origin"]',
      '  url = https://example.com/a.git',
      '[core] bare',
      '[alias]',
      '  long = log \\',
      '    --oneline',
      '  quoted = "say \\"hi\\"\\tthere"'
    ].join('\n')
    expect(parseGitConfig(text)).toEqual([
      ['user.name', 'Ada  Lovelace'],
      ['user.email', 'ada@example.com'],
      ['remote.origin.url', 'https://example.com/a.git'],
      ['core.bare', 'true'],
      ['alias.long', 'log     --oneline'],
      ['alias.quoted', 'say "hi"\tthere']
    ])
  })
})

describe('resolveCommitIdentity', () => {
  let root: string
  let home: string
  let gitdir: string
  const env = (extra: Record<string, string> = {}) => ({ HOME: home, GIT_CONFIG_NOSYSTEM: '1', ...extra })

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'mreg-identity-'))
    home = join(root, 'home')
    gitdir = join(root, 'repo', '.git')
    await mkdir(home, { recursive: true })
    await mkdir(gitdir, { recursive: true })
    await writeFile(join(gitdir, 'config'), '[core]\n\tbare = false\n')
  })
  afterEach(async () => rm(root, { recursive: true, force: true }))

  test('nothing set anywhere: the fallback, every field named', async () => {
    const identity = await resolveCommitIdentity(gitdir, env())
    expect(identity.author).toEqual({ name: 'mreg', email: 'mreg@localhost' })
    expect(identity.fallback).toEqual(['author name', 'author email', 'committer name', 'committer email'])
  })

  test('~/.gitconfig', async () => {
    await writeFile(join(home, '.gitconfig'), '[user]\n  name = Grace Hopper\n  email = grace@example.com\n')
    const identity = await resolveCommitIdentity(gitdir, env())
    expect(identity.author).toEqual({ name: 'Grace Hopper', email: 'grace@example.com' })
    expect(identity.committer).toEqual(identity.author)
    expect(identity.fallback).toEqual([])
  })

  test('$XDG_CONFIG_HOME/git/config, overridden by ~/.gitconfig, overridden by the repository', async () => {
    const xdg = join(root, 'xdg')
    await mkdir(join(xdg, 'git'), { recursive: true })
    await writeFile(join(xdg, 'git', 'config'), '[user]\n name = From Xdg\n email = xdg@example.com\n')
    expect((await resolveCommitIdentity(gitdir, env({ XDG_CONFIG_HOME: xdg }))).author).toEqual({
      name: 'From Xdg',
      email: 'xdg@example.com'
    })
    await writeFile(join(home, '.gitconfig'), '[user]\n name = From Home\n')
    expect((await resolveCommitIdentity(gitdir, env({ XDG_CONFIG_HOME: xdg }))).author).toEqual({
      name: 'From Home',
      email: 'xdg@example.com'
    })
    await writeFile(join(gitdir, 'config'), '[user]\n email = repo@example.com\n')
    expect((await resolveCommitIdentity(gitdir, env({ XDG_CONFIG_HOME: xdg }))).author).toEqual({
      name: 'From Home',
      email: 'repo@example.com'
    })
  })

  test('the system file, unless GIT_CONFIG_NOSYSTEM; GIT_CONFIG_SYSTEM names it', async () => {
    const system = join(root, 'gitconfig')
    await writeFile(system, '[user]\n name = System Admin\n email = admin@example.com\n')
    const withSystem = { HOME: home, GIT_CONFIG_SYSTEM: system }
    expect((await resolveCommitIdentity(gitdir, withSystem)).author.name).toBe('System Admin')
    expect(
      (await resolveCommitIdentity(gitdir, { ...withSystem, GIT_CONFIG_NOSYSTEM: '1' })).author.name
    ).toBe('mreg')
    expect(configFiles(gitdir, { HOME: home })[0]).toBe('/etc/gitconfig')
  })

  test('environment over config; GIT_COMMITTER_* for the committer; author.* and committer.* keys', async () => {
    await writeFile(
      join(home, '.gitconfig'),
      '[user]\n name = Config User\n email = config@example.com\n[committer]\n name = Config Committer\n'
    )
    const identity = await resolveCommitIdentity(
      gitdir,
      env({ GIT_AUTHOR_NAME: 'Env Author', GIT_COMMITTER_EMAIL: 'ci@example.com' })
    )
    expect(identity.author).toEqual({ name: 'Env Author', email: 'config@example.com' })
    expect(identity.committer).toEqual({ name: 'Config Committer', email: 'ci@example.com' })
  })

  test('[include] path, relative to the including file', async () => {
    await writeFile(join(home, '.gitconfig'), '[include]\n path = identity.inc\n')
    await writeFile(join(home, 'identity.inc'), '[user]\n name = Included\n email = inc@example.com\n')
    expect((await resolveCommitIdentity(gitdir, env())).author).toEqual({
      name: 'Included',
      email: 'inc@example.com'
    })
  })
})
