/**
 * What a team meets in its first week: fetch destinations that are created only when asked
 * (and then one directory only), filters checked like every other input.
 */
import { beforeAll, describe, expect, test } from '@jest/globals'
import { readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PACKAGE_VERSION } from '../../support/bundle-define.js'
import { modelFile, mreg, projectRegistry } from '../../support/cli-harness.js'

const project = projectRegistry()
let model: string

beforeAll(async () => {
  model = await modelFile(project.work, 'model.pkl', 11)
  const registered = await mreg(project.repo, ['register', model, '--type', 'detector', '--metric', 'f1=0.9'])
  expect(registered.code).toBe(0)
})

const exists = async (path: string) =>
  stat(path).then(
    () => true,
    () => false
  )

describe('fetch --out', () => {
  test('a missing directory is refused without --mkdir, and nothing is created', async () => {
    const result = await mreg(project.repo, [
      'fetch',
      'detector@latest',
      '--out',
      join(project.work, 'serving') + '/'
    ])
    expect(result.code).toBe(2)
    expect(result.stderr.trim()).toMatch(/^mreg: directory ".*serving" does not exist: .*--mkdir$/)
    expect(await exists(join(project.work, 'serving'))).toBe(false)
  })

  test('a file in a missing directory is refused too', async () => {
    const result = await mreg(project.repo, [
      'fetch',
      'detector@latest',
      '--out',
      join(project.work, 'nowhere', 'm.pkl')
    ])
    expect(result.code).toBe(2)
    expect(await exists(join(project.work, 'nowhere'))).toBe(false)
  })

  test('--mkdir creates the last directory and the verified file lands in it', async () => {
    const result = await mreg(project.repo, [
      '--json',
      'fetch',
      'detector@latest',
      '--mkdir',
      '--out',
      join(project.work, 'serving') + '/'
    ])
    expect(result.code).toBe(0)
    const fetched = JSON.parse(result.stdout) as { path: string; model_id: string }
    expect(fetched.path).toBe(join(project.work, 'serving', `${fetched.model_id}.pkl`))
    expect(await readFile(fetched.path)).toEqual(await readFile(model))
  })

  test('--mkdir never creates parents', async () => {
    const result = await mreg(project.repo, [
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
    const result = await mreg(project.repo, ['list', '--stage', 'production'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/No model versions match/)
  })

  test('a recorded metric sorts and filters', async () => {
    expect((await mreg(project.repo, ['list', '--sort', 'metric:f1', '--min', 'f1=0.5'])).code).toBe(0)
  })

  test('--json carries the field at fault and the valid stages', async () => {
    const result = await mreg(project.repo, ['--json', 'list', '--stage', 'prod'])
    expect(result.code).toBe(2)
    const { error } = JSON.parse(result.stdout) as { error: { field: string; stages: string[] } }
    expect(error.field).toBe('stage')
    expect(error.stages).toContain('production')
  })
})

describe('mreg --version', () => {
  test("in-process: package.json's version", async () => {
    const result = await mreg(project.repo, ['--version'])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(`${PACKAGE_VERSION}\n`)
  })
})

describe("one vocabulary: the CLI takes the Action's input names, JSON inline or from a file", () => {
  test('register, list, fetch and promote with the Action names', async () => {
    const second = await modelFile(project.work, 'second.pkl', 12)
    await writeFile(join(project.work, 'metrics.json'), '{"f1": 0.95, "recall": 0.8}')
    await writeFile(join(project.work, 'training.json'), '{"rows": 1000}')
    const registered = await mreg(project.repo, [
      '--json',
      '--registry-branch',
      'model-registry',
      'register',
      '--model-path',
      second,
      '--model-type',
      'detector',
      '--metrics',
      join(project.work, 'metrics.json'),
      '--config',
      '{"trees": 100}',
      '--training-metadata',
      join(project.work, 'training.json'),
      '--tags',
      'nightly, vocab'
    ])
    expect(registered.code).toBe(0)
    const version = JSON.parse(registered.stdout) as Record<string, unknown>
    expect(version).toMatchObject({
      model_type: 'detector',
      performance_metrics: { f1: 0.95, recall: 0.8 },
      model_config: { trees: 100 },
      training_metadata: { rows: 1000 },
      tags: ['nightly', 'vocab']
    })

    const listed = await mreg(project.repo, [
      '--json',
      'list',
      '--model-type',
      'detector',
      '--tags',
      'vocab',
      '--min-metrics',
      '{"f1": 0.92}'
    ])
    expect(listed.code).toBe(0)
    expect((JSON.parse(listed.stdout) as { version: string }[]).map(v => v.version)).toEqual([
      version.version
    ])
    await writeFile(join(project.work, 'minimums.json'), '{"recall": 0.9}')
    const none = await mreg(project.repo, [
      '--json',
      'list',
      '--min-metrics',
      join(project.work, 'minimums.json')
    ])
    expect(JSON.parse(none.stdout)).toEqual([])

    const fetched = await mreg(project.repo, [
      '--json',
      'fetch',
      `detector@${version.version as string}`,
      '--path',
      project.work
    ])
    expect(fetched.code).toBe(0)
    expect(await readFile((JSON.parse(fetched.stdout) as { path: string }).path)).toEqual(
      await readFile(second)
    )

    const promoted = await mreg(project.repo, [
      '--json',
      'promote',
      `detector@${version.version as string}`,
      '--stage',
      'staging'
    ])
    expect(promoted.code).toBe(0)
    expect(JSON.parse(promoted.stdout)).toMatchObject({ deployment_stage: 'staging' })
  })

  test('a flag and its Action-named twin with different values are refused', async () => {
    const result = await mreg(project.repo, [
      'register',
      model,
      '--type',
      'detector',
      '--model-type',
      'other'
    ])
    expect(result.code).toBe(2)
    expect(result.stderr.trim()).toBe('mreg: --type and --model-type name the same thing: give one of them')
  })

  test('--config inline JSON that is not an object is refused, naming the flag', async () => {
    const result = await mreg(project.repo, ['register', model, '--type', 'detector', '--config', '[1]'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^mreg: --config must be a JSON object/)
  })
})

test('register --version is still the version being registered, not mreg --version', async () => {
  const result = await mreg(project.repo, [
    '--json',
    'register',
    model,
    '--type',
    'versioned',
    '--version',
    '3.1.4'
  ])
  expect(result.code).toBe(0)
  expect(JSON.parse(result.stdout)).toMatchObject({ version: '3.1.4' })
})
