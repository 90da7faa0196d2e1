/**
 * `@latest` is the highest version and `@newest` the last registration, in every command that
 * takes a reference: registering 0.9.0 after 1.0.0 must not make 0.9.0 "latest".
 */
import { beforeAll, describe, expect, test } from '@jest/globals'
import { join } from 'node:path'
import type { ModelVersion } from '../../../src/domain/types.js'
import { modelFile, mreg, mregJson, projectRegistry } from '../../support/cli-harness.js'

const project = projectRegistry()

beforeAll(async () => {
  for (const [version, fill] of [
    ['1.0.0', 1],
    ['0.9.0', 2]
  ] as const) {
    const file = await modelFile(project.work, `m-${version}.pkl`, fill)
    const args = ['register', file, '--type', 'iforest', '--version', version, '--metric', `f1=0.${fill}`]
    expect((await mreg(project.repo, args)).code).toBe(0)
  }
})

describe('latest and newest references through the CLI', () => {
  test('show: @latest and a bare name are the highest version, @newest the last registration', async () => {
    expect((await mregJson<ModelVersion>(project.repo, ['show', 'iforest@latest'])).version).toBe('1.0.0')
    expect((await mregJson<ModelVersion>(project.repo, ['show', 'iforest'])).version).toBe('1.0.0')
    expect((await mregJson<ModelVersion>(project.repo, ['show', 'iforest@newest'])).version).toBe('0.9.0')
  })

  test('fetch, compare, history and promote resolve the same way', async () => {
    const fetched = await mregJson<ModelVersion>(project.repo, [
      'fetch',
      'iforest@latest',
      '--out',
      join(project.work, 'a.pkl')
    ])
    expect(fetched.version).toBe('1.0.0')
    const compared = await mregJson<{ comparison: { versions: { ref: string }[] } }>(project.repo, [
      'compare',
      'iforest@latest',
      'iforest@newest'
    ])
    expect(compared.comparison.versions.map(v => v.ref)).toEqual(['iforest@1.0.0', 'iforest@0.9.0'])
    const history = await mreg(project.repo, ['history', 'iforest@newest'])
    expect(history.code).toBe(0)
    expect(history.stdout).toMatch(/0\.9\.0/)
    expect(history.stdout).not.toMatch(/1\.0\.0/)
    const promoted = await mregJson<ModelVersion>(project.repo, [
      'promote',
      'iforest@latest',
      '--to',
      'staging'
    ])
    expect(promoted.version).toBe('1.0.0')
  })
})
