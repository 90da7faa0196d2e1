/** How the Python registry's metadata values map to this registry's (src/domain/legacy.ts). */
import { describe, expect, test } from '@jest/globals'
import { mapLegacyModelId, mapLegacyStage, mapLegacyTime, mapLegacyVersion } from '../../src/domain/legacy.js'
import { defaultPolicy } from '../../src/domain/policy.js'

const where = 'metadata/x/x_20250101_000000.json'

describe('versions', () => {
  test.each([
    ['1.2.3', '1.2.3'],
    ['v1.2.3', '1.2.3'],
    ['V2.0.0-rc.1', '2.0.0-rc.1'],
    ['1.0', '1.0.0'],
    ['v1.2', '1.2.0'],
    ['3', '3.0.0'],
    ['1.0.0+build.7', '1.0.0+build.7']
  ])('%s → %s', (legacy, mapped) => {
    expect(mapLegacyVersion(legacy, where)).toBe(mapped)
  })

  test.each(['latest', '1.02', '1.2.3.4', '', ' 1.0.0', '1.0-rc1', 'vv1.0.0'])(
    '"%s" is refused, naming the file',
    legacy => {
      expect(() => mapLegacyVersion(legacy, where)).toThrow(where)
    }
  )

  test('a number is refused (1.10 and 1.1 would be the same JSON number)', () => {
    expect(() => mapLegacyVersion(1.1, where)).toThrow(/must be a string/)
  })
})

describe('model ids', () => {
  test('kept when they fit, seconds added to the short _HHMM form, anything else refused', () => {
    expect(mapLegacyModelId('isolation_forest_20251113_131008', where)).toBe(
      'isolation_forest_20251113_131008'
    )
    expect(mapLegacyModelId('isolation_forest_20241205_1430', where)).toBe('isolation_forest_20241205_143000')
    expect(() => mapLegacyModelId('isolation_forest_2024', where)).toThrow(where)
    expect(() => mapLegacyModelId(42, where)).toThrow(where)
  })
})

describe('times', () => {
  test('zone-less times are UTC, zoned ones keep their instant', () => {
    expect(mapLegacyTime('2024-12-05T14:30:00', 'created_at', where)).toBe('2024-12-05T14:30:00.000Z')
    expect(mapLegacyTime('2024-12-05T14:30:00.123456', 'created_at', where)).toBe('2024-12-05T14:30:00.123Z')
    expect(mapLegacyTime('2024-12-05 14:30', 'created_at', where)).toBe('2024-12-05T14:30:00.000Z')
    expect(mapLegacyTime('2024-12-05T14:30:00+02:00', 'created_at', where)).toBe('2024-12-05T12:30:00.000Z')
    expect(() => mapLegacyTime('yesterday', 'created_at', where)).toThrow(/created_at "yesterday"/)
    expect(() => mapLegacyTime('2024-13-45T99:00:00', 'created_at', where)).toThrow(where)
  })
})

describe('stages', () => {
  const policy = defaultPolicy()
  test('the policy stages, case-insensitive, dev as development; archived and unknown refused', () => {
    expect(mapLegacyStage('PRODUCTION', policy, where)).toBe('production')
    expect(mapLegacyStage('dev', policy, where)).toBe('development')
    expect(() => mapLegacyStage('archived', policy, where)).toThrow(where)
    expect(() => mapLegacyStage('live', policy, where)).toThrow(/"live" is not one of development/)
  })
})
