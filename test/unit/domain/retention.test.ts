import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { deriveIndex } from '../../../src/domain/model-index.js'
import { defaultPolicy } from '../../../src/domain/policy.js'
import {
  planRegistryRetention,
  planRetention,
  type RetentionDecision
} from '../../../src/domain/retention.js'
import { compareSemver } from '../../../src/domain/versions.js'
import type { ModelVersion, RetentionPolicy } from '../../../src/domain/types.js'
import { at, makeVersion, thrown } from './fixtures.js'

const retention: RetentionPolicy = defaultPolicy().retention
const NOW = new Date('2026-06-01T00:00:00Z')
const summary = (ds: RetentionDecision[]) => ds.map(d => `${d.version.version} ${d.action}: ${d.reason}`)

describe('planRetention', () => {
  test('worked example: 14 versions, 1.0.1 production, 1.0.2 staging, keep 10 → delete 1.0.3 and 1.0.4', () => {
    const versions = Array.from({ length: 14 }, (_, i) =>
      makeVersion({
        version: `1.0.${i + 1}`,
        registered_at: at(i),
        stage: i === 0 ? 'production' : i === 1 ? 'staging' : 'development'
      })
    )
    const plan = planRetention({ versions, retention, now: NOW })
    expect(plan.filter(d => d.action === 'delete').map(d => d.version.version)).toEqual(['1.0.3', '1.0.4'])
    expect(summary(plan)).toEqual([
      '1.0.1 keep: protected stage: production',
      '1.0.2 keep: protected stage: staging',
      '1.0.3 delete: older than the last 10 and not protected',
      '1.0.4 delete: older than the last 10 and not protected',
      ...Array.from({ length: 10 }, (_, i) => `1.0.${i + 5} keep: within last 10`)
    ])
  })

  test('the newest N are kept whatever their stage; deprecated beyond N is deleted', () => {
    const versions = [
      makeVersion({ version: '1.0.0', registered_at: at(0), stage: 'deprecated' }),
      makeVersion({ version: '1.0.1', registered_at: at(1), stage: 'deprecated' }),
      makeVersion({ version: '1.0.2', registered_at: at(2), stage: 'deprecated' })
    ]
    expect(summary(planRetention({ versions, retention, now: NOW, keepLast: 2 }))).toEqual([
      '1.0.0 delete: older than the last 2 and not protected',
      '1.0.1 keep: within last 2',
      '1.0.2 keep: within last 2'
    ])
  })

  test('the parent of a version kept in a protected stage is kept', () => {
    const parent = makeVersion({ version: '1.0.0', registered_at: at(0), stage: 'deprecated' })
    const other = makeVersion({ version: '1.0.1', registered_at: at(1), stage: 'deprecated' })
    const child = makeVersion({
      version: '1.0.2',
      registered_at: at(2),
      stage: 'production',
      parent: parent.model_id
    })
    const newer = makeVersion({ version: '1.0.3', registered_at: at(3) })
    expect(
      summary(planRetention({ versions: [parent, other, child, newer], retention, now: NOW, keepLast: 1 }))
    ).toEqual([
      '1.0.0 keep: parent of fraud@1.0.2 (production)',
      '1.0.1 delete: older than the last 1 and not protected',
      '1.0.2 keep: protected stage: production',
      '1.0.3 keep: within last 1'
    ])
  })

  test('a parent of an unprotected or archived child is not protected by it', () => {
    const parent = makeVersion({ version: '1.0.0', registered_at: at(0) })
    const child = makeVersion({
      version: '1.0.1',
      registered_at: at(1),
      parent: parent.model_id,
      stage: 'deprecated'
    })
    const newer = makeVersion({ version: '1.0.2', registered_at: at(2) })
    expect(
      summary(planRetention({ versions: [parent, child, newer], retention, now: NOW, keepLast: 1 }))
    ).toEqual([
      '1.0.0 delete: older than the last 1 and not protected',
      '1.0.1 delete: older than the last 1 and not protected',
      '1.0.2 keep: within last 1'
    ])
  })

  test('younger than the minimum age is kept', () => {
    const now = new Date(Date.parse(at(0)) + 3 * 86_400_000)
    const versions = [
      makeVersion({ version: '1.0.0', registered_at: at(0) }),
      makeVersion({ version: '1.0.1', registered_at: at(60 * 24) }), // exactly 2 days old: old enough
      makeVersion({ version: '1.0.2', registered_at: at(60 * 30) }), // 1.75 days old
      makeVersion({ version: '1.0.3', registered_at: at(60 * 48) })
    ]
    expect(summary(planRetention({ versions, retention, now, keepLast: 1, minAgeDays: 2 }))).toEqual([
      '1.0.0 delete: older than the last 1 and not protected',
      '1.0.1 delete: older than the last 1 and not protected',
      '1.0.2 keep: younger than 2 days',
      '1.0.3 keep: within last 1'
    ])
  })

  test('already archived versions are left alone and do not count toward N', () => {
    const versions = [
      makeVersion({ version: '1.0.0', registered_at: at(0) }),
      makeVersion({ version: '1.0.1', registered_at: at(1) }),
      makeVersion({ version: '1.0.2', registered_at: at(2), stage: 'archived', deleted: true }),
      makeVersion({ version: '1.0.3', registered_at: at(3), stage: 'deprecated', deleted: true })
    ]
    expect(summary(planRetention({ versions, retention, now: NOW, keepLast: 2 }))).toEqual([
      '1.0.0 keep: within last 2',
      '1.0.1 keep: within last 2',
      '1.0.2 keep: already archived',
      '1.0.3 keep: already archived'
    ])
  })

  test('registration ties are broken by the higher version', () => {
    const versions = [
      makeVersion({ version: '1.0.1', registered_at: at(0), model_id: 'fraud_20260101_000000_2' }),
      makeVersion({ version: '1.0.0', registered_at: at(0) })
    ]
    expect(summary(planRetention({ versions, retention, now: NOW, keepLast: 1 }))).toEqual([
      '1.0.1 keep: within last 1',
      '1.0.0 delete: older than the last 1 and not protected'
    ])
  })

  test('refuses bad overrides', () => {
    expect(thrown(() => planRetention({ versions: [], retention, now: NOW, keepLast: 0 }))).toEqual({
      kind: 'invalid-input',
      message: 'invalid keep-last 0: use a whole number of at least 1'
    })
    expect(thrown(() => planRetention({ versions: [], retention, now: NOW, keepLast: 2.5 })).kind).toBe(
      'invalid-input'
    )
    expect(thrown(() => planRetention({ versions: [], retention, now: NOW, minAgeDays: -1 }))).toEqual({
      kind: 'invalid-input',
      message: 'invalid minimum age -1 days: use a number of days of at least 0'
    })
  })
})

describe('planRegistryRetention', () => {
  test('plans every model separately and honours parents across models', () => {
    const base = makeVersion({ name: 'base', version: '1.0.0', registered_at: at(0) })
    const baseNew = makeVersion({ name: 'base', version: '1.0.1', registered_at: at(1) })
    const tuned = makeVersion({
      name: 'tuned',
      version: '1.0.0',
      registered_at: at(2),
      stage: 'production',
      parent: base.model_id
    })
    const plan = planRegistryRetention(
      [deriveIndex('base', [base, baseNew]), deriveIndex('tuned', [tuned])],
      {
        retention,
        now: NOW,
        keepLast: 1
      }
    )
    expect(plan.map(d => `${d.version.name}@${d.version.version} ${d.action}: ${d.reason}`)).toEqual([
      'base@1.0.0 keep: parent of tuned@1.0.0 (production)',
      'base@1.0.1 keep: within last 1',
      'tuned@1.0.0 keep: within last 1'
    ])
  })
})

describe('retention properties', () => {
  const STAGES = ['development', 'staging', 'canary', 'production', 'shadow', 'deprecated', 'archived']
  const arbRegistry = fc
    .array(
      fc.record({
        minute: fc.integer({ min: 0, max: 60 * 24 * 10 }),
        stage: fc.constantFrom(...STAGES),
        deleted: fc.boolean(),
        parent: fc.option(fc.nat(), { nil: undefined })
      }),
      { maxLength: 30 }
    )
    .map(specs =>
      specs.map((s, i) => {
        const parentIndex = s.parent === undefined || i === 0 ? undefined : s.parent % i
        return makeVersion({
          version: `1.${i}.0`,
          model_id: `fraud_20260101_000000_${i + 2}`,
          registered_at: at(s.minute),
          stage: s.stage,
          deleted: s.deleted && (s.stage === 'archived' || s.minute % 3 === 0),
          parent: parentIndex === undefined ? null : `fraud_20260101_000000_${parentIndex + 2}`
        })
      })
    )
  const arbPolicy = fc.record({
    keep_last: fc.integer({ min: 1, max: 8 }),
    min_age_days: fc.constantFrom(0, 0.5, 1, 3, 20),
    protect_stages: fc.subarray(['production', 'canary', 'staging', 'shadow', 'development']),
    mode: fc.constant('archive' as const)
  })
  const arbNow = fc.integer({ min: 0, max: 60 * 24 * 30 }).map(m => new Date(Date.parse(at(m))))
  const archived = (v: ModelVersion) => v.deployment_stage === 'archived' || v.artifact.deleted === true

  test('property: the plan follows the rule exactly (oracle) and keeps everything the rule protects', () => {
    fc.assert(
      fc.property(arbRegistry, arbPolicy, arbNow, (versions, policy, now) => {
        const plan = planRetention({ versions, retention: policy, now })
        expect(plan.map(d => d.version)).toEqual(versions)
        const live = versions.filter(v => !archived(v))
        const newest = new Set(
          [...live]
            .sort(
              (a, b) =>
                Date.parse(b.registered_at) - Date.parse(a.registered_at) ||
                compareSemver(b.version, a.version)
            )
            .slice(0, policy.keep_last)
        )
        const protectedIds = new Set(
          live.filter(v => policy.protect_stages.includes(v.deployment_stage)).map(v => v.parent_model_id)
        )
        for (const d of plan) {
          const v = d.version
          const young = now.getTime() - Date.parse(v.registered_at) < policy.min_age_days * 86_400_000
          const isProtected = policy.protect_stages.includes(v.deployment_stage)
          if (archived(v)) expect([d.action, d.reason]).toEqual(['keep', 'already archived'])
          if (newest.has(v)) expect(d.action).toBe('keep')
          if (isProtected) expect(d.action).toBe('keep')
          if (protectedIds.has(v.model_id)) expect(d.action).toBe('keep')
          if (young && policy.min_age_days > 0) expect(d.action).toBe('keep')
          const shouldDelete =
            !archived(v) &&
            !newest.has(v) &&
            !isProtected &&
            !protectedIds.has(v.model_id) &&
            !(young && policy.min_age_days > 0)
          expect(d.action).toBe(shouldDelete ? 'delete' : 'keep')
        }
      }),
      { numRuns: 300 }
    )
  })

  test('property: planning again after applying the plan deletes nothing more', () => {
    fc.assert(
      fc.property(arbRegistry, arbPolicy, arbNow, (versions, policy, now) => {
        const plan = planRetention({ versions, retention: policy, now })
        const applied = plan.map(d =>
          d.action === 'delete'
            ? {
                ...d.version,
                deployment_stage: 'archived',
                artifact: { ...d.version.artifact, deleted: true }
              }
            : d.version
        )
        const again = planRetention({ versions: applied, retention: policy, now })
        expect(again.filter(d => d.action === 'delete')).toEqual([])
        // and what was kept is kept for the same reason
        plan.forEach((d, i) => {
          if (d.action === 'keep') expect(again[i]?.reason).toBe(d.reason)
        })
      }),
      { numRuns: 300 }
    )
  })
})
