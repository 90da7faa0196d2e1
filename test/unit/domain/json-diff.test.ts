import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { firstDifference, jsonEqual } from '../../../src/domain/json-diff.js'

describe('firstDifference', () => {
  test('equal JSON, key order ignored', () => {
    expect(firstDifference({ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 })).toBeNull()
  })
  test.each([
    [{ a: 1 }, { a: 2 }, '$.a'],
    [{ a: [1, 2] }, { a: [1, 3] }, '$.a[1]'],
    [{ a: [1] }, { a: [1, 2] }, '$.a'],
    [{ a: { b: 1 } }, { a: { b: 1, c: 2 } }, '$.a.c'],
    [{ 'x-y': 1 }, { 'x-y': 2 }, '$["x-y"]'],
    [{ a: null }, { a: {} }, '$.a'],
    [[], {}, '$'],
    ['1', 1, '$']
  ])('%j vs %j → %s', (x, y, path) => {
    expect(firstDifference(x, y)).toBe(path)
    expect(jsonEqual(x, y)).toBe(false)
  })
  test('property: a JSON value equals its own round-trip through JSON text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), v => {
        expect(firstDifference(v, JSON.parse(JSON.stringify(v)))).toBeNull()
      })
    )
  })
})
