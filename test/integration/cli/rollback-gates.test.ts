/**
 * A rollback under a must_beat gate: the version it restores held the stage before, so it need
 * not beat the (bad) current holder — but every other gate still applies.
 */
import { beforeAll, describe, expect, test } from '@jest/globals'
import type { ModelVersion } from '../../../src/domain/types.js'
import { modelFile, mreg, mregJson, projectRegistry, registryState } from '../../support/cli-harness.js'

const project = projectRegistry()

beforeAll(async () => {
  expect((await mreg(project.repo, ['policy', 'set', 'gates.production.must_beat', 'f1_score'])).code).toBe(0)
  for (const [i, [version, f1]] of [
    ['1.0.0', '0.90'],
    ['1.1.0', '0.95']
  ].entries()) {
    const file = await modelFile(project.work, `m${i}.pkl`, i + 1)
    expect(
      (
        await mreg(project.repo, [
          'register',
          file,
          '--type',
          'iforest',
          '--version',
          version!,
          '--metric',
          `f1_score=${f1}`
        ])
      ).code
    ).toBe(0)
    for (const stage of ['staging', 'production']) {
      const step = await mreg(project.repo, ['promote', `iforest@${version}`, '--to', stage])
      expect(step.stderr).toBe('')
    }
  }
})

describe('rollback and must_beat', () => {
  test('other gates still apply: a min_metrics the restored version misses refuses the rollback', async () => {
    expect(
      (await mreg(project.repo, ['policy', 'set', 'gates.production.min_metrics.f1_score', '0.92'])).code
    ).toBe(0)
    const before = await registryState(project.repo)
    const refused = await mreg(project.repo, ['rollback', 'iforest'])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toBe(
      'mreg: cannot promote iforest@1.0.0 to production: f1_score 0.9 is below the 0.92 production requires\n'
    )
    expect(await registryState(project.repo)).toEqual(before)
    expect((await mreg(project.repo, ['policy', 'set', 'gates.production.min_metrics', '{}'])).code).toBe(0)
  })

  test('the previous holder goes back although it does not beat the current one, and the output says why', async () => {
    const result = await mreg(project.repo, ['rollback', 'iforest'])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^Rolled back iforest@1\.0\.0: deprecated → production$/m)
    expect(result.stdout).toMatch(/^Demoted iforest@1\.1\.0: production → deprecated$/m)
    expect(result.stdout).toMatch(
      /must_beat\.f1_score +exempt +exempt: a rollback — iforest@1\.0\.0 held production before \(its stage_history\), so it need not beat the current holder; every other gate applies/
    )
    const shown = await mregJson<ModelVersion>(project.repo, ['show', 'iforest@production'])
    expect(shown.version).toBe('1.0.0')
    expect(shown.stage_history.at(-1)?.via).toBe('rollback')
  })

  test('promote of the same kind of move is not exempt: 1.1.0 back into production must beat 1.0.0', async () => {
    expect((await mreg(project.repo, ['promote', 'iforest@1.1.0', '--to', 'staging'])).code).toBe(0)
    await mreg(project.repo, [
      'policy',
      'set',
      'gates.production.must_beat',
      '{"metric": "f1_score", "lower_is_better": true}'
    ])
    const refused = await mreg(project.repo, ['promote', 'iforest@1.1.0', '--to', 'production'])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/does not beat iforest@1\.0\.0 0\.9 \(lower is better\)/)
  })
})
