import { describe, expect, test } from '@jest/globals'
import {
  compareModels,
  describeBest,
  describeMetric,
  type MetricRow
} from '../../../src/domain/comparison.js'
import { defaultPolicy } from '../../../src/domain/policy.js'
import { at, makeVersion, thrown } from './fixtures.js'

const v1 = makeVersion({
  version: '1.0.0',
  registered_at: at(0),
  metrics: { f1_score: 0.85, precision: 0.82, recall: 0.88 }
})
const v2 = makeVersion({
  version: '1.1.0',
  registered_at: at(10),
  stage: 'production',
  metrics: { f1_score: 0.9, precision: 0.87, recall: 0.93, auc: 0.92 }
})

describe('compareModels', () => {
  test('the comparison of the Python registry this replaces: deltas and relative change vs the first version', () => {
    const c = compareModels([v1, v2])
    expect(c.versions).toEqual([
      { ref: 'fraud@1.0.0', model_id: v1.model_id, stage: 'development', registered_at: at(0) },
      { ref: 'fraud@1.1.0', model_id: v2.model_id, stage: 'production', registered_at: at(10) }
    ])
    expect(c.metrics.map(m => m.metric)).toEqual(['auc', 'f1_score', 'precision', 'recall'])
    const f1 = c.metrics[1]
    expect(f1?.values).toEqual([0.85, 0.9])
    expect(f1?.deltas[0]).toBe(0)
    expect(f1?.deltas[1]).toBeCloseTo(0.05, 12)
    expect(f1?.relative[0]).toBe(0)
    expect(f1?.relative[1]).toBeCloseTo(0.0588235294, 9) // the Python registry's +5.9%
    expect(f1?.best).toBe(1)
    expect(c.metrics[0]).toEqual({
      metric: 'auc',
      values: [null, 0.92],
      deltas: [null, null],
      relative: [null, null],
      better: 'higher',
      best: 1,
      tied: []
    })
  })

  test('relative is null for a zero base; a tie is reported as one; negatives compare by value', () => {
    const a = makeVersion({ version: '1.0.0', metrics: { z: 0, t: 0.5, loss: -2 } })
    const b = makeVersion({ version: '1.0.1', metrics: { z: 1, t: 0.5, loss: -1 } })
    const c = makeVersion({ version: '1.0.2', metrics: { t: 0.5, loss: -4 } })
    const r = compareModels([a, b, c])
    expect(r.metrics).toEqual([
      {
        metric: 'loss',
        values: [-2, -1, -4],
        deltas: [0, 1, -2],
        relative: [0, 0.5, -1],
        better: 'higher',
        best: 1,
        tied: []
      },
      {
        metric: 't',
        values: [0.5, 0.5, 0.5],
        deltas: [0, 0, 0],
        relative: [0, 0, 0],
        better: 'higher',
        best: null,
        tied: [0, 1, 2]
      },
      {
        metric: 'z',
        values: [0, 1, null],
        deltas: [0, 1, null],
        relative: [null, null, null],
        better: 'higher',
        best: 1,
        tied: []
      }
    ])
  })

  test('a metric the policy calls lower-is-better has its lowest value best; a tie for best is a tie', () => {
    const policy = defaultPolicy()
    policy.metrics = { latency_ms: { lower_is_better: true } }
    const a = makeVersion({ version: '1.0.0', metrics: { latency_ms: 12, f1: 0.9 } })
    const b = makeVersion({ version: '1.0.1', metrics: { latency_ms: 9, f1: 0.9 } })
    const c = makeVersion({ version: '1.0.2', metrics: { latency_ms: 30, f1: 0.8 } })
    const [f1, latency] = compareModels([a, b, c], policy).metrics
    expect(latency).toMatchObject({ metric: 'latency_ms', better: 'lower', best: 1, tied: [] })
    expect(f1).toMatchObject({ metric: 'f1', better: 'higher', best: null, tied: [0, 1] })
    const refs = ['fraud@1.0.0', 'fraud@1.0.1', 'fraud@1.0.2']
    expect(describeBest(f1 as MetricRow, refs)).toBe('tie: fraud@1.0.0, fraud@1.0.1')
    expect(describeBest(latency as MetricRow, refs)).toBe('fraud@1.0.1')
    expect(describeMetric(latency as MetricRow)).toBe('latency_ms (lower is better)')
    // Without the policy, the highest latency would be "best".
    expect(compareModels([a, b, c]).metrics[1]).toMatchObject({ better: 'higher', best: 2 })
  })

  test('needs at least two versions', () => {
    expect(thrown(() => compareModels([v1]))).toEqual({
      kind: 'invalid-input',
      message: 'compare needs at least 2 versions, got 1; name two or more references'
    })
    expect(thrown(() => compareModels([])).kind).toBe('invalid-input')
  })

  test('no metrics at all gives no rows', () => {
    expect(
      compareModels([makeVersion({ version: '1.0.0' }), makeVersion({ version: '1.0.1' })]).metrics
    ).toEqual([])
  })
})
