import { describe, expect, test } from '@jest/globals'
import { deriveIndex } from '../../../src/domain/model-index.js'
import { defaultPolicy } from '../../../src/domain/policy.js'
import { planPromotion, type PromotionInput } from '../../../src/domain/promotion.js'
import { at, makeVersion, thrown } from './fixtures.js'

const NOW = new Date('2026-11-28T09:12:00Z')
const prod = makeVersion({ version: '1.0.0', registered_at: at(0), stage: 'production' })
const staging = makeVersion({ version: '1.1.0', registered_at: at(10), stage: 'staging' })
const dev = makeVersion({ version: '1.2.0', registered_at: at(20), stage: 'development' })
const index = deriveIndex('fraud', [prod, staging, dev])

function plan(extra: Partial<PromotionInput>) {
  return planPromotion({
    policy: defaultPolicy(),
    holders: index.versions,
    candidate: staging,
    to: 'production',
    actor: 'alice',
    via: 'pull/44',
    now: NOW,
    ...extra
  })
}

describe('planPromotion', () => {
  test('promoting into an exclusive stage demotes the holder in the same plan', () => {
    const snapshot = JSON.stringify(index)
    const result = plan({})
    expect(result.from).toBe('staging')
    expect(result.updated).toHaveLength(2)
    const [promoted, demoted] = result.updated
    expect(promoted).toEqual({
      ...staging,
      deployment_stage: 'production',
      deployed_at: '2026-11-28T09:12:00.000Z',
      stage_history: [
        ...staging.stage_history,
        { stage: 'production', at: '2026-11-28T09:12:00.000Z', by: 'alice', via: 'pull/44' }
      ]
    })
    expect(demoted).toEqual({
      ...prod,
      deployment_stage: 'deprecated',
      deployed_at: '2026-11-28T09:12:00.000Z',
      stage_history: [
        ...prod.stage_history,
        { stage: 'deprecated', at: '2026-11-28T09:12:00.000Z', by: 'alice', via: 'demoted-by:fraud@1.1.0' }
      ]
    })
    expect(result.demoted).toEqual([demoted])
    // never mutates its input
    expect(JSON.stringify(index)).toBe(snapshot)
    expect(promoted).not.toBe(staging)
  })

  test('a non-exclusive stage demotes nobody', () => {
    const result = plan({ candidate: dev, to: 'staging' })
    expect(result.demoted).toEqual([])
    expect(result.updated.map(v => [v.version, v.deployment_stage])).toEqual([['1.2.0', 'staging']])
    expect(result.from).toBe('development')
  })

  test('an illegal transition is refused', () => {
    expect(thrown(() => plan({ candidate: dev, to: 'production' }))).toEqual({
      kind: 'refused',
      message:
        'cannot move from "development" to "production": allowed from development: staging, shadow, deprecated'
    })
  })

  test('an unknown stage is invalid input', () => {
    expect(thrown(() => plan({ to: 'prod' })).kind).toBe('invalid-input')
  })

  test('the same stage is refused even for rollback', () => {
    expect(thrown(() => plan({ candidate: prod, to: 'production' })).message).toBe(
      'already in stage "production": choose a different target stage'
    )
    expect(thrown(() => plan({ candidate: prod, to: 'production', skipTransitionCheck: true })).kind).toBe(
      'refused'
    )
  })

  test('rollback may take a step the graph does not list', () => {
    const old = makeVersion({ version: '0.9.0', registered_at: at(-10), stage: 'deprecated' })
    const idx = deriveIndex('fraud', [old, prod])
    expect(() => plan({ holders: idx.versions, candidate: old, to: 'production' })).toThrow(
      /cannot move from "deprecated"/
    )
    const result = plan({
      holders: idx.versions,
      candidate: old,
      to: 'production',
      via: 'rollback',
      skipTransitionCheck: true
    })
    expect(result.updated.map(v => [v.version, v.deployment_stage])).toEqual([
      ['0.9.0', 'production'],
      ['1.0.0', 'deprecated']
    ])
  })

  test('an archived version cannot be promoted', () => {
    const gone = makeVersion({ version: '0.5.0', registered_at: at(-20), stage: 'deprecated', deleted: true })
    expect(thrown(() => plan({ candidate: gone, to: 'staging' }))).toEqual({
      kind: 'refused',
      message: 'fraud@0.5.0 is archived (retention deleted its artifact); register the model again instead'
    })
  })

  test('every holder of an exclusive stage is demoted (repairs a double holder)', () => {
    const p2 = makeVersion({ version: '1.0.1', registered_at: at(5), stage: 'production' })
    const idx = deriveIndex('fraud', [prod, p2, staging])
    const result = plan({ holders: idx.versions })
    expect(result.demoted.map(v => v.version).sort()).toEqual(['1.0.0', '1.0.1'])
    expect(result.updated[0]?.version).toBe('1.1.0')
  })

  test('demote_to follows the policy', () => {
    const policy = defaultPolicy()
    policy.demote_to = 'staging'
    expect(plan({ policy }).demoted[0]?.deployment_stage).toBe('staging')
  })
})
