/**
 * What a team meets in its first week: fetch destinations that are created only when asked
 * (and then one directory only), filters checked like every other input.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { PACKAGE_VERSION } from '../../support/bundle-define.js'
import { makeProjectRepo, mreg, modelFile, removeDir, tempDir } from '../../support/cli-harness.js'

let repo: string
let work: string
let model: string

beforeAll(async () => {
  repo = await makeProjectRepo()
  work = await tempDir()
  model = await modelFile(work, 'model.pkl', 11)
  expect((await mreg(repo, ['init'])).code).toBe(0)
  const registered = await mreg(repo, ['register', model, '--type', 'detector', '--metric', 'f1=0.9'])
  expect(registered.code).toBe(0)
})

afterAll(async () => {
  await removeDir(repo)
  await removeDir(work)
})

const exists = async (path: string) =>
  stat(path).then(
    () => true,
    () => false
  )

describe('fetch --out', () => {
  test('a missing directory is refused without --mkdir, and nothing is created', async () => {
    const result = await mreg(repo, ['fetch', 'detector@latest', '--out', join(work, 'serving') + '/'])
    expect(result.code).toBe(2)
    expect(result.stderr.trim()).toMatch(/^mreg: directory ".*serving" does not exist: .*--mkdir$/)
    expect(await exists(join(work, 'serving'))).toBe(false)
  })

  test('a file in a missing directory is refused too', async () => {
    const result = await mreg(repo, ['fetch', 'detector@latest', '--out', join(work, 'nowhere', 'm.pkl')])
    expect(result.code).toBe(2)
    expect(await exists(join(work, 'nowhere'))).toBe(false)
  })

  test('--mkdir creates the last directory and the verified file lands in it', async () => {
    const result = await mreg(repo, [
      '--json',
      'fetch',
      'detector@latest',
      '--mkdir',
      '--out',
      join(work, 'serving') + '/'
    ])
    expect(result.code).toBe(0)
    const fetched = JSON.parse(result.stdout) as { path: string; model_id: string }
    expect(fetched.path).toBe(join(work, 'serving', `${fetched.model_id}.pkl`))
    expect(await readFile(fetched.path)).toEqual(await readFile(model))
  })

  test('--mkdir never creates parents', async () => {
    const result = await mreg(repo, [
      'fetch',
      'detector@latest',
      '--mkdir',
      '--out',
      '/nonexistent-mreg/dir/'
    ])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/only the last directory/)
    expect(await exists('/nonexistent-mreg')).toBe(false)
  })
})

describe('filters', () => {
  test('a stage the policy has but no version holds: an empty answer, exit 0', async () => {
    const result = await mreg(repo, ['list', '--stage', 'production'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/No model versions match/)
  })

  test('a recorded metric sorts and filters', async () => {
    expect((await mreg(repo, ['list', '--sort', 'metric:f1', '--min', 'f1=0.5'])).code).toBe(0)
  })

  test('--json carries the field at fault and the valid stages', async () => {
    const result = await mreg(repo, ['--json', 'list', '--stage', 'prod'])
    expect(result.code).toBe(2)
    const { error } = JSON.parse(result.stdout) as { error: { field: string; stages: string[] } }
    expect(error.field).toBe('stage')
    expect(error.stages).toContain('production')
  })
})

describe('mreg --version', () => {
  test("in-process: package.json's version", async () => {
    const result = await mreg(repo, ['--version'])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(`${PACKAGE_VERSION}\n`)
  })
})
