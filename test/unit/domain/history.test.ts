import { describe, expect, test } from '@jest/globals'
import { holdersAt, previousHolder, stageTimeline } from '../../../src/domain/history.js'
import { defaultPolicy } from '../../../src/domain/policy.js'
import { planPromotion } from '../../../src/domain/promotion.js'
import { deriveIndex, upsertVersions } from '../../../src/domain/model-index.js'
import type { ModelVersion, StageEvent } from '../../../src/domain/types.js'
import { at, makeVersion } from './fixtures.js'

const ev = (stage: string, minute: number, via = 'promote', by = 'alice'): StageEvent => ({
  stage,
  at: at(minute),
  by,
  via
})

// 1.0.0: dev@0 → staging@5 → production@10 → deprecated@30 (demoted by 1.1.0)
// 1.1.0: dev@20 → staging@25 → production@30 → deprecated@50 (demoted by 1.2.0)
// 1.2.0: dev@40 → production@50
const a = makeVersion({
  version: '1.0.0',
  registered_at: at(0),
  stage: 'deprecated',
  history: [
    ev('development', 0, 'register', 'ci'),
    ev('staging', 5),
    ev('production', 10, 'pull/1'),
    ev('deprecated', 30, 'demoted-by:fraud@1.1.0')
  ]
})
const b = makeVersion({
  version: '1.1.0',
  registered_at: at(20),
  stage: 'deprecated',
  history: [
    ev('development', 20, 'register', 'ci'),
    ev('staging', 25),
    ev('production', 30, 'pull/2'),
    ev('deprecated', 50, 'demoted-by:fraud@1.2.0')
  ]
})
const c = makeVersion({
  version: '1.2.0',
  registered_at: at(40),
  stage: 'production',
  history: [ev('development', 40, 'register', 'ci'), ev('production', 50, 'pull/3')]
})
const all = [c, a, b]

describe('stageTimeline', () => {
  test('one span per event, ending at the next event of the same version, earliest first', () => {
    expect(stageTimeline(all).map(s => [s.version, s.stage, s.from, s.until, s.via])).toEqual([
      ['1.0.0', 'development', at(0), at(5), 'register'],
      ['1.0.0', 'staging', at(5), at(10), 'promote'],
      ['1.0.0', 'production', at(10), at(30), 'pull/1'],
      ['1.1.0', 'development', at(20), at(25), 'register'],
      ['1.1.0', 'staging', at(25), at(30), 'promote'],
      ['1.0.0', 'deprecated', at(30), null, 'demoted-by:fraud@1.1.0'],
      ['1.1.0', 'production', at(30), at(50), 'pull/2'],
      ['1.2.0', 'development', at(40), at(50), 'register'],
      ['1.1.0', 'deprecated', at(50), null, 'demoted-by:fraud@1.2.0'],
      ['1.2.0', 'production', at(50), null, 'pull/3']
    ])
    expect(stageTimeline([a])[0]).toEqual({
      version: '1.0.0',
      model_id: a.model_id,
      stage: 'development',
      from: at(0),
      until: at(5),
      by: 'ci',
      via: 'register'
    })
  })
  test('no versions, no spans', () => {
    expect(stageTimeline([])).toEqual([])
  })
})

describe('holdersAt', () => {
  test('what was in each stage at a given time', () => {
    expect(holdersAt(all, new Date(at(15)))).toEqual({ production: ['1.0.0'] })
    expect(holdersAt(all, new Date(at(30)))).toEqual({ deprecated: ['1.0.0'], production: ['1.1.0'] })
    expect(holdersAt(all, new Date(at(45)))).toEqual({
      deprecated: ['1.0.0'],
      development: ['1.2.0'],
      production: ['1.1.0']
    })
    expect(holdersAt(all, new Date(at(60)))).toEqual({
      deprecated: ['1.1.0', '1.0.0'],
      production: ['1.2.0']
    })
  })
  test('before anything was registered, nothing', () => {
    expect(holdersAt(all, new Date(at(-1)))).toEqual({})
  })
})

describe('previousHolder', () => {
  test('the version that held the stage right before the current holder took it', () => {
    expect(previousHolder(all, 'production', '1.2.0')).toBe(b)
    expect(previousHolder(all, 'production', '1.1.0')).toBe(a)
    expect(previousHolder(all, 'production', '1.0.0')).toBeNull()
  })
  test('other stages', () => {
    expect(previousHolder(all, 'staging', '1.1.0')).toBe(a)
    expect(previousHolder(all, 'canary', '1.2.0')).toBeNull()
  })
  test('a long holder replaced at that moment beats one that passed through earlier', () => {
    const long = makeVersion({
      version: '1.0.0',
      registered_at: at(0),
      stage: 'deprecated',
      history: [ev('shadow', 0), ev('deprecated', 100)]
    })
    const brief = makeVersion({
      version: '1.0.1',
      registered_at: at(10),
      stage: 'deprecated',
      history: [ev('shadow', 10), ev('deprecated', 20)]
    })
    const now = makeVersion({
      version: '1.0.2',
      registered_at: at(90),
      stage: 'shadow',
      history: [ev('shadow', 100)]
    })
    expect(previousHolder([long, brief, now], 'shadow', '1.0.2')).toBe(long)
  })
  test('versions still holding the stage are not previous holders', () => {
    const other = makeVersion({
      version: '1.0.0',
      registered_at: at(0),
      stage: 'shadow',
      history: [ev('shadow', 0)]
    })
    const cur = makeVersion({
      version: '1.0.1',
      registered_at: at(1),
      stage: 'shadow',
      history: [ev('shadow', 5)]
    })
    expect(previousHolder([other, cur], 'shadow', '1.0.1')).toBeNull()
  })
  test('works on the documents planPromotion writes (promote, promote, roll back)', () => {
    const policy = defaultPolicy()
    let index = deriveIndex('fraud', [
      makeVersion({ version: '1.0.0', registered_at: at(0), stage: 'staging' }),
      makeVersion({ version: '1.1.0', registered_at: at(1), stage: 'staging' })
    ])
    const promote = (version: string, minute: number, skip = false) => {
      const candidate = index.versions.find(v => v.version === version) as ModelVersion
      const plan = planPromotion({
        policy,
        holders: index.versions,
        candidate,
        to: 'production',
        actor: 'bob',
        via: 'promote',
        now: new Date(at(minute)),
        skipTransitionCheck: skip
      })
      index = upsertVersions(index, 'fraud', plan.updated)
    }
    promote('1.0.0', 10)
    promote('1.1.0', 20)
    const previous = previousHolder(index.versions, 'production', '1.1.0')
    expect(previous?.version).toBe('1.0.0')
    expect(previous?.deployment_stage).toBe('deprecated')
    promote('1.0.0', 30, true)
    expect(index.stages.production).toEqual(['1.0.0'])
    expect(previousHolder(index.versions, 'production', '1.0.0')?.version).toBe('1.1.0')
  })
})
