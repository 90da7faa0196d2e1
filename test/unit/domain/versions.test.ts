import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import semver from 'semver'
import {
  compareSemver,
  nextVersion,
  parseBump,
  parseVersion,
  sortVersions
} from '../../../src/domain/versions.js'
import { thrown } from './fixtures.js'

describe('parseVersion', () => {
  test.each(['1.2.3', '0.0.0', '10.20.30', '1.0.0-rc.1', '1.0.0+build.5', '1.0.0-alpha-1+sha.abc'])(
    'accepts %s unchanged',
    v => {
      expect(parseVersion(v)).toBe(v)
    }
  )

  test.each([
    ['v1.2.3', 'invalid version "v1.2.3": write it without the leading "v", e.g. 1.2.3'],
    ['V1.2.3', 'invalid version "V1.2.3": write it without the leading "v", e.g. 1.2.3'],
    ['1.2', 'invalid version "1.2": use all three parts MAJOR.MINOR.PATCH, e.g. 1.2.0'],
    ['1', 'invalid version "1": use all three parts MAJOR.MINOR.PATCH, e.g. 1.0.0'],
    ['01.2.3', 'invalid version "01.2.3": use semantic versioning MAJOR.MINOR.PATCH, e.g. 1.2.0'],
    [' 1.2.3', 'invalid version " 1.2.3": use semantic versioning MAJOR.MINOR.PATCH, e.g. 1.2.0'],
    ['1.2.3.4', 'invalid version "1.2.3.4": use semantic versioning MAJOR.MINOR.PATCH, e.g. 1.2.0'],
    ['latest', 'invalid version "latest": use semantic versioning MAJOR.MINOR.PATCH, e.g. 1.2.0'],
    ['', 'invalid version "": use semantic versioning MAJOR.MINOR.PATCH, e.g. 1.2.0'],
    [
      '99999999999999999.0.0',
      'invalid version "99999999999999999.0.0": use semantic versioning MAJOR.MINOR.PATCH, e.g. 1.2.0'
    ]
  ])('refuses %j', (input, message) => {
    expect(thrown(() => parseVersion(input))).toEqual({ kind: 'invalid-input', message })
  })
})

describe('parseBump', () => {
  test.each(['patch', 'minor', 'major'] as const)('accepts %s', b => expect(parseBump(b)).toBe(b))
  test.each(['Patch', '', 'prerelease'])('refuses %j', b => {
    expect(thrown(() => parseBump(b))).toEqual({
      kind: 'invalid-input',
      message: `invalid bump "${b}": use patch, minor or major`
    })
  })
})

describe('nextVersion', () => {
  test('starts at 1.0.0 like the Python registry this replaces', () => {
    expect(nextVersion([], 'patch')).toBe('1.0.0')
    expect(nextVersion([], 'major')).toBe('1.0.0')
  })
  test('bumps the highest release, not the last in the list', () => {
    expect(nextVersion(['1.0.0', '1.2.0', '1.1.5'], 'patch')).toBe('1.2.1')
    expect(nextVersion(['1.0.0', '1.2.0', '1.1.5'], 'minor')).toBe('1.3.0')
    expect(nextVersion(['1.0.0', '1.2.0', '1.1.5'], 'major')).toBe('2.0.0')
    expect(nextVersion(['1.9.0', '1.10.0'], 'patch')).toBe('1.10.1')
  })
  test('a pre-release ahead of the highest release is finalised rather than passed under', () => {
    expect(nextVersion(['1.0.0', '1.2.0-rc.1'], 'patch')).toBe('1.2.0')
    expect(nextVersion(['1.0.0', '1.0.1-rc.1'], 'patch')).toBe('1.0.1')
    expect(nextVersion(['1.0.0', '1.0.1-rc.1'], 'minor')).toBe('1.1.0')
    expect(nextVersion(['2.0.0-rc.1'], 'patch')).toBe('2.0.0')
    expect(nextVersion(['1.0.0-rc.1'], 'patch')).toBe('1.0.0')
  })
  test('a build variant of the candidate is stepped over', () => {
    expect(nextVersion(['1.0.0', '1.0.1+b7'], 'patch')).toBe('1.0.2')
  })

  const version = fc
    .tuple(
      fc.nat({ max: 20 }),
      fc.nat({ max: 20 }),
      fc.nat({ max: 20 }),
      fc.option(fc.constantFrom('alpha', 'rc.1', 'rc.2', 'beta.3'), { nil: undefined }),
      fc.option(fc.constantFrom('b1', 'sha.5'), { nil: undefined })
    )
    .map(([a, b, c, pre, build]) => `${a}.${b}.${c}${pre ? `-${pre}` : ''}${build ? `+${build}` : ''}`)

  test('property: the next version is valid and greater than every existing version', () => {
    fc.assert(
      fc.property(
        fc.array(version, { maxLength: 12 }),
        fc.constantFrom('patch', 'minor', 'major'),
        (existing, bump) => {
          const next = nextVersion(existing, bump as 'patch')
          expect(parseVersion(next)).toBe(next)
          expect(semver.prerelease(next)).toBeNull()
          for (const v of existing) expect(semver.gt(next, v)).toBe(true)
        }
      )
    )
  })
})

describe('sortVersions / compareSemver', () => {
  test('sorts by semver precedence, not text', () => {
    expect(sortVersions(['1.10.0', '1.2.0', '1.0.0-rc.1', '1.0.0', '0.9.9'])).toEqual([
      '0.9.9',
      '1.0.0-rc.1',
      '1.0.0',
      '1.2.0',
      '1.10.0'
    ])
  })
  test('does not mutate its input', () => {
    const input = ['2.0.0', '1.0.0']
    sortVersions(input)
    expect(input).toEqual(['2.0.0', '1.0.0'])
  })
  test('orders build variants deterministically', () => {
    expect(compareSemver('1.0.0+a', '1.0.0+b')).toBe(-1)
    expect(compareSemver('1.0.0', '1.0.0')).toBe(0)
    expect(compareSemver('2.0.0', '1.0.0')).toBe(1)
  })
})
