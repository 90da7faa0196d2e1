/**
 * Creating a tree on a base (rule git-database-tree-entries) gives the tree git's own index
 * would build from the same edits (read-tree of the base, update-index --replace in request
 * order, write-tree), though the emulator reads and writes only the directories the paths name;
 * a directory listed through the contents API holds its first 1,000 entries
 * (rule contents-directory-limit).
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Octokit } from '@octokit/rest'
import { startGitHubEmulator, type GitHubEmulator } from '../../support/github-emulator/index.js'
import { client, failure, git } from './helpers.js'

let gh: GitHubEmulator
let octokit: Octokit
let repo: { owner: string; repo: string }

beforeAll(async () => {
  gh = await startGitHubEmulator()
  octokit = client(gh)
  repo = { owner: gh.owner, repo: gh.repo }
})

afterAll(async () => {
  expect(gh.validationErrors).toEqual([])
  await gh.close()
})

type Edit = { path: string; content: string } | { path: string; sha: null }

const toApi = (edits: Edit[]) =>
  edits.map(e =>
    'content' in e
      ? { path: e.path, mode: '100644' as const, type: 'blob' as const, content: e.content }
      : { path: e.path, mode: '100644' as const, type: 'blob' as const, sha: null }
  )

async function createTree(base: string | undefined, edits: Edit[]): Promise<string> {
  const { data } = await octokit.rest.git.createTree({
    ...repo,
    tree: toApi(edits),
    ...(base ? { base_tree: base } : {})
  })
  return data.sha
}

/** The same edits through a git index in the emulated repository. */
async function indexTree(base: string, edits: Edit[]): Promise<string> {
  const index = join(tmpdir(), `trees-test-${process.pid}-${Math.random().toString(36).slice(2)}.index`)
  const env = { ...process.env, GIT_DIR: gh.repoDir, GIT_INDEX_FILE: index, GIT_CONFIG_NOSYSTEM: '1' }
  const run = (...args: string[]) => git(args, { cwd: gh.repoDir, env })
  try {
    await run('read-tree', base)
    for (const edit of edits) {
      if ('content' in edit) {
        const blob = execFileSync('git', ['hash-object', '-w', '--stdin'], {
          cwd: gh.repoDir,
          env,
          input: edit.content,
          encoding: 'utf8'
        }).trim()
        await run('update-index', '--add', '--replace', '--cacheinfo', `100644,${blob},${edit.path}`)
      } else {
        // mode 0 removes the entry (--force-remove wants a work tree)
        execFileSync('git', ['update-index', '--index-info'], {
          cwd: gh.repoDir,
          env,
          input: `0 ${'0'.repeat(40)}\t${edit.path}\n`
        })
      }
    }
    return await run('write-tree')
  } finally {
    await rm(index, { force: true })
  }
}

test('a tree on a base is the tree git builds from the same edits, untouched subtrees kept', async () => {
  const base = await createTree(undefined, [
    { path: 'a/b/c/one.json', content: '1\n' },
    { path: 'a/b/c/two.json', content: '2\n' },
    { path: 'a/b/three.json', content: '3\n' },
    { path: 'a/keep/four.json', content: '4\n' },
    { path: 'a.json', content: 'file beside a directory of the same stem\n' },
    { path: 'gone/only.json', content: 'the only file of its directory\n' },
    { path: 'file', content: 'becomes a directory\n' },
    { path: 'dir/x.json', content: 'a directory that becomes a file\n' }
  ])
  const edits: Edit[] = [
    { path: 'a/b/c/one.json', content: '1 changed\n' },
    { path: 'a/b/new/five.json', content: '5\n' },
    { path: 'a/b/three.json', sha: null },
    { path: 'gone/only.json', sha: null },
    { path: 'file/inside.json', content: 'through what was a file\n' },
    { path: 'dir', content: 'a file where a directory was\n' },
    { path: 'later.json', content: 'written' },
    { path: 'later.json', sha: null }
  ]
  const made = await createTree(base, edits)
  expect(made).toBe(await indexTree(base, edits))
  const kept = (tree: string, path: string) =>
    git(['rev-parse', `${tree}:${path}`], { cwd: gh.repoDir, env: { ...process.env, GIT_DIR: gh.repoDir } })
  expect(await kept(made, 'a/keep')).toBe(await kept(base, 'a/keep'))
  expect(gh.requests.filter(r => r.operationId === 'git/create-tree').every(r => r.status === 201)).toBe(true)
})

test('deleting a path that holds no file is refused (422), a directory included', async () => {
  const base = await createTree(undefined, [{ path: 'd/e/f.json', content: 'f\n' }])
  for (const path of ['d/e/missing.json', 'd/e', 'nowhere/f.json']) {
    const refused = await failure(createTree(base, [{ path, sha: null }]))
    expect(refused.status).toBe(422)
    expect(refused.message).toContain(`tree.path ${path} does not exist and cannot be deleted`)
  }
})

test('the contents API lists the first 1,000 entries of a directory', async () => {
  const names = Array.from({ length: 1001 }, (_, i) => `f${String(i).padStart(4, '0')}.json`)
  const tree = await createTree(undefined, [
    ...names.map(name => ({ path: `big/${name}`, content: `${name}\n` })),
    { path: 'small/x.json', content: 'x\n' }
  ])
  const { data: commit } = await octokit.rest.git.createCommit({ ...repo, message: 'big', tree, parents: [] })
  const { data } = await octokit.rest.repos.getContent({ ...repo, path: 'big', ref: commit.sha })
  expect(Array.isArray(data) && data.map(e => e.name)).toEqual(names.slice(0, 1000))
  expect(gh.requests.at(-1)?.rule).toBe('contents-directory-limit')
  const small = await octokit.rest.repos.getContent({ ...repo, path: 'small', ref: commit.sha })
  expect(Array.isArray(small.data) && small.data.map(e => e.name)).toEqual(['x.json'])
  expect(gh.requests.at(-1)?.rule).toBeUndefined()
})
