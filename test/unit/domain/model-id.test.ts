import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import {
  MODEL_ID_PATTERN,
  formatTimestamp,
  isModelId,
  makeModelId,
  nameFromModelId
} from '../../../src/domain/model-id.js'
import { thrown } from './fixtures.js'

const T = new Date('2026-11-27T14:30:00Z')

describe('formatTimestamp', () => {
  test('formats UTC, zero-padded', () => {
    expect(formatTimestamp(T)).toBe('20261127_143000')
    expect(formatTimestamp(new Date('2026-01-02T03:04:05.999Z'))).toBe('20260102_030405')
    expect(formatTimestamp(new Date('2026-11-27T23:30:00-05:00'))).toBe('20261128_043000')
  })
  test('refuses an invalid date', () => {
    expect(thrown(() => formatTimestamp(new Date('nope'))).kind).toBe('invalid-input')
  })
})

describe('makeModelId', () => {
  test('is <name>_<ts> when free', () => {
    expect(makeModelId('isolation_forest', T, new Set())).toBe('isolation_forest_20261127_143000')
  })
  test('adds _2, _3… on collision', () => {
    const base = 'm_20261127_143000'
    expect(makeModelId('m', T, new Set([base]))).toBe(`${base}_2`)
    expect(makeModelId('m', T, new Set([base, `${base}_2`]))).toBe(`${base}_3`)
    expect(makeModelId('m', T, new Set([`${base}_2`]))).toBe(base)
  })
  test('refuses an invalid name', () => {
    expect(thrown(() => makeModelId('Bad Name', T, new Set())).kind).toBe('invalid-input')
  })

  const name = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,20}$/)
  test('property: never returns a taken id, always a well-formed id of that name', () => {
    fc.assert(
      fc.property(
        name,
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        fc.nat({ max: 6 }),
        fc.array(fc.string(), { maxLength: 3 }),
        (n, date, collisions, noise) => {
          const base = `${n}_${formatTimestamp(date)}`
          const taken = new Set([
            ...noise,
            base,
            ...Array.from({ length: collisions }, (_, i) => `${base}_${i + 2}`)
          ])
          const id = makeModelId(n, date, taken)
          expect(taken.has(id)).toBe(false)
          expect(id).toBe(`${base}_${collisions + 2}`)
          expect(isModelId(id)).toBe(true)
          expect(nameFromModelId(id)).toBe(n)
        }
      )
    )
  })
})

describe('isModelId / nameFromModelId', () => {
  test.each([
    ['isolation_forest_20261127_143000', 'isolation_forest'],
    ['m_20261127_143000_2', 'm'],
    ['a_20240101_120000_20250101_000000', 'a_20240101_120000'],
    ['theft-detector.v2_20261127_143000_17', 'theft-detector.v2']
  ])('%s → %s', (id, name) => {
    expect(isModelId(id)).toBe(true)
    expect(nameFromModelId(id)).toBe(name)
  })
  test.each(['isolation_forest', 'm_2026112_143000', 'M_20261127_143000', 'm_20261127_1430', ''])(
    'rejects %j',
    id => {
      expect(isModelId(id)).toBe(false)
      expect(MODEL_ID_PATTERN.test(id)).toBe(false)
      expect(thrown(() => nameFromModelId(id))).toEqual({
        kind: 'invalid-input',
        message: `invalid model_id "${id}": expected <name>_<YYYYMMDD>_<HHMMSS>, e.g. isolation_forest_20261127_143000`
      })
    }
  )
})
