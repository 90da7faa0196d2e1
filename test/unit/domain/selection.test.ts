import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import {
  parseSortKey,
  selectLatest,
  selectVersions,
  type Criteria,
  type SortKey
} from '../../../src/domain/selection.js'
import { defaultPolicy } from '../../../src/domain/policy.js'
import { compareSemver } from '../../../src/domain/versions.js'
import type { ModelVersion } from '../../../src/domain/types.js'
import { at, makeVersion, thrown } from './fixtures.js'

const a1 = makeVersion({
  name: 'iso',
  model_type: 'isolation_forest',
  version: '1.0.0',
  registered_at: at(0),
  metrics: { f1_score: 0.85 },
  tags: ['exp']
})
const a2 = makeVersion({
  name: 'iso',
  model_type: 'isolation_forest',
  version: '1.1.0',
  registered_at: at(10),
  stage: 'production',
  metrics: { f1_score: 0.9, recall: 0.93 },
  tags: ['high_recall', 'exp']
})
const a3 = makeVersion({
  name: 'iso',
  model_type: 'isolation_forest',
  version: '1.2.0',
  registered_at: at(20),
  stage: 'staging',
  metrics: { f1_score: 0.88 }
})
const b1 = makeVersion({
  name: 'db',
  model_type: 'dbscan',
  version: '2.0.0',
  registered_at: at(15),
  stage: 'production',
  metrics: { f1_score: 0.7 }
})
const gone = makeVersion({
  name: 'iso',
  model_type: 'isolation_forest',
  version: '0.9.0',
  registered_at: at(-5),
  stage: 'archived',
  deleted: true,
  metrics: { f1_score: 0.99 }
})
const all = [a1, a2, a3, b1, gone]
const ids = (vs: ModelVersion[]) => vs.map(v => `${v.name}@${v.version}`)

describe('parseSortKey', () => {
  test('accepts the three forms', () => {
    expect(parseSortKey('registered')).toEqual({ by: 'registered' })
    expect(parseSortKey('version')).toEqual({ by: 'version' })
    expect(parseSortKey('metric:f1_score')).toEqual({ by: 'metric', metric: 'f1_score' })
  })
  test.each([
    ['newest', 'invalid sort key "newest": use registered, version or metric:<name>, e.g. metric:f1_score'],
    ['', 'invalid sort key "": use registered, version or metric:<name>, e.g. metric:f1_score'],
    [
      'metric:',
      'invalid sort key "metric:": "" is not a metric name; use registered, version or metric:<name>, e.g. metric:f1_score'
    ],
    [
      'metric:1x',
      'invalid sort key "metric:1x": "1x" is not a metric name; use registered, version or metric:<name>, e.g. metric:f1_score'
    ]
  ])('refuses %j', (input, message) => {
    expect(thrown(() => parseSortKey(input))).toEqual({ kind: 'invalid-input', message })
  })
})

describe('selectVersions', () => {
  test('newest registration first, archived hidden', () => {
    expect(ids(selectVersions(all, {}))).toEqual(['iso@1.2.0', 'db@2.0.0', 'iso@1.1.0', 'iso@1.0.0'])
  })
  test('filters by name, type, stage, tags and minimum metrics', () => {
    expect(ids(selectVersions(all, { name: 'iso' }))).toEqual(['iso@1.2.0', 'iso@1.1.0', 'iso@1.0.0'])
    expect(ids(selectVersions(all, { model_type: 'dbscan' }))).toEqual(['db@2.0.0'])
    expect(ids(selectVersions(all, { stage: 'production' }))).toEqual(['db@2.0.0', 'iso@1.1.0'])
    expect(ids(selectVersions(all, { tags: ['exp'] }))).toEqual(['iso@1.1.0', 'iso@1.0.0'])
    expect(ids(selectVersions(all, { tags: ['exp', 'high_recall'] }))).toEqual(['iso@1.1.0'])
    expect(ids(selectVersions(all, { tags: ['nope'] }))).toEqual([])
    expect(ids(selectVersions(all, { min_metrics: { f1_score: 0.88 } }))).toEqual(['iso@1.2.0', 'iso@1.1.0'])
    expect(ids(selectVersions(all, { min_metrics: { recall: 0 } }))).toEqual(['iso@1.1.0'])
  })
  test('archived only when asked', () => {
    expect(ids(selectVersions(all, { name: 'iso', include_archived: true }))).toContain('iso@0.9.0')
    expect(ids(selectVersions(all, { stage: 'archived' }))).toEqual(['iso@0.9.0'])
  })
  test('sort by version, highest first', () => {
    expect(ids(selectVersions(all, {}, { by: 'version' }))).toEqual([
      'db@2.0.0',
      'iso@1.2.0',
      'iso@1.1.0',
      'iso@1.0.0'
    ])
  })
  test('sort by metric, highest first, versions lacking it last', () => {
    expect(ids(selectVersions(all, {}, { by: 'metric', metric: 'recall' }))).toEqual([
      'iso@1.1.0',
      'iso@1.2.0',
      'db@2.0.0',
      'iso@1.0.0'
    ])
    expect(ids(selectVersions(all, {}, { by: 'metric', metric: 'f1_score' }, 2))).toEqual([
      'iso@1.1.0',
      'iso@1.2.0'
    ])
  })
  test('sort by a lower-is-better metric puts the lowest first', () => {
    const policy = defaultPolicy()
    policy.metrics = { f1_score: { lower_is_better: true } }
    const sorted = selectVersions(all, {}, { by: 'metric', metric: 'f1_score' }, undefined, policy)
    expect(ids(sorted)).toEqual(['db@2.0.0', 'iso@1.0.0', 'iso@1.2.0', 'iso@1.1.0'])
    // Versions lacking the metric still go last.
    policy.metrics = { recall: { lower_is_better: true } }
    expect(ids(selectVersions(all, {}, { by: 'metric', metric: 'recall' }, 1, policy))).toEqual(['iso@1.1.0'])
  })
  test('limit', () => {
    expect(selectVersions(all, {}, undefined, 0)).toEqual([])
    expect(ids(selectVersions(all, {}, { by: 'registered' }, 1))).toEqual(['iso@1.2.0'])
    expect(thrown(() => selectVersions(all, {}, undefined, -1))).toEqual({
      kind: 'invalid-input',
      message: 'invalid limit -1: use a whole number of at least 0'
    })
    expect(thrown(() => selectVersions(all, {}, undefined, 1.5)).kind).toBe('invalid-input')
  })
  test('does not reorder its input', () => {
    const input = [...all]
    selectVersions(input, {}, { by: 'version' })
    expect(input).toEqual(all)
  })
})

describe('selectLatest (load_latest_model of the Python registry this replaces)', () => {
  test('newest matching registration', () => {
    expect(
      selectLatest(all, {
        model_type: 'isolation_forest',
        stage: 'production',
        tags: ['high_recall'],
        min_metrics: { f1_score: 0.85 }
      })
    ).toBe(a2)
    expect(selectLatest(all, { name: 'iso' })).toBe(a3)
  })
  test('null when nothing matches', () => {
    expect(selectLatest(all, { min_metrics: { f1_score: 0.95 } })).toBeNull()
  })
})

describe('selection properties', () => {
  const arbVersion = fc
    .record({
      name: fc.constantFrom('a', 'b'),
      type: fc.constantFrom('x', 'y'),
      minute: fc.integer({ min: 0, max: 30 }),
      patch: fc.nat(20),
      stage: fc.constantFrom('development', 'staging', 'production', 'archived'),
      deleted: fc.boolean(),
      tags: fc.subarray(['t1', 't2', 't3']),
      f1: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined })
    })
    .map(r =>
      makeVersion({
        name: r.name,
        model_type: r.type,
        version: `1.0.${r.patch}`,
        registered_at: at(r.minute),
        stage: r.stage,
        deleted: r.deleted && r.stage === 'archived',
        tags: r.tags,
        metrics: r.f1 === undefined ? {} : { f1_score: r.f1 }
      })
    )
  const arbCriteria: fc.Arbitrary<Criteria> = fc.record(
    {
      name: fc.constantFrom('a', 'b'),
      model_type: fc.constantFrom('x', 'y'),
      stage: fc.constantFrom('development', 'staging', 'production', 'archived'),
      tags: fc.subarray(['t1', 't2', 't3']),
      min_metrics: fc.double({ min: 0, max: 1, noNaN: true }).map(f1_score => ({ f1_score })),
      include_archived: fc.boolean()
    },
    { requiredKeys: [] }
  )
  const arbSort: fc.Arbitrary<SortKey> = fc.constantFrom(
    { by: 'registered' },
    { by: 'version' },
    { by: 'metric', metric: 'f1_score' }
  )

  test('property: every result satisfies the criteria, nothing matching is dropped, results are sorted', () => {
    fc.assert(
      fc.property(fc.array(arbVersion, { maxLength: 25 }), arbCriteria, arbSort, (versions, c, sort) => {
        const result = selectVersions(versions, c, sort)
        const satisfies = (v: ModelVersion) =>
          (c.name === undefined || v.name === c.name) &&
          (c.model_type === undefined || v.model_type === c.model_type) &&
          (c.stage === undefined || v.deployment_stage === c.stage) &&
          (c.tags ?? []).every(t => v.tags.includes(t)) &&
          Object.entries(c.min_metrics ?? {}).every(
            ([m, min]) => (v.performance_metrics[m] ?? -Infinity) >= min
          ) &&
          (c.include_archived ||
            c.stage === 'archived' ||
            (v.deployment_stage !== 'archived' && !v.artifact.deleted))
        for (const v of result) expect(satisfies(v)).toBe(true)
        expect(result.length).toBe(versions.filter(satisfies).length)
        for (let i = 1; i < result.length; i++) {
          const prev = result[i - 1] as ModelVersion
          const cur = result[i] as ModelVersion
          if (sort.by === 'registered')
            expect(Date.parse(prev.registered_at)).toBeGreaterThanOrEqual(Date.parse(cur.registered_at))
          if (sort.by === 'version')
            expect(compareSemver(prev.version, cur.version)).toBeGreaterThanOrEqual(0)
          if (sort.by === 'metric') {
            const p = prev.performance_metrics.f1_score
            const q = cur.performance_metrics.f1_score
            if (p === undefined) expect(q).toBeUndefined()
            else if (q !== undefined) expect(p).toBeGreaterThanOrEqual(q)
          }
        }
        const latest = selectLatest(versions, c)
        expect(latest).toBe(selectVersions(versions, c)[0] ?? null)
      })
    )
  })

  test('property: the order does not depend on the input order', () => {
    fc.assert(
      fc.property(
        fc
          .uniqueArray(arbVersion, { maxLength: 15, selector: v => `${v.name}@${v.version}` })
          .chain(vs => fc.tuple(fc.constant(vs), fc.shuffledSubarray(vs, { minLength: vs.length }))),
        arbSort,
        ([versions, shuffled], sort) => {
          expect(ids(selectVersions(shuffled, {}, sort))).toEqual(ids(selectVersions(versions, {}, sort)))
        }
      )
    )
  })
})
