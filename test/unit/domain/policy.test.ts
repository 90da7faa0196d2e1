import { describe, expect, test } from '@jest/globals'
import {
  checkPolicyConsistency,
  checkTransition,
  defaultPolicy,
  gateFor
} from '../../../src/domain/policy.js'
import { validatePolicy } from '../../../src/domain/validate.js'
import type { RegistryPolicy } from '../../../src/domain/types.js'
import { thrown } from './fixtures.js'

describe('defaultPolicy', () => {
  test('is exactly the documented default, with the chosen store', () => {
    expect(defaultPolicy('github-release')).toEqual({
      schema_version: 1,
      stages: ['development', 'staging', 'canary', 'production', 'shadow', 'deprecated', 'archived'],
      initial_stage: 'development',
      transitions: {
        development: ['staging', 'shadow', 'deprecated'],
        staging: ['canary', 'shadow', 'production', 'development', 'deprecated'],
        shadow: ['staging', 'canary', 'deprecated'],
        canary: ['production', 'staging', 'deprecated'],
        production: ['staging', 'deprecated'],
        deprecated: ['staging', 'archived'],
        archived: []
      },
      exclusive_stages: ['production', 'canary'],
      demote_to: 'deprecated',
      gates: {
        production: { min_metrics: {}, must_beat: null, min_approvals: 1, require_pull_request: true }
      },
      require_metadata: [],
      retention: {
        keep_last: 10,
        min_age_days: 0,
        protect_stages: ['production', 'canary', 'staging', 'shadow'],
        mode: 'archive',
        auto_cleanup: false,
        cleanup_interval_hours: 24
      },
      artifacts: { store: 'github-release', max_part_bytes: 2147483000, compression: 'none' },
      metrics: {}
    })
    expect(defaultPolicy().artifacts.store).toBe('local')
  })
  test('passes the schema and the consistency check', () => {
    expect(checkPolicyConsistency(validatePolicy(defaultPolicy(), 'registry.json'))).toEqual(defaultPolicy())
  })
  test('returns a fresh object each time', () => {
    const a = defaultPolicy()
    a.stages.push('x')
    expect(defaultPolicy().stages).not.toContain('x')
  })
})

describe('checkPolicyConsistency', () => {
  const broken = (edit: (p: RegistryPolicy) => void): RegistryPolicy => {
    const p = defaultPolicy()
    edit(p)
    return p
  }
  const known =
    'add it to $.stages or use one of development, staging, canary, production, shadow, deprecated, archived'
  test.each<[string, (p: RegistryPolicy) => void, string]>([
    [
      'initial_stage',
      p => (p.initial_stage = 'dev'),
      `registry.json: $.initial_stage names unknown stage "dev"; ${known}`
    ],
    [
      'a transition key',
      p => (p.transitions.qa = ['staging']),
      `registry.json: $.transitions.qa names unknown stage "qa"; ${known}`
    ],
    [
      'a transition target',
      p => (p.transitions.staging = ['canary', 'prod']),
      `registry.json: $.transitions.staging[1] names unknown stage "prod"; ${known}`
    ],
    [
      'exclusive_stages',
      p => (p.exclusive_stages = ['production', 'blue']),
      `registry.json: $.exclusive_stages[1] names unknown stage "blue"; ${known}`
    ],
    [
      'demote_to',
      p => (p.demote_to = 'retired'),
      `registry.json: $.demote_to names unknown stage "retired"; ${known}`
    ],
    [
      'an exclusive demote_to',
      p => (p.demote_to = 'canary'),
      'registry.json: $.demote_to is the exclusive stage "canary"; demote to a non-exclusive stage such as deprecated'
    ],
    ['gates', p => (p.gates.prod = {}), `registry.json: $.gates.prod names unknown stage "prod"; ${known}`],
    [
      'protect_stages',
      p => (p.retention.protect_stages = ['live']),
      `registry.json: $.retention.protect_stages[0] names unknown stage "live"; ${known}`
    ]
  ])('refuses an unknown stage in %s', (_field, edit, message) => {
    expect(thrown(() => checkPolicyConsistency(broken(edit)))).toEqual({ kind: 'integrity', message })
  })
  test('a must_beat direction that contradicts $.metrics is refused', () => {
    const p = broken(p => {
      p.metrics = { latency_ms: { lower_is_better: true } }
      p.gates.production = { must_beat: { metric: 'latency_ms', lower_is_better: false } }
    })
    expect(thrown(() => checkPolicyConsistency(p))).toEqual({
      kind: 'integrity',
      message:
        'registry.json: $.gates.production.must_beat.lower_is_better is false but $.metrics.latency_ms.lower_is_better says true; remove it from must_beat or make them agree'
    })
    const agreeing = broken(p => {
      p.metrics = { latency_ms: { lower_is_better: true } }
      p.gates.production = { must_beat: { metric: 'latency_ms', lower_is_better: true } }
    })
    expect(checkPolicyConsistency(agreeing)).toBe(agreeing)
  })
  test('metrics settings are validated by the schema', () => {
    const p = broken(p => (p.metrics = { latency_ms: { lower_is_better: true } }))
    expect(validatePolicy(p, 'registry.json')).toBe(p)
    expect(
      thrown(() => validatePolicy({ ...p, metrics: { latency_ms: { lower: true } } }, 'registry.json'))
    ).toEqual({
      kind: 'integrity',
      message: 'registry.json: $.metrics.latency_ms.lower is not a known field'
    })
    expect(
      thrown(() =>
        validatePolicy({ ...p, metrics: { latency_ms: { lower_is_better: 'yes' } } }, 'registry.json')
      ).message
    ).toBe('registry.json: $.metrics.latency_ms.lower_is_better must be boolean')
  })
  test('uses the given file name and kind', () => {
    const error = thrown(() =>
      checkPolicyConsistency(
        broken(p => (p.initial_stage = 'x')),
        'my-policy.json',
        'invalid-input'
      )
    )
    expect(error.kind).toBe('invalid-input')
    expect(error.message.startsWith('my-policy.json: $.initial_stage')).toBe(true)
  })
  test('a policy without archived is fine', () => {
    const p = broken(p => {
      p.stages = ['dev', 'prod']
      p.initial_stage = 'dev'
      p.transitions = { dev: ['prod'], prod: ['dev'] }
      p.exclusive_stages = ['prod']
      p.demote_to = 'dev'
      p.gates = {}
      p.retention.protect_stages = ['prod']
    })
    expect(checkPolicyConsistency(p)).toBe(p)
  })
})

describe('checkTransition', () => {
  const policy = defaultPolicy()
  test('allows the edges of the graph', () => {
    expect(() => checkTransition(policy, 'development', 'staging')).not.toThrow()
    expect(() => checkTransition(policy, 'staging', 'production')).not.toThrow()
    expect(() => checkTransition(policy, 'deprecated', 'archived')).not.toThrow()
  })
  test('refuses an edge not in the graph, listing what is allowed', () => {
    expect(thrown(() => checkTransition(policy, 'staging', 'archived'))).toEqual({
      kind: 'refused',
      message:
        'cannot move from "staging" to "archived": allowed from staging: canary, shadow, production, development, deprecated'
    })
    expect(thrown(() => checkTransition(policy, 'development', 'production')).message).toBe(
      'cannot move from "development" to "production": allowed from development: staging, shadow, deprecated'
    )
  })
  test('says "none" for a stage without outgoing edges', () => {
    expect(thrown(() => checkTransition(policy, 'archived', 'staging'))).toEqual({
      kind: 'refused',
      message: 'cannot move from "archived" to "staging": allowed from archived: none'
    })
  })
  test('refuses staying in place', () => {
    expect(thrown(() => checkTransition(policy, 'staging', 'staging'))).toEqual({
      kind: 'refused',
      message: 'already in stage "staging": choose a different target stage'
    })
  })
  test('an unknown target is invalid input', () => {
    expect(thrown(() => checkTransition(policy, 'staging', 'prod')).kind).toBe('invalid-input')
  })
  test('inherited object keys are not stages', () => {
    const p = defaultPolicy()
    p.stages.push('constructor')
    expect(thrown(() => checkTransition(p, 'constructor', 'staging')).message).toBe(
      'cannot move from "constructor" to "staging": allowed from constructor: none'
    )
  })
})

describe('gateFor', () => {
  test('returns the stage gate or an empty gate', () => {
    const policy = defaultPolicy()
    expect(gateFor(policy, 'production')).toEqual({
      min_metrics: {},
      must_beat: null,
      min_approvals: 1,
      require_pull_request: true
    })
    expect(gateFor(policy, 'staging')).toEqual({})
    expect(gateFor(policy, 'constructor')).toEqual({})
  })
})
