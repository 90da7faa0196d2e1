/** A local registration records where it came from: repository, HEAD commit, dirty or not. */
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { appendFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ModelVersion } from '../../../src/domain/types.js'
import { gitOutput, makeProjectRepo, mreg, modelFile, removeDir } from '../../support/cli-harness.js'

let repo: string

beforeAll(async () => {
  repo = await makeProjectRepo()
  expect((await mreg(repo, ['init'])).code).toBe(0)
})
afterAll(async () => removeDir(repo))

async function register(fill: number): Promise<ModelVersion> {
  // The model file sits untracked in the project, as a freshly trained one does: not "dirty".
  const model = await modelFile(repo, `model-${fill}.pkl`, fill)
  const result = await mreg(repo, ['--json', 'register', model, '--type', 'detector'])
  expect(result.code).toBe(0)
  return JSON.parse(result.stdout) as ModelVersion
}

test('a clean working tree: its path, HEAD commit, dirty false, and the actor', async () => {
  const version = await register(1)
  expect(version.source).toEqual({
    repository: repo,
    commit: gitOutput(repo, 'rev-parse', 'HEAD'),
    dirty: false,
    actor: 'tester'
  })
})

test('a modified tracked file makes it dirty', async () => {
  await appendFile(join(repo, 'README.md'), 'changed\n')
  expect((await register(2)).source.dirty).toBe(true)
  gitOutput(repo, 'checkout', '--', 'README.md')
})

test("the origin URL when there is one, credentials stripped; the commit goes into the commit's trailers", async () => {
  gitOutput(repo, 'remote', 'add', 'origin', 'https://trainer:s3cret@git.example.com/acme/detectors.git')
  const version = await register(3)
  expect(version.source.repository).toBe('https://git.example.com/acme/detectors.git')
  expect(JSON.stringify(version)).not.toContain('s3cret')
  expect(gitOutput(repo, 'log', '-1', '--format=%B', 'model-registry')).toContain(
    `Source-Commit: ${gitOutput(repo, 'rev-parse', 'HEAD')}`
  )
})

test('without the git CLI, isomorphic-git reads the same provenance', async () => {
  const withGit = await register(4)
  const withoutGit = async (fill: number): Promise<ModelVersion> => {
    const path = process.env.PATH
    process.env.PATH = join(repo, 'no-git-here') // neither `git status` nor `git cat-file` can start
    try {
      return await register(fill)
    } finally {
      process.env.PATH = path
    }
  }
  expect((await withoutGit(5)).source).toEqual(withGit.source)
  await appendFile(join(repo, 'README.md'), 'changed again\n')
  expect((await withoutGit(6)).source).toEqual({ ...withGit.source, dirty: true })
  gitOutput(repo, 'checkout', '--', 'README.md')
})
