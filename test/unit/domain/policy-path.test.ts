import { describe, expect, test } from '@jest/globals'
import {
  formatPolicyPath,
  parsePolicyPath,
  parsePolicyValue,
  valueAt,
  withValueAt
} from '../../../src/domain/policy-path.js'
import { thrown } from './fixtures.js'

const FORMS =
  'use a JSON path such as retention.keep_last, gates.production.min_metrics.f1_score, stages[0] or metrics["val.auc"].lower_is_better'

describe('parsePolicyPath', () => {
  test.each<[string, (string | number)[]]>([
    ['retention.keep_last', ['retention', 'keep_last']],
    ['$.retention.keep_last', ['retention', 'keep_last']],
    ['gates.production.min_metrics.f1_score', ['gates', 'production', 'min_metrics', 'f1_score']],
    ['stages[2]', ['stages', 2]],
    ['transitions.staging[0]', ['transitions', 'staging', 0]],
    ['metrics["val.auc"].lower_is_better', ['metrics', 'val.auc', 'lower_is_better']],
    ['gates.production.min_metrics["val.auc"]', ['gates', 'production', 'min_metrics', 'val.auc']]
  ])('%s', (input, expected) => {
    expect(parsePolicyPath(input)).toEqual(expected)
    expect(parsePolicyPath(formatPolicyPath(expected))).toEqual(expected)
  })

  test.each<[string, string]>([
    ['', 'it is empty'],
    ['a..b', 'it has an empty segment'],
    ['a.', 'it ends with "."'],
    ['stages[x]', '[x] is neither an index nor a quoted name'],
    ['stages[0', 'a "[" is not closed'],
    ['stages[0]x', 'a "]" must be followed by "." or "["'],
    ['__proto__.x', 'it names a reserved property']
  ])('refuses %j', (input, why) => {
    expect(thrown(() => parsePolicyPath(input))).toEqual({
      kind: 'invalid-input',
      message: `invalid policy key "${input}": ${why}; ${FORMS}`
    })
  })
})

describe('values', () => {
  test('JSON when it parses, else the text', () => {
    expect(parsePolicyValue('25')).toBe(25)
    expect(parsePolicyValue('true')).toBe(true)
    expect(parsePolicyValue('null')).toBeNull()
    expect(parsePolicyValue('["a","b"]')).toEqual(['a', 'b'])
    expect(parsePolicyValue('{"metric":"f1"}')).toEqual({ metric: 'f1' })
    expect(parsePolicyValue('remove')).toBe('remove')
    expect(parsePolicyValue('{not json')).toBe('{not json')
  })

  test('withValueAt copies, creates missing objects, and refuses what cannot hold the key', () => {
    const doc = { gates: { production: { min_approvals: 1 } }, stages: ['a', 'b'] }
    const edited = withValueAt(doc, ['gates', 'staging', 'min_metrics', 'f1'], 0.8, 'k')
    expect(edited).toEqual({
      gates: { production: { min_approvals: 1 }, staging: { min_metrics: { f1: 0.8 } } },
      stages: ['a', 'b']
    })
    expect(doc.gates).toEqual({ production: { min_approvals: 1 } })
    expect(withValueAt(doc, ['stages', 2], 'c', 'k')).toEqual({ ...doc, stages: ['a', 'b', 'c'] })
    expect(valueAt(edited, ['gates', 'staging', 'min_metrics', 'f1'])).toBe(0.8)
    expect(valueAt(edited, ['gates', 'nope', 'x'])).toBeUndefined()
    expect(thrown(() => withValueAt(doc, ['stages', 5], 'x', 'stages[5]')).message).toBe(
      'invalid policy key "stages[5]": the list has 2 item(s); use an index up to 2'
    )
    expect(thrown(() => withValueAt(doc, ['stages', 'x'], 1, 'stages.x')).message).toBe(
      'invalid policy key "stages.x": "x" is inside something that is not an object'
    )
    expect(thrown(() => withValueAt(doc, ['gates', 0], 1, 'gates[0]')).message).toBe(
      'invalid policy key "gates[0]": [0] indexes something that is not a list'
    )
  })
})
