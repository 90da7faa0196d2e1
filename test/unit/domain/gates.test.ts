import { describe, expect, test } from '@jest/globals'
import { beats, checkRequiredMetadata, evaluateGates, type GateInput } from '../../../src/domain/gates.js'
import { defaultPolicy } from '../../../src/domain/policy.js'
import type { Gate, RegistryPolicy } from '../../../src/domain/types.js'
import { at, makeVersion } from './fixtures.js'

function policyWith(gate: Gate, stage = 'production'): RegistryPolicy {
  const p = defaultPolicy()
  p.gates = { [stage]: gate }
  return p
}

const candidate = makeVersion({
  version: '1.1.0',
  registered_at: at(10),
  metrics: { f1_score: 0.9, loss: 0.2 }
})
const holder = makeVersion({
  version: '1.0.0',
  registered_at: at(0),
  stage: 'production',
  metrics: { f1_score: 0.85, loss: 0.3 }
})

function run(gate: Gate, extra: Partial<GateInput> = {}) {
  return evaluateGates({
    policy: policyWith(gate),
    candidate,
    stage: 'production',
    holders: [holder],
    channel: 'pull-request',
    approvals: 1,
    viaPullRequest: true,
    ...extra
  })
}

describe('evaluateGates: min_metrics', () => {
  test('passes at or above the threshold', () => {
    expect(run({ min_metrics: { f1_score: 0.9 } })).toEqual({
      passed: true,
      results: [{ gate: 'min_metrics.f1_score', status: 'pass', message: 'f1_score 0.9 >= 0.9' }]
    })
  })
  test('fails below the threshold', () => {
    expect(run({ min_metrics: { f1_score: 0.95 } })).toEqual({
      passed: false,
      results: [
        {
          gate: 'min_metrics.f1_score',
          status: 'fail',
          message: 'f1_score 0.9 is below the 0.95 production requires'
        }
      ]
    })
  })
  test('fails when the metric is missing', () => {
    expect(run({ min_metrics: { auc: 0.5 } }).results).toEqual([
      { gate: 'min_metrics.auc', status: 'fail', message: 'auc is missing; production requires auc >= 0.5' }
    ])
  })
})

describe('evaluateGates: rollback', () => {
  test('waives must_beat, and only must_beat', () => {
    const r = run(
      { must_beat: 'f1_score', min_metrics: { f1_score: 0.95 } },
      {
        candidate: holder,
        holders: [candidate],
        rollback: true
      }
    )
    expect(r.results).toEqual([
      {
        gate: 'min_metrics.f1_score',
        status: 'fail',
        message: 'f1_score 0.85 is below the 0.95 production requires'
      },
      {
        gate: 'must_beat.f1_score',
        status: 'exempt',
        message:
          'exempt: a rollback — fraud@1.0.0 held production before (its stage_history), so it need not beat the current holder; every other gate applies'
      }
    ])
    expect(r.passed).toBe(false)
    expect(
      run({ must_beat: 'f1_score' }, { candidate: holder, holders: [candidate] }).results[0]?.status
    ).toBe('fail')
  })
})

describe('evaluateGates: must_beat', () => {
  test('a metric the policy calls lower-is-better is beaten by a lower value, without repeating it in the gate', () => {
    const policy = policyWith({ must_beat: 'loss' })
    policy.metrics = { loss: { lower_is_better: true } }
    const input = {
      candidate,
      stage: 'production',
      channel: 'pull-request' as const,
      approvals: 1,
      viaPullRequest: true
    }
    expect(evaluateGates({ ...input, policy, holders: [holder] }).results).toEqual([
      { gate: 'must_beat.loss', status: 'pass', message: 'loss 0.2 beats fraud@1.0.0 0.3 (lower is better)' }
    ])
    const better = makeVersion({ version: '1.0.0', stage: 'production', metrics: { loss: 0.1 } })
    expect(evaluateGates({ ...input, policy, holders: [better] }).results[0]?.status).toBe('fail')
    // Without the policy's setting, higher is better: the same candidate loses to 0.3.
    expect(
      evaluateGates({ ...input, policy: policyWith({ must_beat: 'loss' }), holders: [holder] }).results[0]
        ?.status
    ).toBe('fail')
  })
  test('higher is better by default, as a plain metric name', () => {
    expect(run({ must_beat: 'f1_score' })).toEqual({
      passed: true,
      results: [
        {
          gate: 'must_beat.f1_score',
          status: 'pass',
          message: 'f1_score 0.9 beats fraud@1.0.0 0.85 (higher is better)'
        }
      ]
    })
  })
  test('a tie does not beat', () => {
    const same = makeVersion({ version: '0.9.0', stage: 'production', metrics: { f1_score: 0.9 } })
    const r = run({ must_beat: 'f1_score' }, { holders: [same] })
    expect(r.passed).toBe(false)
    expect(r.results[0]?.message).toBe('f1_score 0.9 does not beat fraud@0.9.0 0.9 (higher is better)')
  })
  test('lower_is_better', () => {
    expect(run({ must_beat: { metric: 'loss', lower_is_better: true } }).results[0]).toEqual({
      gate: 'must_beat.loss',
      status: 'pass',
      message: 'loss 0.2 beats fraud@1.0.0 0.3 (lower is better)'
    })
    const worse = makeVersion({ version: '0.1.0', stage: 'production', metrics: { loss: 0.1 } })
    expect(
      run({ must_beat: { metric: 'loss', lower_is_better: true } }, { holders: [worse] }).results[0]?.status
    ).toBe('fail')
  })
  test('min_delta is honoured, exactly at the boundary despite float noise', () => {
    expect(run({ must_beat: { metric: 'f1_score', min_delta: 0.05 } }).results[0]).toEqual({
      gate: 'must_beat.f1_score',
      status: 'pass',
      message: 'f1_score 0.9 beats fraud@1.0.0 0.85 (higher is better by at least 0.05)'
    })
    expect(run({ must_beat: { metric: 'f1_score', min_delta: 0.06 } }).results[0]).toEqual({
      gate: 'must_beat.f1_score',
      status: 'fail',
      message: 'f1_score 0.9 does not beat fraud@1.0.0 0.85 (higher is better by at least 0.06)'
    })
    expect(beats(0.95, 0.9, { metric: 'x', min_delta: 0.05 })).toBe(true)
    expect(beats(0.949, 0.9, { metric: 'x', min_delta: 0.05 })).toBe(false)
    expect(beats(0.2, 0.3, { metric: 'x', lower_is_better: true, min_delta: 0.1 })).toBe(true)
  })
  test('passes with a message when nobody holds the stage', () => {
    expect(run({ must_beat: 'f1_score' }, { holders: [] }).results).toEqual([
      { gate: 'must_beat.f1_score', status: 'pass', message: 'no current holder of production to beat' }
    ])
  })
  test('the candidate is not its own rival', () => {
    expect(run({ must_beat: 'f1_score' }, { holders: [candidate] }).results[0]?.message).toBe(
      'no current holder of production to beat'
    )
  })
  test('a holder without the metric passes with a note', () => {
    const bare = makeVersion({ version: '1.0.0', stage: 'production' })
    expect(run({ must_beat: 'f1_score' }, { holders: [bare] }).results).toEqual([
      { gate: 'must_beat.f1_score', status: 'pass', message: 'nothing to beat: fraud@1.0.0 has no f1_score' }
    ])
    const measured = makeVersion({ version: '1.0.5', stage: 'production', metrics: { f1_score: 0.85 } })
    expect(run({ must_beat: 'f1_score' }, { holders: [bare, measured] }).results[0]?.message).toBe(
      'f1_score 0.9 beats fraud@1.0.5 0.85 (higher is better); fraud@1.0.0 has no f1_score'
    )
  })
  test('several holders must all be beaten', () => {
    const strong = makeVersion({ version: '1.0.5', stage: 'production', metrics: { f1_score: 0.95 } })
    const r = run({ must_beat: 'f1_score' }, { holders: [holder, strong] })
    expect(r.passed).toBe(false)
    expect(r.results[0]?.message).toBe('f1_score 0.9 does not beat fraud@1.0.5 0.95 (higher is better)')
  })
  test('a candidate without the metric fails', () => {
    const bare = makeVersion({ version: '2.0.0' })
    expect(run({ must_beat: 'f1_score' }, { candidate: bare }).results).toEqual([
      {
        gate: 'must_beat.f1_score',
        status: 'fail',
        message: 'f1_score is missing; production requires beating the current holder on it'
      }
    ])
  })
  test('must_beat null reports nothing', () => {
    expect(run({ must_beat: null }).results).toEqual([])
  })
})

describe('evaluateGates: review gates', () => {
  const gate: Gate = { min_approvals: 2, require_pull_request: true }
  test('locally they are not applicable, not silently passed', () => {
    const r = run(gate, { channel: 'local', approvals: undefined, viaPullRequest: undefined })
    expect(r).toEqual({
      passed: true,
      results: [
        {
          gate: 'min_approvals',
          status: 'not-applicable',
          message:
            '2 approval(s) required: no review channel locally; enforced on pull requests to the registry branch'
        },
        {
          gate: 'require_pull_request',
          status: 'not-applicable',
          message:
            'pull request required: no review channel locally; enforced on pull requests to the registry branch'
        }
      ]
    })
  })
  test('on a pull request they are evaluated', () => {
    expect(run(gate, { approvals: 2 }).results.map(r => r.status)).toEqual(['pass', 'pass'])
    const r = run(gate, { approvals: 1, viaPullRequest: false })
    expect(r.passed).toBe(false)
    expect(r.results).toEqual([
      {
        gate: 'min_approvals',
        status: 'fail',
        message: '1 approval(s), 2 required; get the pull request approved'
      },
      {
        gate: 'require_pull_request',
        status: 'fail',
        message: 'a move to production must come through a pull request; promote on GitHub opens one'
      }
    ])
    expect(run(gate, { approvals: undefined }).results[0]?.message).toBe(
      '0 approval(s), 2 required; get the pull request approved'
    )
  })
  test('require_pull_request false reports nothing', () => {
    expect(run({ require_pull_request: false }).results).toEqual([])
  })
})

describe('evaluateGates: the default policy', () => {
  test('staging has no gate; production has the review gates', () => {
    const base = { policy: defaultPolicy(), candidate, holders: [holder], channel: 'local' as const }
    expect(evaluateGates({ ...base, stage: 'staging' })).toEqual({ passed: true, results: [] })
    expect(evaluateGates({ ...base, stage: 'production' }).results.map(r => [r.gate, r.status])).toEqual([
      ['min_approvals', 'not-applicable'],
      ['require_pull_request', 'not-applicable']
    ])
  })
  test('all gates together; passed is false when any fails', () => {
    const r = run({ min_metrics: { f1_score: 0.5, recall: 0.1 }, must_beat: 'f1_score', min_approvals: 1 })
    expect(r.results.map(x => [x.gate, x.status])).toEqual([
      ['min_metrics.f1_score', 'pass'],
      ['min_metrics.recall', 'fail'],
      ['must_beat.f1_score', 'pass'],
      ['min_approvals', 'pass']
    ])
    expect(r.passed).toBe(false)
  })
})

describe('checkRequiredMetadata', () => {
  const policy = defaultPolicy()
  policy.require_metadata = [
    'notes',
    'dataset_version',
    'tags',
    'model_config',
    'performance_metrics.f1_score'
  ]
  test('passes for present, non-empty fields', () => {
    const doc = makeVersion({
      version: '1.0.0',
      notes: 'n',
      dataset_version: '2026-01',
      tags: ['x'],
      metrics: { f1_score: 0.5 }
    })
    doc.model_config = { depth: 3 }
    expect(checkRequiredMetadata(policy, doc)).toEqual([
      { gate: 'require_metadata.notes', status: 'pass', message: 'notes is set' },
      { gate: 'require_metadata.dataset_version', status: 'pass', message: 'dataset_version is set' },
      { gate: 'require_metadata.tags', status: 'pass', message: 'tags is set' },
      { gate: 'require_metadata.model_config', status: 'pass', message: 'model_config is set' },
      { gate: 'require_metadata.performance_metrics.f1_score', status: 'pass', message: 'f1_score = 0.5' }
    ])
  })
  test('fails for empty strings, null, empty arrays and objects, missing metrics', () => {
    const doc = makeVersion({ version: '1.0.0', notes: '  ' })
    expect(checkRequiredMetadata(policy, doc)).toEqual([
      {
        gate: 'require_metadata.notes',
        status: 'fail',
        message: 'notes is required by registry.json and is empty; set it when registering'
      },
      {
        gate: 'require_metadata.dataset_version',
        status: 'fail',
        message: 'dataset_version is required by registry.json and is empty; set it when registering'
      },
      {
        gate: 'require_metadata.tags',
        status: 'fail',
        message: 'tags is required by registry.json and is empty; set it when registering'
      },
      {
        gate: 'require_metadata.model_config',
        status: 'fail',
        message: 'model_config is required by registry.json and is empty; set it when registering'
      },
      {
        gate: 'require_metadata.performance_metrics.f1_score',
        status: 'fail',
        message: 'metric f1_score is required by registry.json; register it with a value'
      }
    ])
  })
  test('nothing required, nothing reported', () => {
    expect(checkRequiredMetadata(defaultPolicy(), makeVersion({ version: '1.0.0' }))).toEqual([])
  })
})
