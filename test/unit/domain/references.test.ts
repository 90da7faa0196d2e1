import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { deriveIndex } from '../../../src/domain/model-index.js'
import { defaultPolicy } from '../../../src/domain/policy.js'
import { formatReference, parseReference, resolveReference } from '../../../src/domain/references.js'
import { at, makeVersion, thrown } from './fixtures.js'

const FORMS =
  'use name, name@1.2.0, name@latest (highest version), name@newest (last registered), name@<stage> or a model_id such as name_20261127_143000'

describe('parseReference', () => {
  test.each([
    ['fraud@1.2.0', { kind: 'version', name: 'fraud', version: '1.2.0' }],
    ['fraud@v1.2.0', { kind: 'version', name: 'fraud', version: '1.2.0' }],
    ['fraud@1.0.0-rc.1', { kind: 'version', name: 'fraud', version: '1.0.0-rc.1' }],
    ['fraud@latest', { kind: 'latest', name: 'fraud' }],
    ['fraud@newest', { kind: 'newest', name: 'fraud' }],
    ['fraud', { kind: 'latest', name: 'fraud' }],
    ['fraud@production', { kind: 'stage', name: 'fraud', stage: 'production' }],
    ['fraud@my-stage_2', { kind: 'stage', name: 'fraud', stage: 'my-stage_2' }],
    [
      'isolation_forest_20261127_143000',
      { kind: 'model_id', model_id: 'isolation_forest_20261127_143000', name: 'isolation_forest' }
    ],
    ['m_20261127_143000_3', { kind: 'model_id', model_id: 'm_20261127_143000_3', name: 'm' }]
  ])('%s', (input, expected) => {
    expect(parseReference(input)).toEqual(expected)
  })

  test.each([
    ['', `empty reference: ${FORMS}`],
    ['fraud@', `invalid reference "fraud@": ${FORMS}`],
    ['fraud@Production', `invalid reference "fraud@Production": ${FORMS}`],
    ['fraud@a@b', `invalid reference "fraud@a@b": ${FORMS}`],
    [
      'fraud@1.2',
      `invalid reference "fraud@1.2" (invalid version "1.2": use all three parts MAJOR.MINOR.PATCH, e.g. 1.2.0); ${FORMS}`
    ],
    [
      'fraud@v1',
      `invalid reference "fraud@v1" (invalid version "1": use all three parts MAJOR.MINOR.PATCH, e.g. 1.0.0); ${FORMS}`
    ],
    [
      'Fraud@1.0.0',
      `invalid reference "Fraud@1.0.0" (invalid model name "Fraud": use lowercase letters, digits, '.', '_' or '-', starting with a letter or digit (max 63)); ${FORMS}`
    ],
    [
      '../x',
      `invalid reference "../x" (invalid model name "../x": '..' is not allowed; use lowercase letters, digits, '.', '_' or '-', starting with a letter or digit (max 63)); ${FORMS}`
    ],
    [
      '@1.0.0',
      `invalid reference "@1.0.0" (model name is empty: use lowercase letters, digits, '.', '_' or '-', starting with a letter or digit (max 63)); ${FORMS}`
    ],
    [
      'a b',
      `invalid reference "a b" (invalid model name "a b": use lowercase letters, digits, '.', '_' or '-', starting with a letter or digit (max 63)); ${FORMS}`
    ]
  ])('refuses %j', (input, message) => {
    expect(thrown(() => parseReference(input))).toEqual({ kind: 'invalid-input', message })
  })

  test('property: formatReference output parses back to the same version', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,10}$/),
        fc.tuple(fc.nat(50), fc.nat(50), fc.nat(50)),
        (name, [a, b, c]) => {
          const v = makeVersion({ name, version: `${a}.${b}.${c}` })
          expect(parseReference(formatReference(v))).toEqual({
            kind: 'version',
            name,
            version: `${a}.${b}.${c}`
          })
        }
      )
    )
  })
})

describe('resolveReference', () => {
  const policy = defaultPolicy()
  const v1 = makeVersion({ version: '1.0.0', registered_at: at(0), stage: 'deprecated' })
  const v2 = makeVersion({ version: '1.1.0', registered_at: at(10), stage: 'production' })
  const v3 = makeVersion({ version: '1.2.0', registered_at: at(20), stage: 'staging' })
  const v4 = makeVersion({ version: '1.3.0', registered_at: at(30), stage: 'archived', deleted: true })
  const index = deriveIndex('fraud', [v1, v2, v3, v4])
  const resolve = (input: string) => resolveReference(parseReference(input), index, policy)

  test('by version, with or without v', () => {
    expect(resolve('fraud@1.1.0')).toBe(v2)
    expect(resolve('fraud@v1.0.0')).toBe(v1)
  })
  test('latest is the highest version that is not archived', () => {
    expect(resolve('fraud@latest')).toBe(v3)
    expect(resolve('fraud')).toBe(v3)
  })
  test('latest is the highest semver, not the last registration; newest is the last registration', () => {
    const v1 = makeVersion({ version: '1.0.0', registered_at: at(0), model_id: 'fraud_20260101_000000' })
    const v09 = makeVersion({ version: '0.9.0', registered_at: at(10), model_id: 'fraud_20260101_001000' })
    const later = deriveIndex('fraud', [v1, v09])
    expect(resolveReference(parseReference('fraud@latest'), later, policy)).toBe(v1)
    expect(resolveReference(parseReference('fraud'), later, policy)).toBe(v1)
    expect(resolveReference(parseReference('fraud@newest'), later, policy)).toBe(v09)
  })
  test('latest takes a pre-release only when the model has no release', () => {
    const rc = makeVersion({
      version: '2.0.0-rc.1',
      registered_at: at(20),
      model_id: 'fraud_20260101_002000'
    })
    const release = makeVersion({
      version: '1.5.0',
      registered_at: at(10),
      model_id: 'fraud_20260101_001000'
    })
    const rc2 = makeVersion({
      version: '2.0.0-rc.2',
      registered_at: at(5),
      model_id: 'fraud_20260101_000500'
    })
    expect(
      resolveReference({ kind: 'latest', name: 'fraud' }, deriveIndex('fraud', [release, rc]), policy)
    ).toBe(release)
    expect(resolveReference({ kind: 'latest', name: 'fraud' }, deriveIndex('fraud', [rc, rc2]), policy)).toBe(
      rc2
    )
  })
  test('newest breaks registration-time ties by highest version', () => {
    const a = makeVersion({ version: '2.0.0', registered_at: at(5), model_id: 'fraud_20260101_000500' })
    const b = makeVersion({ version: '2.0.1', registered_at: at(5), model_id: 'fraud_20260101_000500_2' })
    const tied = deriveIndex('fraud', [b, a])
    expect(resolveReference({ kind: 'newest', name: 'fraud' }, tied, policy)).toBe(b)
  })
  test('newest skips archived versions', () => {
    expect(resolve('fraud@newest')).toBe(v3)
  })
  test('stage gives its holder, newest registration first', () => {
    expect(resolve('fraud@production')).toBe(v2)
    const second = makeVersion({ version: '1.4.0', registered_at: at(40), stage: 'staging' })
    const twoStaging = deriveIndex('fraud', [v3, second])
    expect(resolveReference({ kind: 'stage', name: 'fraud', stage: 'staging' }, twoStaging, policy)).toBe(
      second
    )
  })
  test('model_id', () => {
    expect(resolve(v1.model_id)).toBe(v1)
  })
  test('an explicit version resolves even when archived', () => {
    expect(resolve('fraud@1.3.0')).toBe(v4)
  })

  test('a missing model is not-found with the list hint', () => {
    expect(thrown(() => resolveReference(parseReference('nope@latest'), null, policy))).toEqual({
      kind: 'not-found',
      message: `no model named "nope"; the list command shows the registered models`
    })
  })
  test.each([
    ['fraud@9.9.9', `"fraud" has no version 9.9.9; the list command (name fraud) shows its versions`],
    [
      'fraud@canary',
      `no version of "fraud" is in stage "canary" (fraud@canary); the list command (name fraud) shows its versions`
    ],
    [
      'fraud_20991231_235959',
      `no version of "fraud" has model_id fraud_20991231_235959; the list command (name fraud) shows its versions`
    ]
  ])('%s matches nothing', (input, message) => {
    expect(thrown(() => resolve(input))).toEqual({ kind: 'not-found', message })
  })
  test('an unknown stage is invalid input, listing the stages', () => {
    expect(thrown(() => resolve('fraud@prod'))).toEqual({
      kind: 'invalid-input',
      message:
        'unknown stage "prod": use one of development, staging, canary, production, shadow, deprecated, archived'
    })
  })
  test.each(['latest', 'newest'] as const)('%s with only archived versions is not-found', kind => {
    const onlyArchived = deriveIndex('fraud', [v4])
    expect(thrown(() => resolveReference({ kind, name: 'fraud' }, onlyArchived, policy))).toEqual({
      kind: 'not-found',
      message: '"fraud" has no version that is not archived; register a new one'
    })
  })
  test('formatReference', () => {
    expect(formatReference(v2)).toBe('fraud@1.1.0')
  })
})
