import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { mergeMetrics, parseMetricAssignment, parseMetricsObject } from '../../../src/domain/metrics.js'
import { thrown } from './fixtures.js'

describe('parseMetricAssignment', () => {
  test.each([
    ['f1_score=0.91', ['f1_score', 0.91]],
    ['loss=-1.5', ['loss', -1.5]],
    ['n=1e3', ['n', 1000]],
    ['x=.5', ['x', 0.5]],
    ['x=+2', ['x', 2]],
    ['x=3.', ['x', 3]],
    ['a=b=1', null]
  ])('%s', (input, expected) => {
    if (expected) expect(parseMetricAssignment(input)).toEqual(expected)
    else expect(() => parseMetricAssignment(input)).toThrow('value must be a finite number')
  })

  test.each(['abc', 'NaN', 'Infinity', '-Infinity', '', '1e999', ' 1', '0x10', '1,5', '1_000'])(
    'refuses the value %j',
    value => {
      expect(thrown(() => parseMetricAssignment(`f1=${value}`))).toEqual({
        kind: 'invalid-input',
        message: `invalid metric "f1=${value}": the value must be a finite number, e.g. f1=0.91`
      })
    }
  )

  test('refuses a missing "="', () => {
    expect(thrown(() => parseMetricAssignment('f1'))).toEqual({
      kind: 'invalid-input',
      message: 'invalid metric "f1": write it as name=value, e.g. f1_score=0.91'
    })
  })

  test('refuses a bad metric name', () => {
    expect(thrown(() => parseMetricAssignment('1f=0.5')).message).toMatch(/^invalid metric name "1f"/)
    expect(thrown(() => parseMetricAssignment('=0.5')).message).toMatch(/^invalid metric name ""/)
  })

  test('property: every finite double round-trips through its decimal text', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), x => {
        const [, value] = parseMetricAssignment(`m=${String(x)}`)
        expect(Object.is(value, x) || (value === 0 && x === 0)).toBe(true)
      })
    )
  })
})

describe('parseMetricsObject', () => {
  test('returns a copy of a valid object', () => {
    const input = { f1_score: 0.9, recall: 1 }
    const out = parseMetricsObject(input, 'metrics.json')
    expect(out).toEqual({ f1_score: 0.9, recall: 1 })
    expect(out).not.toBe(input)
  })

  test.each([
    [[1, 2], 'metrics.json: metrics must be a JSON object of numbers, e.g. {"f1_score": 0.91}'],
    [null, 'metrics.json: metrics must be a JSON object of numbers, e.g. {"f1_score": 0.91}'],
    ['0.9', 'metrics.json: metrics must be a JSON object of numbers, e.g. {"f1_score": 0.91}'],
    [{ f1: '0.9' }, 'metrics.json: metric "f1" must be a finite number, got "0.9"'],
    [{ f1: null }, 'metrics.json: metric "f1" must be a finite number, got null'],
    [{ f1: Infinity }, 'metrics.json: metric "f1" must be a finite number, got null'],
    [{ f1: NaN }, 'metrics.json: metric "f1" must be a finite number, got null'],
    [{ f1: { v: 1 } }, 'metrics.json: metric "f1" must be a finite number, got {"v":1}'],
    [
      { 'bad key': 1 },
      `metrics.json: invalid metric name "bad key": use letters, digits, '_', '.' or '-', starting with a letter (max 64)`
    ]
  ])('refuses %j', (value, message) => {
    expect(thrown(() => parseMetricsObject(value, 'metrics.json'))).toEqual({
      kind: 'invalid-input',
      message
    })
  })

  test('refuses a __proto__ key from JSON.parse without touching prototypes', () => {
    const value: unknown = JSON.parse('{"__proto__": 1}')
    expect(thrown(() => parseMetricsObject(value, 'm.json')).message).toMatch(
      /invalid metric name "__proto__"/
    )
  })
})

describe('mergeMetrics', () => {
  test('later sets win, keys are unioned', () => {
    expect(mergeMetrics({ a: 1, b: 2 }, { b: 3 }, { c: 4 })).toEqual({ a: 1, b: 3, c: 4 })
    expect(mergeMetrics()).toEqual({})
  })
  test('does not mutate its inputs', () => {
    const first = { a: 1 }
    mergeMetrics(first, { a: 2 })
    expect(first).toEqual({ a: 1 })
  })
})
