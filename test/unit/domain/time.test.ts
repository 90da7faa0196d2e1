import { describe, expect, test } from '@jest/globals'
import { formatBytes, parseTime, relativeTime } from '../../../src/domain/time.js'
import { thrown } from './fixtures.js'

const NOW = new Date('2026-11-27T14:30:00Z')

describe('parseTime', () => {
  test.each([
    ['30m', '2026-11-27T14:00:00.000Z'],
    ['12h', '2026-11-27T02:30:00.000Z'],
    ['3d', '2026-11-24T14:30:00.000Z'],
    ['2w', '2026-11-13T14:30:00.000Z'],
    ['45s', '2026-11-27T14:29:15.000Z'],
    ['0m', '2026-11-27T14:30:00.000Z'],
    ['2026-11-01', '2026-11-01T00:00:00.000Z'],
    ['2026-11-01T10:00:00Z', '2026-11-01T10:00:00.000Z'],
    ['2026-11-01T10:00:00.250Z', '2026-11-01T10:00:00.250Z'],
    ['2026-11-01T10:00:00+02:00', '2026-11-01T08:00:00.000Z'],
    ['2026-11-01T10:00:00-0130', '2026-11-01T11:30:00.000Z'],
    ['2026-11-01T10:00', '2026-11-01T10:00:00.000Z'],
    ['2026-11-01 10:00:00', '2026-11-01T10:00:00.000Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z']
  ])('%s', (input, iso) => {
    expect(parseTime(input, NOW).toISOString()).toBe(iso)
  })
  test.each([
    '',
    'yesterday',
    '3 days',
    '3x',
    '-3d',
    '2026-02-30',
    '2026-13-01',
    '2026-11-01T25:00:00Z',
    '26-11-01',
    '1e3d'
  ])('refuses %j', input => {
    expect(thrown(() => parseTime(input, NOW))).toEqual({
      kind: 'invalid-input',
      message: `invalid time "${input}": use an ISO 8601 date or time (2026-11-27, 2026-11-27T14:30:00Z) or an age like 30m, 12h, 3d, 2w`
    })
  })
})

describe('relativeTime', () => {
  test.each([
    ['2026-11-27T14:30:00Z', 'just now'],
    ['2026-11-27T14:29:20Z', 'just now'],
    ['2026-11-27T14:29:00Z', '1 minute ago'],
    ['2026-11-27T14:27:00Z', '3 minutes ago'],
    ['2026-11-27T13:30:00Z', '1 hour ago'],
    ['2026-11-27T02:30:00Z', '12 hours ago'],
    ['2026-11-25T14:30:00Z', '2 days ago'],
    ['2026-09-27T14:30:00Z', '2 months ago'],
    ['2024-11-27T14:30:00Z', '2 years ago'],
    ['2026-11-27T14:35:00Z', 'in 5 minutes'],
    ['not a date', 'not a date']
  ])('%s → %s', (iso, text) => {
    expect(relativeTime(iso, NOW)).toBe(text)
  })
})

describe('formatBytes', () => {
  test.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1.0 KiB'],
    [1536, '1.5 KiB'],
    [1048576, '1.0 MiB'],
    [1048575, '1.0 MiB'],
    [2147483000, '2.0 GiB'],
    [5 * 1024 ** 4, '5.0 TiB'],
    [3 * 1024 ** 6, '3072.0 PiB']
  ])('%d → %s', (n, text) => {
    expect(formatBytes(n)).toBe(text)
  })
})
