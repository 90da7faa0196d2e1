import { versionFilePath } from '../../../src/domain/layout.js'
import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import {
  checkIndexConsistency,
  deriveIndex,
  indexPath,
  removeVersions,
  upsertVersions,
  versionPath
} from '../../../src/domain/model-index.js'
import { validateModelIndex } from '../../../src/domain/validate.js'
import { at, makeVersion, thrown } from './fixtures.js'

const v100 = makeVersion({ version: '1.0.0', registered_at: at(0), stage: 'deprecated' })
const v110 = makeVersion({ version: '1.1.0', registered_at: at(10), stage: 'production' })
const v120 = makeVersion({ version: '1.2.0', registered_at: at(20), stage: 'staging' })
const v130 = makeVersion({ version: '1.3.0', registered_at: at(30), stage: 'staging' })
const v090 = makeVersion({ version: '0.9.0', registered_at: at(-10), stage: 'archived', deleted: true })

describe('paths', () => {
  test('version and index paths', () => {
    expect(versionPath('fraud', '1.2.0')).toBe(versionFilePath('fraud', '1.2.0'))
    expect(indexPath('fraud')).toBe('models/fraud/index.json')
  })
  test('refuse anything that is not a safe segment', () => {
    expect(thrown(() => versionPath('../x', '1.0.0')).kind).toBe('invalid-input')
    expect(thrown(() => versionPath('fraud', '../../1.0.0')).kind).toBe('invalid-input')
    expect(thrown(() => indexPath('a/b')).kind).toBe('invalid-input')
  })
})

describe('deriveIndex', () => {
  test('orders by registration and maps stages newest first, archived included', () => {
    const index = deriveIndex('fraud', [v130, v100, v120, v090, v110])
    expect(index.versions.map(v => v.version)).toEqual(['0.9.0', '1.0.0', '1.1.0', '1.2.0', '1.3.0'])
    expect(index.stages).toEqual({
      archived: ['0.9.0'],
      deprecated: ['1.0.0'],
      production: ['1.1.0'],
      staging: ['1.3.0', '1.2.0']
    })
    expect(Object.keys(index.stages)).toEqual(['archived', 'deprecated', 'production', 'staging'])
    expect(validateModelIndex(index, 'models/fraud/index.json')).toBe(index)
  })
  test('same registration instant: lower version first; instants compare as times, not text', () => {
    const a = makeVersion({
      version: '2.0.1',
      registered_at: '2026-01-01T00:00:00.000Z',
      model_id: 'fraud_20260101_000000_2'
    })
    const b = makeVersion({ version: '2.0.0', registered_at: '2026-01-01T00:00:00Z' })
    const c = makeVersion({
      version: '1.0.0',
      registered_at: '2026-01-01T01:00:00+02:00',
      model_id: 'fraud_20251231_230000'
    })
    expect(deriveIndex('fraud', [a, b, c]).versions.map(v => v.version)).toEqual(['1.0.0', '2.0.0', '2.0.1'])
  })
  test('an empty model has no versions and no stages', () => {
    expect(deriveIndex('fraud', [])).toEqual({ schema_version: 1, name: 'fraud', versions: [], stages: {} })
  })
  test('refuses a document of another model or a duplicate version', () => {
    const other = makeVersion({ name: 'other', version: '1.0.0' })
    expect(thrown(() => deriveIndex('fraud', [other]))).toEqual({
      kind: 'integrity',
      message: `${versionFilePath('fraud', '1.0.0')}: name is "other" but the file is under models/fraud/; fix the document or move it`
    })
    expect(thrown(() => deriveIndex('fraud', [v100, { ...v100 }]))).toEqual({
      kind: 'integrity',
      message: 'models/fraud/index.json: version 1.0.0 appears twice; keep one document per version'
    })
  })

  test('property: the index does not depend on the order of the version files', () => {
    const arb = fc
      .uniqueArray(
        fc.record({
          patch: fc.nat(40),
          minute: fc.nat(20),
          stage: fc.constantFrom('development', 'staging', 'production')
        }),
        { selector: r => r.patch, maxLength: 20 }
      )
      .map(rs =>
        rs.map((r, i) =>
          makeVersion({
            version: `1.0.${r.patch}`,
            registered_at: at(r.minute),
            stage: r.stage,
            model_id: `fraud_20260101_000000_${i + 2}`
          })
        )
      )
      .chain(vs => fc.tuple(fc.constant(vs), fc.shuffledSubarray(vs, { minLength: vs.length })))
    fc.assert(
      fc.property(arb, ([versions, shuffled]) => {
        const a = deriveIndex('fraud', versions)
        expect(JSON.stringify(deriveIndex('fraud', shuffled))).toBe(JSON.stringify(a))
        expect(checkIndexConsistency(a, shuffled)).toEqual([])
        const held = Object.values(a.stages).flat().sort()
        expect(held).toEqual(versions.map(v => v.version).sort())
      })
    )
  })
})

describe('upsertVersions / removeVersions', () => {
  test('upsert adds new versions and replaces changed ones, starting from nothing', () => {
    const first = upsertVersions(null, 'fraud', [v110, v100])
    expect(first).toEqual(deriveIndex('fraud', [v100, v110]))
    const promoted = { ...v100, deployment_stage: 'staging' }
    const next = upsertVersions(first, 'fraud', [promoted, v120])
    expect(next.versions).toEqual([promoted, v110, v120])
    expect(next.stages).toEqual({ production: ['1.1.0'], staging: ['1.2.0', '1.0.0'] })
  })
  test('remove drops versions and ignores unknown ones', () => {
    const index = deriveIndex('fraud', [v100, v110, v120])
    const removed = removeVersions(index, ['1.1.0', '9.9.9'])
    expect(removed).toEqual(deriveIndex('fraud', [v100, v120]))
    expect(removed.stages.production).toBeUndefined()
  })
})

describe('checkIndexConsistency', () => {
  const files = [v100, v110, v120]
  const index = deriveIndex('fraud', files)
  test('a derived index is consistent', () => {
    expect(checkIndexConsistency(index, files)).toEqual([])
  })
  test('reports a missing, an extra and a differing version, and a wrong stage map', () => {
    const tampered = structuredClone(index)
    tampered.versions = [tampered.versions[0]!, { ...v110, deployment_stage: 'staging' }, v130]
    expect(checkIndexConsistency(tampered, files)).toEqual([
      'models/fraud/index.json: the entry for 1.1.0 differs from models/fraud/1.1.0.json at $.deployment_stage',
      'models/fraud/index.json: version 1.2.0 is missing (models/fraud/1.2.0.json exists)',
      'models/fraud/index.json: lists version 1.3.0 but models/fraud/1.3.0.json does not exist'
    ])
  })
  test('reports a wrong stages map and order', () => {
    const tampered = structuredClone(index)
    tampered.stages = { production: ['1.0.0'], staging: ['1.2.0'], deprecated: ['1.0.0'], canary: [] }
    tampered.versions.reverse()
    expect(checkIndexConsistency(tampered, files)).toEqual([
      'models/fraud/index.json: versions are not in registration order (expected 1.0.0, 1.1.0, 1.2.0)',
      'models/fraud/index.json: stages.canary is [] but the version files say absent',
      'models/fraud/index.json: stages.production is [1.0.0] but the version files say [1.1.0]'
    ])
  })
  test('reports duplicates and a nested difference', () => {
    const changed = structuredClone(v110)
    changed.performance_metrics = { f1: 0.5 }
    const tampered = structuredClone(index)
    tampered.versions.push(structuredClone(v120))
    expect(checkIndexConsistency(tampered, [v100, changed, v120])).toEqual([
      'models/fraud/index.json: lists version 1.2.0 more than once',
      'models/fraud/index.json: the entry for 1.1.0 differs from models/fraud/1.1.0.json at $.performance_metrics.f1'
    ])
  })
  test('key order inside documents does not matter', () => {
    const reordered = Object.fromEntries(Object.entries(v110).reverse()) as unknown as typeof v110
    expect(checkIndexConsistency(index, [v100, reordered, v120])).toEqual([])
  })
})
