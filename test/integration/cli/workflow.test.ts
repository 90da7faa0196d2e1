/**
 * The Python registry's self-test, as a user runs it through mreg against a real Git repository:
 * register two versions, list, promote through the stages, fetch verified, compare, demote,
 * history.
 */
import { versionFilePath } from '../../../src/domain/layout.js'
import { beforeAll, describe, expect, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ModelVersion } from '../../../src/domain/types.js'
import { gitOutput, modelFile, mreg, mregJson, projectRegistry } from '../../support/cli-harness.js'

const project = projectRegistry({ init: false })
let firstFile: string
let secondFile: string

beforeAll(async () => {
  firstFile = await modelFile(project.work, 'model-a.pkl', 1)
  secondFile = await modelFile(project.work, 'model-b.pkl', 2)
})

describe('mreg workflow on a local repository', () => {
  test('init creates the branch without touching the working tree or HEAD', async () => {
    const headBefore = gitOutput(project.repo, 'rev-parse', 'HEAD')
    const result = await mreg(project.repo, ['init'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/Initialised the model registry/)
    expect(gitOutput(project.repo, 'rev-parse', 'HEAD')).toBe(headBefore)
    expect(gitOutput(project.repo, 'status', '--porcelain')).toBe('')
    const policy = JSON.parse(gitOutput(project.repo, 'show', 'model-registry:registry.json'))
    expect(policy.initial_stage).toBe('development')
    const again = await mreg(project.repo, ['init'])
    expect(again.code).toBe(0)
    expect(again.stdout).toMatch(/already exists/)
  })

  test('register records metadata, checksum and a commit with trailers', async () => {
    const metricsFile = join(project.work, 'metrics.json')
    await writeFile(metricsFile, JSON.stringify({ precision: 0.82 }))
    const first = await mregJson<ModelVersion>(project.repo, [
      'register',
      firstFile,
      '--type',
      'isolation_forest',
      '--version',
      '1.0.0',
      '--metric',
      'f1_score=0.85',
      '--metrics-file',
      metricsFile,
      '--metric',
      'recall=0.88',
      '--tag',
      'baseline',
      '--notes',
      'Initial model',
      '--dataset-version',
      '2026-11-01'
    ])
    const expected = createHash('sha256')
      .update(await readFile(firstFile))
      .digest('hex')
    expect(first).toMatchObject({
      name: 'isolation_forest',
      model_type: 'isolation_forest',
      version: '1.0.0',
      checksum: expected,
      deployment_stage: 'development',
      performance_metrics: { f1_score: 0.85, precision: 0.82, recall: 0.88 },
      tags: ['baseline'],
      notes: 'Initial model',
      dataset_version: '2026-11-01',
      metadata_path: versionFilePath('isolation_forest', '1.0.0')
    })
    expect(first.model_id).toMatch(/^isolation_forest_\d{8}_\d{6}(_\d+)?$/)
    expect(first.artifact.file_name).toBe(`${first.model_id}.pkl`)
    expect(first.stage_history).toEqual([
      { stage: 'development', at: first.registered_at, by: 'tester', via: 'register' }
    ])
    const committed = JSON.parse(
      gitOutput(project.repo, 'show', `model-registry:${versionFilePath('isolation_forest', '1.0.0')}`)
    )
    expect(committed).toEqual(first)
    const message = gitOutput(project.repo, 'log', '-1', '--format=%B', 'model-registry')
    expect(message).toContain('register isolation_forest 1.0.0 (development)')
    expect(message).toContain(`Model-Id: ${first.model_id}`)
    expect(message).toContain(`Sha256: ${expected}`)

    const second = await mregJson<ModelVersion>(project.repo, [
      'register',
      secondFile,
      '--type',
      'isolation_forest',
      '--bump',
      'minor',
      '--metric',
      'f1_score=0.90',
      '--metric',
      'precision=0.87',
      '--metric',
      'recall=0.93',
      '--tag',
      'high_recall',
      '--parent',
      'isolation_forest@1.0.0'
    ])
    expect(second.version).toBe('1.1.0')
    expect(second.parent_model_id).toBe(first.model_id)
  })

  test('list filters and sorts like load_latest_model', async () => {
    const all = await mregJson<ModelVersion[]>(project.repo, ['list'])
    expect(all.map(v => v.version)).toEqual(['1.1.0', '1.0.0'])
    const good = await mregJson<ModelVersion[]>(project.repo, ['list', '--min', 'f1_score=0.88'])
    expect(good.map(v => v.version)).toEqual(['1.1.0'])
    const tagged = await mregJson<ModelVersion[]>(project.repo, ['list', '--tag', 'baseline'])
    expect(tagged.map(v => v.version)).toEqual(['1.0.0'])
    const byMetric = await mregJson<ModelVersion[]>(project.repo, [
      'list',
      '--sort',
      'metric:recall',
      '--limit',
      '1'
    ])
    expect(byMetric.map(v => v.version)).toEqual(['1.1.0'])
    const csv = (await mreg(project.repo, ['list', '--csv'])).stdout.trim().split('\n')
    expect(csv[0]).toBe(
      'model_id,name,model_type,version,deployment_stage,registered_at,deployed_at,checksum,size,tags,parent_model_id,dataset_version,notes,f1_score,precision,recall'
    )
    expect(csv).toHaveLength(3)
    expect(csv[1]).toMatch(
      /^isolation_forest_\d{8}_\d{6}(_\d+)?,isolation_forest,isolation_forest,1\.1\.0,development,.*,0\.9,0\.87,0\.93$/
    )
    const human = await mreg(project.repo, ['list'])
    expect(human.stdout).toMatch(/NAME\s+VERSION\s+STAGE/)
    expect(human.stdout).toMatch(/isolation_forest\s+1\.1\.0\s+development/)
  })

  test('promote through staging and canary to production', async () => {
    for (const stage of ['staging', 'canary']) {
      const promoted = await mregJson<ModelVersion>(project.repo, [
        'promote',
        'isolation_forest@1.1.0',
        '--to',
        stage
      ])
      expect(promoted.deployment_stage).toBe(stage)
    }
    const result = await mreg(project.repo, ['promote', 'isolation_forest@1.1.0', '--to', 'production'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/Promoted isolation_forest@1\.1\.0: canary → production/)
    // No review channel locally: the approval gate is reported, not silently passed.
    expect(result.stdout).toMatch(/min_approvals\s+not-applicable/)
    const shown = await mregJson<ModelVersion>(project.repo, ['show', 'isolation_forest@production'])
    expect(shown.version).toBe('1.1.0')
    expect(shown.stage_history.map(e => e.stage)).toEqual(['development', 'staging', 'canary', 'production'])
    expect(gitOutput(project.repo, 'log', '-1', '--format=%s', 'model-registry')).toBe(
      'promote isolation_forest 1.1.0: canary → production'
    )
  })

  test('an illegal transition is refused with exit 1 and changes nothing', async () => {
    const before = gitOutput(project.repo, 'rev-parse', 'model-registry')
    const result = await mreg(project.repo, ['promote', 'isolation_forest@1.0.0', '--to', 'archived'])
    expect(result.code).toBe(1)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toMatch(/cannot move from "development" to "archived"/)
    expect(gitOutput(project.repo, 'rev-parse', 'model-registry')).toBe(before)
  })

  test('fetch the latest production model by criteria, verified', async () => {
    const out = join(project.work, 'fetched.pkl')
    const fetched = await mregJson<ModelVersion & { path: string }>(project.repo, [
      'fetch',
      '--type',
      'isolation_forest',
      '--stage',
      'production',
      '--tag',
      'high_recall',
      '--min',
      'f1_score=0.85',
      '--out',
      out
    ])
    expect(fetched.version).toBe('1.1.0')
    expect(fetched.path).toBe(out)
    expect(await readFile(out)).toEqual(await readFile(secondFile))
    const intoDir = await mregJson<{ path: string; model_id: string }>(project.repo, [
      'fetch',
      'isolation_forest@1.0.0',
      '--out',
      project.work
    ])
    expect(intoDir.path).toBe(join(project.work, `${intoDir.model_id}.pkl`))
    expect(await readFile(intoDir.path)).toEqual(await readFile(firstFile))
  })

  test('compare shows deltas against the first and the best per metric', async () => {
    const result = await mregJson<{
      comparison: { metrics: { metric: string; values: number[]; deltas: number[]; best: number }[] }
    }>(project.repo, ['compare', 'isolation_forest@1.0.0', 'isolation_forest@1.1.0'])
    const f1 = result.comparison.metrics.find(m => m.metric === 'f1_score')
    expect(f1?.values).toEqual([0.85, 0.9])
    expect(f1?.deltas[1]).toBeCloseTo(0.05, 10)
    expect(f1?.best).toBe(1)
    const human = await mreg(project.repo, ['compare', 'isolation_forest@1.0.0', 'isolation_forest@1.1.0'])
    expect(human.stdout).toMatch(/f1_score\s+0\.85\s+0\.9 \(\+0\.05 \+5\.9%\)\s+isolation_forest@1\.1\.0/)
  })

  test('production goes back to staging, and history tells who moved what and when', async () => {
    const moved = await mregJson<ModelVersion>(project.repo, [
      'promote',
      'isolation_forest@production',
      '--to',
      'staging'
    ])
    expect(moved.deployment_stage).toBe('staging')
    const history = await mregJson<{
      events: { subject: string; author: string }[]
      stages: { stage: string }[]
    }>(project.repo, ['history', 'isolation_forest@1.1.0'])
    expect(history.events.map(e => e.subject)).toEqual([
      'promote isolation_forest 1.1.0: production → staging',
      'promote isolation_forest 1.1.0: canary → production',
      'promote isolation_forest 1.1.0: staging → canary',
      'promote isolation_forest 1.1.0: development → staging',
      'register isolation_forest 1.1.0 (development)'
    ])
    expect(history.stages.map(s => s.stage)).toEqual([
      'development',
      'staging',
      'canary',
      'production',
      'staging'
    ])
  })

  test('history --at reads the branch as it was then', async () => {
    const now = await mregJson<{ at: { holders: Record<string, string[]>; commit: string } }>(project.repo, [
      'history',
      'isolation_forest',
      '--at',
      '2999-01-01T00:00:00Z'
    ])
    expect(now.at.commit).toBe(gitOutput(project.repo, 'rev-parse', 'model-registry'))
    expect(now.at.holders).toEqual({ development: ['1.0.0'], staging: ['1.1.0'] })
    const before = await mregJson<{ at: { holders: Record<string, string[]>; commit: string | null } }>(
      project.repo,
      ['history', 'isolation_forest', '--at', '2000-01-01T00:00:00Z']
    )
    expect(before.at.commit).toBeNull()
    expect(before.at.holders).toEqual({})
    const bad = await mreg(project.repo, ['history', 'isolation_forest', '--at', 'yesterday-ish'])
    expect(bad.code).toBe(2)
  })

  test('delete refuses a protected stage without --force, and doctor stays healthy', async () => {
    const refusedDelete = await mreg(project.repo, ['delete', 'isolation_forest@1.1.0'])
    expect(refusedDelete.code).toBe(1)
    expect(refusedDelete.stderr).toMatch(/protected stage/)
    const doctor = await mregJson<{ healthy: boolean; checked: { versions: number; artifacts: number } }>(
      project.repo,
      ['doctor']
    )
    expect(doctor).toMatchObject({ healthy: true, checked: { versions: 2, artifacts: 2 } })
    const deleted = await mreg(project.repo, ['delete', 'isolation_forest@1.1.0', '--force'])
    expect(deleted.code).toBe(0)
    const remaining = await mregJson<ModelVersion[]>(project.repo, ['list'])
    expect(remaining.map(v => v.version)).toEqual(['1.0.0'])
    expect((await mregJson<{ healthy: boolean }>(project.repo, ['doctor'])).healthy).toBe(true)
  })
})
