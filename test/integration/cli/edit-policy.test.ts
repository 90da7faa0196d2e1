/**
 * The everyday commands on a real repository: `edit` (tags and notes, one commit the policy
 * check accepts), `policy show` / `policy set` (validated before anything is written), and
 * compare following the policy's per-metric direction and reporting ties.
 */
import { beforeAll, describe, expect, test } from '@jest/globals'
import type { ModelVersion, RegistryPolicy } from '../../../src/domain/types.js'
import {
  gitOutput,
  modelFile,
  mreg,
  mregJson,
  projectRegistry,
  registryState
} from '../../support/cli-harness.js'

const project = projectRegistry()

const tip = (): string => gitOutput(project.repo, 'rev-parse', 'model-registry')
const commitCount = (): number => Number(gitOutput(project.repo, 'rev-list', '--count', 'model-registry'))

beforeAll(async () => {
  const versions: [string, string][] = [
    ['1.0.0', 'f1=0.9,latency_ms=12'],
    ['1.1.0', 'f1=0.9,latency_ms=9'],
    ['1.2.0', 'f1=0.8,latency_ms=30']
  ]
  for (const [i, [version, metrics]] of versions.entries()) {
    const file = await modelFile(project.work, `m${i}.pkl`, i + 1)
    const args = ['register', file, '--type', 'iforest', '--version', version, '--tag', 'baseline']
    for (const m of metrics.split(',')) args.push('--metric', m)
    expect((await mreg(project.repo, args)).code).toBe(0)
  }
})

describe('mreg edit', () => {
  test('adds and removes tags and replaces notes in one commit the policy check accepts', async () => {
    const before = tip()
    const count = commitCount()
    const outcome = await mregJson<{ version: ModelVersion; changed: boolean; commit: string }>(
      project.repo,
      [
        'edit',
        'iforest@1.0.0',
        '--add-tag',
        'high_recall',
        '--add-tag',
        'reviewed',
        '--remove-tag',
        'baseline',
        '--notes',
        'retrained on November data'
      ]
    )
    expect(outcome.changed).toBe(true)
    expect(outcome.version.tags).toEqual(['high_recall', 'reviewed'])
    expect(outcome.version.notes).toBe('retrained on November data')
    expect(commitCount()).toBe(count + 1)
    expect(gitOutput(project.repo, 'log', '-1', '--format=%s', 'model-registry')).toBe(
      'edit iforest 1.0.0: +high_recall +reviewed -baseline notes'
    )
    const shown = await mregJson<ModelVersion>(project.repo, ['show', 'iforest@1.0.0'])
    expect(shown.tags).toEqual(['high_recall', 'reviewed'])
    const listed = await mregJson<ModelVersion[]>(project.repo, ['list', '--tag', 'reviewed'])
    expect(listed.map(v => v.version)).toEqual(['1.0.0'])
    // The change is what the policy check allows without review: no stage moved, nothing immutable changed.
    const checked = await mreg(project.repo, ['--json', 'check', before, tip()])
    expect(checked.code).toBe(0)
    expect(JSON.parse(checked.stdout)).toMatchObject({ passed: true, changes: [] })
    const human = await mreg(project.repo, ['edit', 'iforest@1.0.0', '--notes', ''])
    expect(human.stdout).toMatch(
      /^Edited iforest@1\.0\.0: notes replaced; tags now: high_recall, reviewed; commit [0-9a-f]{12}\n$/
    )
  })

  test('asking for what is already there commits nothing', async () => {
    const before = tip()
    const result = await mreg(project.repo, ['edit', 'iforest@1.0.0', '--add-tag', 'reviewed'])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe('iforest@1.0.0 is already as asked; nothing changed\n')
    expect(tip()).toBe(before)
  })

  test.each<[string, string[], number, string]>([
    [
      'nothing to do',
      ['edit', 'iforest@1.0.0'],
      2,
      'mreg: nothing to edit: give --add-tag, --remove-tag or --notes\n'
    ],
    [
      'a tag added and removed',
      ['edit', 'iforest@1.0.0', '--add-tag', 'x', '--remove-tag', 'x'],
      2,
      'mreg: tag "x" is both added and removed: give it once\n'
    ],
    [
      'an invalid tag',
      ['edit', 'iforest@1.0.0', '--add-tag', 'no spaces'],
      2,
      `mreg: invalid tag "no spaces": use letters, digits, '_', '.', ':', '+' or '-', starting with a letter or digit (max 64)\n`
    ],
    [
      'removing a tag it lacks',
      ['edit', 'iforest@1.0.0', '--remove-tag', 'nope'],
      1,
      'mreg: iforest@1.0.0 has no tag "nope" to remove (its tags: high_recall, reviewed)\n'
    ],
    [
      'an unknown version',
      ['edit', 'iforest@9.9.9', '--add-tag', 'x'],
      1,
      `mreg: "iforest" has no version 9.9.9; 'mreg list --name iforest' shows its versions\n`
    ]
  ])('refuses %s and leaves the registry as it was', async (_what, args, code, stderr) => {
    const before = await registryState(project.repo)
    const result = await mreg(project.repo, args)
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code, stderr })
    expect(await registryState(project.repo)).toEqual(before)
  })
})

describe('mreg policy', () => {
  test('show prints registry.json; --json gives it as is', async () => {
    const policy = await mregJson<RegistryPolicy>(project.repo, ['policy', 'show'])
    expect(policy).toEqual(JSON.parse(gitOutput(project.repo, 'show', 'model-registry:registry.json')))
    const human = await mreg(project.repo, ['policy', 'show'])
    expect(JSON.parse(human.stdout)).toEqual(policy)
  })

  test('set writes one validated commit; JSON values are JSON, others strings', async () => {
    const count = commitCount()
    const before = tip()
    const set = await mreg(project.repo, ['policy', 'set', 'retention.keep_last', '25'])
    expect(set.code).toBe(0)
    expect(set.stdout).toMatch(/^Set retention\.keep_last: 10 → 25; commit [0-9a-f]{12}\n$/)
    expect(commitCount()).toBe(count + 1)
    const stored = JSON.parse(
      gitOutput(project.repo, 'show', 'model-registry:registry.json')
    ) as RegistryPolicy
    expect(stored.retention.keep_last).toBe(25)
    // A new gate path is created on the way; the string value stays a string.
    await mregJson(project.repo, ['policy', 'set', 'gates.staging.min_metrics.f1', '0.85'])
    await mregJson(project.repo, ['policy', 'set', 'retention.mode', 'remove'])
    const after = await mregJson<RegistryPolicy>(project.repo, ['policy', 'show'])
    expect(after.gates.staging).toEqual({ min_metrics: { f1: 0.85 } })
    expect(after.retention.mode).toBe('remove')
    // A policy edit is what the check asks the registry-policy label for.
    const checked = JSON.parse((await mreg(project.repo, ['--json', 'check', before, tip()])).stdout)
    expect(checked.findings).toContainEqual(
      expect.objectContaining({ kind: 'policy-change', severity: 'warning' })
    )
    const same = await mreg(project.repo, ['policy', 'set', 'retention.mode', 'remove'])
    expect(same.stdout).toBe('registry.json already has retention.mode = "remove"; nothing changed\n')
  })

  test.each<[string, string[], string]>([
    [
      'a value the schema refuses',
      ['retention.keep_last', '0'],
      'mreg: registry.json with retention.keep_last = 0: $.retention.keep_last must be >= 1\n'
    ],
    [
      'an unknown field',
      ['retention.keep_lats', '3'],
      'mreg: registry.json with retention.keep_lats = 3: $.retention.keep_lats is not a known field\n'
    ],
    [
      'a stage the consistency rules refuse',
      ['initial_stage', 'qa'],
      'mreg: registry.json with initial_stage = "qa": $.initial_stage names unknown stage "qa"; add it to $.stages or use one of development, staging, canary, production, shadow, deprecated, archived\n'
    ],
    [
      'a malformed key',
      ['retention..keep_last', '3'],
      'mreg: invalid policy key "retention..keep_last": it has an empty segment; use a JSON path such as retention.keep_last, gates.production.min_metrics.f1_score, stages[0] or metrics["val.auc"].lower_is_better\n'
    ]
  ])('refuses %s (exit 2) before writing anything', async (_what, args, stderr) => {
    const before = await registryState(project.repo)
    const result = await mreg(project.repo, ['policy', 'set', ...args])
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 2, stderr })
    expect(await registryState(project.repo)).toEqual(before)
  })
})

describe('compare with the policy direction and ties', () => {
  test('a tie for best is reported as a tie; a lower-is-better metric takes the lowest', async () => {
    await mregJson(project.repo, ['policy', 'set', 'metrics.latency_ms.lower_is_better', 'true'])
    const refs = ['iforest@1.0.0', 'iforest@1.1.0', 'iforest@1.2.0']
    const json = await mregJson<{
      comparison: { metrics: { metric: string; best: number | null; tied: number[]; better: string }[] }
    }>(project.repo, ['compare', ...refs])
    expect(json.comparison.metrics).toEqual([
      expect.objectContaining({ metric: 'f1', better: 'higher', best: null, tied: [0, 1] }),
      expect.objectContaining({ metric: 'latency_ms', better: 'lower', best: 1, tied: [] })
    ])
    const human = (await mreg(project.repo, ['compare', ...refs])).stdout
    expect(human).toMatch(/^f1 .*tie: iforest@1\.0\.0, iforest@1\.1\.0$/m)
    expect(human).toMatch(/^latency_ms \(lower is better\) .* iforest@1\.1\.0$/m)
    // list --sort follows the same direction: the fastest first.
    const sorted = await mregJson<ModelVersion[]>(project.repo, ['list', '--sort', 'metric:latency_ms'])
    expect(sorted.map(v => v.version)).toEqual(['1.1.0', '1.0.0', '1.2.0'])
  })
})
