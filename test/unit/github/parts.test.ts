import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { DEFAULT_MAX_PART_BYTES, planParts } from '../../../src/stores/github-release/parts.js'

describe('planParts', () => {
  test('a file that fits is one part: the file itself', () => {
    expect(planParts(1000, 1000)).toEqual([{ index: 0, start: 0, end: 999, size: 1000 }])
    expect(planParts(5)).toEqual([{ index: 0, start: 0, end: 4, size: 5 }])
  })

  test('3500 bytes with 1000-byte parts → 4 parts, the last one short', () => {
    expect(planParts(3500, 1000)).toEqual([
      { index: 0, start: 0, end: 999, size: 1000 },
      { index: 1, start: 1000, end: 1999, size: 1000 },
      { index: 2, start: 2000, end: 2999, size: 1000 },
      { index: 3, start: 3000, end: 3499, size: 500 }
    ])
  })

  test('an exact multiple has no empty trailing part', () => {
    expect(planParts(3000, 1000).map(p => p.size)).toEqual([1000, 1000, 1000])
  })

  test('an empty file is one empty part', () => {
    expect(planParts(0, 1000)).toEqual([{ index: 0, start: 0, end: -1, size: 0 }])
  })

  test('the default limit stays under 2 GiB', () => {
    expect(DEFAULT_MAX_PART_BYTES).toBeLessThan(2 * 1024 ** 3)
    expect(planParts(5 * 1024 ** 3)).toHaveLength(3)
  })

  test('refuses nonsense sizes with a message naming the setting', () => {
    expect(() => planParts(10, 0)).toThrow(/max_part_bytes/)
    expect(() => planParts(10, 1.5)).toThrow(/max_part_bytes/)
    expect(() => planParts(-1, 10)).toThrow(/invalid file size/)
  })

  test('parts are contiguous, cover the file exactly, and respect the limit', () => {
    fc.assert(
      // at most ~60 parts per case: enough to cover the edges, cheap to check
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 0, max: 60 }),
        fc.nat(),
        (max, n, extra) => {
          const size = Math.min(max * n + (extra % max), Number.MAX_SAFE_INTEGER)
          const parts = planParts(size, max)
          let next = 0
          parts.forEach((part, i) => {
            expect(part.index).toBe(i)
            expect(part.start).toBe(next)
            expect(part.end - part.start + 1).toBe(part.size)
            expect(part.size).toBeLessThanOrEqual(max)
            if (parts.length > 1) expect(part.size).toBeGreaterThan(0)
            next = part.end + 1
          })
          expect(next).toBe(size)
          expect(parts.length).toBe(Math.max(1, Math.ceil(size / max)))
        }
      )
    )
  })
})
