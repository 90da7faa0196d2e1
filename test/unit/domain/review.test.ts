import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { deriveIndex } from '../../../src/domain/model-index.js'
import { defaultPolicy } from '../../../src/domain/policy.js'
import { planPromotion } from '../../../src/domain/promotion.js'
import {
  approversOf,
  requestersOf,
  isDirectChangeAllowed,
  POLICY_LABEL,
  reviewChange,
  reviewVerdict,
  stageChanges,
  type BaseState,
  type HeadState,
  type ReviewFinding,
  type ReviewInput
} from '../../../src/domain/review.js'
import type { ModelVersion, RegistryPolicy, StageEvent } from '../../../src/domain/types.js'
import { at, makeVersion } from './fixtures.js'

const NOW = new Date('2026-02-01T00:00:00Z')
const ev = (stage: string, minutes: number, via = 'promote'): StageEvent => ({
  stage,
  at: at(minutes),
  by: 'alice',
  via
})

/** 1.0.0 went development → staging → canary → production; 1.1.0 development → staging → canary. */
function registry(): ModelVersion[] {
  const v1 = makeVersion({
    version: '1.0.0',
    registered_at: at(0),
    stage: 'production',
    metrics: { f1_score: 0.85 },
    history: [ev('development', 0, 'register'), ev('staging', 1), ev('canary', 2), ev('production', 3)]
  })
  const v2 = makeVersion({
    version: '1.1.0',
    registered_at: at(10),
    stage: 'canary',
    metrics: { f1_score: 0.9 },
    history: [ev('development', 10, 'register'), ev('staging', 11), ev('canary', 12)]
  })
  return [v1, v2]
}

function files(policy: unknown, versions: ModelVersion[]): HeadState {
  const names = [...new Set(versions.map(v => v.name))]
  return {
    policy,
    versions: versions.map(v => ({ path: `models/${v.name}/${v.version}.json`, content: v })),
    indexes: names.map(n => ({
      path: `models/${n}/index.json`,
      content: deriveIndex(
        n,
        versions.filter(v => v.name === n)
      )
    }))
  }
}

function promoted(
  versions: ModelVersion[],
  version: string,
  to: string,
  policy: RegistryPolicy = defaultPolicy()
): ModelVersion[] {
  const index = deriveIndex('fraud', versions)
  const candidate = versions.find(v => v.version === version) as ModelVersion
  const plan = planPromotion({
    policy,
    holders: index.versions,
    candidate,
    to,
    actor: 'alice',
    via: 'pull/7',
    now: NOW
  })
  const changed = new Map(plan.updated.map(v => [v.version, v]))
  return versions.map(v => changed.get(v.version) ?? v)
}

function review(
  base: ModelVersion[],
  head: ModelVersion[],
  extra: Partial<ReviewInput> & { basePolicy?: unknown; headPolicy?: unknown } = {}
) {
  const policy = defaultPolicy()
  const baseState: BaseState = files(extra.basePolicy ?? policy, base)
  return reviewChange({
    base: baseState,
    head: files(extra.headPolicy ?? extra.basePolicy ?? policy, head),
    approvals: ['bob'],
    labels: [],
    viaPullRequest: true,
    ...extra
  })
}

const kinds = (findings: ReviewFinding[]): string[] => findings.map(f => `${f.severity}:${f.kind}`)
const errors = (findings: ReviewFinding[]): ReviewFinding[] => findings.filter(f => f.severity === 'error')

function edit(v: ModelVersion, change: (copy: ModelVersion) => void): ModelVersion {
  const copy = structuredClone(v)
  change(copy)
  return copy
}

describe('reviewChange: a change that follows the policy', () => {
  test('no change passes with nothing to say', () => {
    const r = review(registry(), registry())
    expect(r).toEqual({ passed: true, findings: [], changes: [], gates: [] })
  })

  test('a promotion as promote writes it passes, with the demotion in the same change', () => {
    const base = registry()
    const r = review(base, promoted(base, '1.1.0', 'production'))
    expect(r.findings).toEqual([])
    expect(r.passed).toBe(true)
    expect(r.changes).toEqual([
      { name: 'fraud', version: '1.0.0', model_id: base[0]?.model_id, from: 'production', to: 'deprecated' },
      { name: 'fraud', version: '1.1.0', model_id: base[1]?.model_id, from: 'canary', to: 'production' }
    ])
    expect(r.gates).toEqual([
      {
        subject: 'fraud@1.1.0',
        stage: 'production',
        results: [
          { gate: 'min_approvals', status: 'pass', message: '1 approval(s), 1 required' },
          { gate: 'require_pull_request', status: 'pass', message: 'the change comes through a pull request' }
        ]
      }
    ])
    expect(reviewVerdict(r)).toEqual({
      state: 'success',
      description: 'policy passed: fraud 1.0.0: production → deprecated; fraud 1.1.0: canary → production'
    })
  })

  test('tags and notes may change', () => {
    const base = registry()
    const head = base.map(v => edit(v, c => ((c.tags = ['reviewed']), (c.notes = 'looked at it'))))
    expect(review(base, head).findings).toEqual([])
  })
})

describe('reviewChange: gates', () => {
  test('without approvals the production gate fails, and the verdict is pending', () => {
    const base = registry()
    const r = review(base, promoted(base, '1.1.0', 'production'), { approvals: [] })
    expect(errors(r.findings)).toEqual([
      {
        severity: 'error',
        kind: 'gate',
        subject: 'fraud@1.1.0',
        gate: 'min_approvals',
        file: 'models/fraud/1.1.0.json',
        message: 'production: 0 approval(s), 1 required; get the pull request approved'
      }
    ])
    expect(reviewVerdict(r)).toEqual({
      state: 'pending',
      description: 'waiting for review: production: 0 approval(s), 1 required; get the pull request approved'
    })
  })

  test('not through a pull request: require_pull_request fails, and the verdict is failure', () => {
    const base = registry()
    const r = review(base, promoted(base, '1.1.0', 'production'), { viaPullRequest: false })
    expect(errors(r.findings).map(f => f.gate)).toEqual(['require_pull_request'])
    expect(reviewVerdict(r).state).toBe('failure')
  })

  test('without a review channel the review gates are warnings: not applicable, not ignored', () => {
    const base = registry()
    const r = review(base, promoted(base, '1.1.0', 'production'), { approvals: null, labels: null })
    expect(r.passed).toBe(true)
    expect(r.findings.map(f => [f.severity, f.gate])).toEqual([
      ['warning', 'min_approvals'],
      ['warning', 'require_pull_request']
    ])
  })

  test('min_metrics of the target stage', () => {
    const policy = defaultPolicy()
    policy.gates.production = { min_metrics: { f1_score: 0.95 } }
    const base = registry()
    const r = review(base, promoted(base, '1.1.0', 'production', policy), { basePolicy: policy })
    expect(errors(r.findings)).toEqual([
      expect.objectContaining({
        kind: 'gate',
        gate: 'min_metrics.f1_score',
        message: 'production: f1_score 0.9 is below the 0.95 production requires'
      })
    ])
    expect(reviewVerdict(r).state).toBe('failure')
  })

  test('must_beat compares with the holder on the base, not with the head (where it is demoted)', () => {
    const policy = defaultPolicy()
    policy.gates.production = { must_beat: { metric: 'f1_score', min_delta: 0.1 } }
    const base = registry()
    const r = review(base, promoted(base, '1.1.0', 'production', policy), { basePolicy: policy })
    expect(errors(r.findings)).toEqual([
      expect.objectContaining({
        gate: 'must_beat.f1_score',
        message: 'production: f1_score 0.9 does not beat fraud@1.0.0 0.85 (higher is better by at least 0.1)'
      })
    ])
  })

  test('the base policy judges: loosening the gate in the same change does not help', () => {
    const loose = defaultPolicy()
    loose.gates.production = { min_approvals: 0, require_pull_request: true }
    const base = registry()
    const r = review(base, promoted(base, '1.1.0', 'production'), {
      approvals: [],
      labels: [POLICY_LABEL],
      headPolicy: loose
    })
    expect(errors(r.findings).map(f => f.gate)).toEqual(['min_approvals'])
  })
})

describe('reviewChange: immutable fields', () => {
  const mutations: [string, (v: ModelVersion) => void, string][] = [
    ['checksum', v => (v.checksum = 'b'.repeat(64)), '$.checksum'],
    ['artifact sha256', v => (v.artifact.sha256 = 'c'.repeat(64)), '$.artifact.sha256'],
    ['artifact size', v => (v.artifact.size = 11), '$.artifact.size'],
    ['model_config', v => (v.model_config = { depth: 3 }), '$.model_config.depth'],
    ['training_metadata', v => (v.training_metadata = { samples: 1 }), '$.training_metadata.samples'],
    ['performance_metrics', v => (v.performance_metrics.f1_score = 0.99), '$.performance_metrics.f1_score'],
    ['source', v => (v.source = { actor: 'mallory' }), '$.source.actor'],
    ['created_at', v => (v.created_at = at(-5)), '$.created_at'],
    ['registered_at', v => (v.registered_at = at(-5)), '$.registered_at'],
    ['file_path', v => (v.file_path = 'elsewhere'), '$.file_path'],
    ['metadata_path', v => (v.metadata_path = 'models/fraud/9.9.9.json'), '$.metadata_path'],
    ['model_id', v => (v.model_id = 'fraud_20990101_000000'), '$.model_id'],
    ['model_type', v => (v.model_type = 'dbscan'), '$.model_type'],
    ['parent_model_id (lineage)', v => (v.parent_model_id = 'fraud_20250101_000000'), '$.parent_model_id'],
    ['dataset_version (lineage)', v => (v.dataset_version = 'v2'), '$.dataset_version']
  ]
  test.each(mutations)('%s cannot change', (_label, mutate, path) => {
    const base = registry()
    const head = base.map(v => (v.version === '1.0.0' ? edit(v, mutate) : v))
    const r = review(base, head)
    expect(r.passed).toBe(false)
    expect(errors(r.findings)).toEqual([
      {
        severity: 'error',
        kind: 'immutable-field',
        subject: 'fraud@1.0.0',
        file: 'models/fraud/1.0.0.json',
        message: `${path} changed; only deployment_stage, deployed_at, stage_history, tags, notes, archived_at, reason may change after registration`
      }
    ])
  })

  test('a version stored under another name or version is refused', () => {
    const base = registry()
    const moved = edit(base[0] as ModelVersion, v => (v.version = '1.0.1'))
    const head = files(defaultPolicy(), base)
    head.versions[0] = { path: 'models/fraud/1.0.0.json', content: moved }
    const r = reviewChange({
      base: files(defaultPolicy(), base),
      head,
      approvals: [],
      labels: [],
      viaPullRequest: true
    })
    expect(errors(r.findings)[0]).toEqual(
      expect.objectContaining({
        kind: 'invalid-document',
        message:
          'models/fraud/1.0.0.json holds fraud@1.0.1; a version file must be models/<name>/<version>.json'
      })
    )
  })

  test('artifact.deleted only together with archiving, and never undone', () => {
    const base = [
      makeVersion({
        version: '1.0.0',
        stage: 'deprecated',
        history: [ev('development', 0, 'register'), ev('deprecated', 1)]
      })
    ]
    const deletedOnly = [edit(base[0] as ModelVersion, v => (v.artifact.deleted = true))]
    expect(errors(review(base, deletedOnly).findings).map(f => f.message)).toEqual([
      '$.artifact.deleted is set without archiving; set it only together with deployment_stage "archived" and archived_at'
    ])
    const archived = [
      edit(base[0] as ModelVersion, v => {
        v.artifact.deleted = true
        v.deployment_stage = 'archived'
        v.archived_at = at(5)
        v.reason = 'retention'
        v.stage_history.push(ev('archived', 5, 'cleanup'))
      })
    ]
    expect(review(base, archived).findings).toEqual([])
    const undone = [edit(archived[0] as ModelVersion, v => delete v.artifact.deleted)]
    expect(errors(review(archived, undone).findings).map(f => f.message)).toEqual([
      '$.artifact.deleted is unset, but retention already deleted the artifact'
    ])
  })
})

describe('reviewChange: stage history and transitions', () => {
  test('stage_history is append-only', () => {
    const base = registry()
    const rewritten = base.map(v =>
      v.version === '1.0.0' ? edit(v, c => ((c.stage_history[1] as StageEvent).by = 'mallory')) : v
    )
    const truncated = base.map(v => (v.version === '1.0.0' ? edit(v, c => c.stage_history.splice(1, 1)) : v))
    for (const head of [rewritten, truncated]) {
      expect(kinds(review(base, head).findings)).toEqual(['error:stage-history'])
    }
  })

  test('a stage change needs its stage_history entry, and the entry must match', () => {
    const base = registry()
    const silent = base.map(v => (v.version === '1.1.0' ? edit(v, c => (c.deployment_stage = 'staging')) : v))
    expect(errors(review(base, silent).findings)).toEqual([
      expect.objectContaining({
        kind: 'stage-history',
        message: 'deployment_stage changes from "canary" to "staging" without a stage_history entry'
      })
    ])
    const mismatched = base.map(v =>
      v.version === '1.1.0' ? edit(v, c => c.stage_history.push(ev('staging', 20))) : v
    )
    expect(errors(review(base, mismatched).findings)).toEqual([
      expect.objectContaining({ message: 'deployment_stage is "canary" but stage_history ends in "staging"' })
    ])
  })

  test('a step the graph does not list is refused', () => {
    const base = [makeVersion({ version: '2.0.0', registered_at: at(20) })]
    const head = [
      edit(base[0] as ModelVersion, v => {
        v.deployment_stage = 'production'
        v.stage_history.push(ev('production', 21))
      })
    ]
    const r = review(base, head)
    expect(errors(r.findings)).toEqual([
      expect.objectContaining({
        kind: 'illegal-transition',
        message:
          'cannot move from "development" to "production": allowed from development: staging, shadow, deprecated; 2.0.0 never held production, so this is no rollback'
      })
    ])
  })

  test('a rollback its own history proves is allowed; the same step without that history is not', () => {
    const policy = defaultPolicy()
    // 1.0.0 was in production, was demoted by 1.1.0, and goes back: deprecated → production.
    const base = promoted(registry(), '1.1.0', 'production')
    const index = deriveIndex('fraud', base)
    const back = planPromotion({
      policy,
      holders: index.versions,
      candidate: base[0] as ModelVersion,
      to: 'production',
      actor: 'alice',
      via: 'pull/9',
      now: NOW,
      skipTransitionCheck: true
    })
    const changed = new Map(back.updated.map(v => [v.version, v]))
    const head = base.map(v => changed.get(v.version) ?? v)
    expect(review(base, head).findings).toEqual([])

    const never = base.map(v =>
      v.version === '1.0.0'
        ? edit(v, c => {
            c.stage_history = [ev('development', 0, 'register'), ev('deprecated', 4)]
          })
        : v
    )
    const neverHead = head.map(v =>
      v.version === '1.0.0'
        ? edit(v, c => {
            c.stage_history = [ev('development', 0, 'register'), ev('deprecated', 4), ev('production', 30)]
          })
        : v
    )
    expect(errors(review(never, neverHead).findings).map(f => f.kind)).toEqual(['illegal-transition'])
  })

  test('a rollback is exempt from must_beat only when it claims to be one and its history proves it', () => {
    const policy = defaultPolicy()
    policy.gates.production = { must_beat: 'f1_score', min_approvals: 1 }
    // 1.1.0 (f1 0.9) took production from 1.0.0 (f1 0.85); 1.0.0 goes back.
    const base = promoted(registry(), '1.1.0', 'production', policy)
    const back = (via: string, candidate = base[0] as ModelVersion, from = base): ModelVersion[] => {
      const plan = planPromotion({
        policy,
        holders: from,
        candidate,
        to: 'production',
        actor: 'alice',
        via,
        now: NOW,
        skipTransitionCheck: true
      })
      const changed = new Map(plan.updated.map(v => [v.version, v]))
      return from.map(v => changed.get(v.version) ?? v)
    }
    const claimed = review(base, back('rollback:pull/9'), { basePolicy: policy })
    expect(errors(claimed.findings)).toEqual([])
    expect(claimed.findings).toEqual([
      expect.objectContaining({ severity: 'warning', kind: 'gate', gate: 'must_beat.f1_score' })
    ])
    expect(claimed.gates[0]?.results.find(r => r.gate === 'must_beat.f1_score')?.status).toBe('exempt')
    // The same move without the claim is an ordinary promotion: 0.85 does not beat 0.9.
    expect(errors(review(base, back('pull/9'), { basePolicy: policy }).findings)).toEqual([
      expect.objectContaining({ kind: 'gate', gate: 'must_beat.f1_score' })
    ])
    // The claim without the history: no exemption (and no rollback of the transition either).
    const never = base.map(v =>
      v.version === '1.0.0'
        ? edit(v, c => {
            c.stage_history = [ev('development', 0, 'register'), ev('deprecated', 4)]
          })
        : v
    )
    const claimedOnly = review(never, back('rollback:pull/9', never[0] as ModelVersion, never), {
      basePolicy: policy
    })
    expect(
      errors(claimedOnly.findings)
        .map(f => f.gate ?? f.kind)
        .sort()
    ).toEqual(['illegal-transition', 'must_beat.f1_score'])
    // Approvals still apply to a rollback.
    expect(
      errors(review(base, back('rollback:pull/9'), { basePolicy: policy, approvals: [] }).findings).map(
        f => f.gate
      )
    ).toEqual(['min_approvals'])
  })

  test("the policy's own demotion is allowed only while another version takes the stage", () => {
    const policy = defaultPolicy()
    policy.transitions.production = ['staging']
    const base = registry()
    expect(
      review(base, promoted(base, '1.1.0', 'production', policy), { basePolicy: policy }).findings
    ).toEqual([])
    const alone = base.map(v =>
      v.version === '1.0.0'
        ? edit(v, c => {
            c.deployment_stage = 'deprecated'
            c.stage_history.push(ev('deprecated', 30, 'demoted-by:fraud@1.1.0'))
          })
        : v
    )
    expect(errors(review(base, alone, { basePolicy: policy }).findings).map(f => f.kind)).toEqual([
      'illegal-transition'
    ])
  })

  test('an exclusive stage held twice', () => {
    const base = registry()
    const both = base.map(v =>
      v.version === '1.1.0'
        ? edit(v, c => {
            c.deployment_stage = 'production'
            c.stage_history.push(ev('production', 30))
          })
        : v
    )
    expect(errors(review(base, both).findings)).toEqual([
      expect.objectContaining({
        kind: 'exclusive-stage',
        subject: 'fraud',
        message:
          'production is exclusive but 2 versions hold it (1.0.0, 1.1.0); demote all but one to deprecated'
      })
    ])
  })

  test('a new version may only start where register allows', () => {
    const base = registry()
    const fresh = makeVersion({ version: '1.2.0', registered_at: at(40) })
    const r = review(base, [...base, fresh])
    expect(r.findings).toEqual([])
    expect(r.changes).toEqual([
      { name: 'fraud', version: '1.2.0', model_id: fresh.model_id, from: null, to: 'development' }
    ])
    const straight = makeVersion({ version: '1.2.0', registered_at: at(40), stage: 'production' })
    expect(errors(review(base, [...base, straight]).findings)).toEqual([
      expect.objectContaining({
        kind: 'illegal-transition',
        message:
          'a new version cannot start in "production" (gated, exclusive or unknown): register into development, then promote'
      }),
      expect.objectContaining({ kind: 'exclusive-stage' })
    ])
  })
})

describe('reviewChange: files', () => {
  test('removed version files', () => {
    const base = registry()
    const r = review(base, base.slice(1))
    expect(errors(r.findings)).toEqual([
      expect.objectContaining({
        kind: 'removed-version',
        subject: 'fraud@1.0.0',
        message:
          'models/fraud/1.0.0.json is removed; versions are never deleted through a pull request (retention archives them)'
      })
    ])
  })

  test('an index that does not match its version files', () => {
    const base = registry()
    const head = files(
      defaultPolicy(),
      base.map(v => edit(v, c => (c.notes = 'changed')))
    )
    head.indexes = files(defaultPolicy(), base).indexes
    const r = reviewChange({
      base: files(defaultPolicy(), base),
      head,
      approvals: [],
      labels: [],
      viaPullRequest: true
    })
    expect(errors(r.findings).map(f => [f.kind, f.message])).toEqual([
      [
        'index-mismatch',
        'models/fraud/index.json: the entry for 1.0.0 differs from models/fraud/1.0.0.json at $.notes'
      ],
      [
        'index-mismatch',
        'models/fraud/index.json: the entry for 1.1.0 differs from models/fraud/1.1.0.json at $.notes'
      ]
    ])
    head.indexes = []
    expect(
      reviewChange({
        base: files(defaultPolicy(), base),
        head,
        approvals: [],
        labels: [],
        viaPullRequest: true
      }).findings.map(f => f.message)
    ).toEqual(['models/fraud/index.json is missing; it must list every version file of fraud'])
  })

  test('schema-invalid and unreadable documents', () => {
    const base = registry()
    const head = files(defaultPolicy(), base)
    head.versions[0] = { path: 'models/fraud/1.0.0.json', content: { ...base[0], checksum: 'nope' } }
    head.versions[1] = {
      path: 'models/fraud/1.1.0.json',
      content: null,
      error: 'models/fraud/1.1.0.json: not valid JSON'
    }
    head.indexes[0] = { path: 'models/fraud/index.json', content: { name: 'fraud' } }
    head.problems = [{ path: 'models/Bad', message: 'models/Bad: not a valid model name: "Bad"' }]
    const r = reviewChange({
      base: files(defaultPolicy(), base),
      head,
      approvals: [],
      labels: [],
      viaPullRequest: true
    })
    expect(r.findings.map(f => [f.severity, f.kind, f.subject, f.message])).toEqual([
      ['error', 'invalid-document', 'models/Bad', 'models/Bad: not a valid model name: "Bad"'],
      [
        'error',
        'invalid-document',
        'fraud@1.0.0',
        'head: models/fraud/1.0.0.json: $.checksum does not match ^[0-9a-f]{64}$'
      ],
      ['error', 'invalid-document', 'fraud@1.1.0', 'head: models/fraud/1.1.0.json: not valid JSON'],
      ['error', 'invalid-document', 'fraud', 'models/fraud/index.json: $.schema_version is required']
    ])
  })

  test('files outside registry.json and models/ (the workflows of the check itself) need the policy label', () => {
    const base = registry()
    const otherPaths = ['.github']
    expect(review(base, base, { otherPaths, labels: [] }).findings).toEqual([
      {
        severity: 'error',
        kind: 'other-file',
        subject: '.github',
        file: '.github',
        message: `.github changes outside registry.json and models/ (it could change the workflows that run this check): add the "${POLICY_LABEL}" label to allow it`
      }
    ])
    expect(review(base, base, { otherPaths, labels: [POLICY_LABEL] }).findings).toEqual([])
    expect(kinds(review(base, base, { otherPaths, labels: null }).findings)).toEqual(['warning:other-file'])
    expect(review(base, base, { otherPaths: [], labels: [] }).passed).toBe(true)
  })

  test('registry.json edits need the policy label, and must be valid', () => {
    const base = registry()
    const changed = defaultPolicy()
    changed.retention.keep_last = 3
    const r = review(base, base, { headPolicy: changed, labels: [] })
    expect(r.findings).toEqual([
      {
        severity: 'error',
        kind: 'policy-change',
        subject: 'registry.json',
        file: 'registry.json',
        message: `registry.json changes the policy: add the "${POLICY_LABEL}" label to the pull request to allow it`
      }
    ])
    expect(review(base, base, { headPolicy: changed, labels: ['other', POLICY_LABEL] }).findings).toEqual([])
    expect(kinds(review(base, base, { headPolicy: changed, labels: null }).findings)).toEqual([
      'warning:policy-change'
    ])
    const broken = { ...changed, initial_stage: 'nowhere' }
    expect(
      review(base, base, { headPolicy: broken, labels: [POLICY_LABEL] }).findings.map(f => f.message)
    ).toEqual([
      'registry.json: $.initial_stage names unknown stage "nowhere"; add it to $.stages or use one of development, staging, canary, production, shadow, deprecated, archived'
    ])
  })
})

describe('reviewChange: properties', () => {
  const immutablePaths: ((v: ModelVersion, x: number) => void)[] = [
    (v, x) => (v.performance_metrics[`m${x}`] = x),
    (v, x) => (v.model_config[`k${x}`] = x),
    (v, x) => (v.training_metadata[`k${x}`] = x),
    (v, x) => (v.artifact.size = v.artifact.size + 1 + x),
    (v, x) => (v.file_path = `${v.file_path}/${x}`),
    (v, x) => (v.source = { ...v.source, commit: `c${x}` }),
    v =>
      (v.checksum = v.checksum.split('').reverse().join('') === v.checksum ? 'f'.repeat(64) : 'e'.repeat(64))
  ]

  test('any edit of a registered field fails the check, whatever else changes with it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: immutablePaths.length - 1 }),
        fc.nat(1000),
        fc.boolean(),
        fc.constantFrom('1.0.0', '1.1.0'),
        (which, x, alsoPromote, target) => {
          const base = registry()
          let head = alsoPromote ? promoted(base, '1.1.0', 'production') : base
          head = head.map(v => (v.version === target ? edit(v, c => immutablePaths[which]?.(c, x)) : v))
          const r = review(base, head)
          return (
            !r.passed && r.findings.some(f => f.kind === 'immutable-field' && f.subject === `fraud@${target}`)
          )
        }
      )
    )
  })

  test('any rewrite of an existing stage_history entry fails the check', () => {
    fc.assert(
      fc.property(fc.nat(10), fc.constantFrom('stage', 'at', 'by', 'via'), fc.boolean(), (i, field, drop) => {
        const base = registry()
        const history = (base[0] as ModelVersion).stage_history
        const index = i % history.length
        const head = base.map(v =>
          v.version === '1.0.0'
            ? edit(v, c => {
                if (drop) c.stage_history.splice(index, 1)
                else if (field === 'at') (c.stage_history[index] as StageEvent).at = at(500)
                else (c.stage_history[index] as StageEvent)[field as 'stage' | 'by' | 'via'] = 'shadow'
              })
            : v
        )
        return !review(base, head).passed
      })
    )
  })

  test('every promotion promote itself would write passes once approved (and is pending before)', () => {
    const policy = defaultPolicy()
    const stages = policy.stages
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('1.0.0', '1.1.0'), fc.constantFrom(...stages)), { maxLength: 6 }),
        fc.constantFrom('1.0.0', '1.1.0'),
        fc.constantFrom(...stages),
        (history, version, to) => {
          // Reach a random legal state, then review one more legal promotion from it.
          let base = registry()
          for (const [v, stage] of history) {
            try {
              base = promoted(base, v, stage)
            } catch {
              // an illegal step: skip it
            }
          }
          let head: ModelVersion[]
          try {
            head = promoted(base, version, to)
          } catch {
            return true
          }
          const approved = review(base, head)
          const unapproved = review(base, head, { approvals: [] })
          const gated = (policy.gates[to]?.min_approvals ?? 0) > 0
          return (
            approved.passed &&
            reviewVerdict(approved).state === 'success' &&
            reviewVerdict(unapproved).state === (gated ? 'pending' : 'success')
          )
        }
      )
    )
  })
})

describe('approversOf', () => {
  test("each reviewer's latest position counts; comments keep it; the author never counts", () => {
    const reviews = [
      { user: 'alice', state: 'APPROVED' },
      { user: 'alice', state: 'COMMENTED' },
      { user: 'bob', state: 'APPROVED' },
      { user: 'bob', state: 'CHANGES_REQUESTED' },
      { user: 'carol', state: 'CHANGES_REQUESTED' },
      { user: 'carol', state: 'APPROVED' },
      { user: 'dave', state: 'APPROVED' },
      { user: 'dave', state: 'DISMISSED' },
      { user: 'Erin', state: 'APPROVED' },
      { user: null, state: 'APPROVED' },
      { user: 'frank', state: 'PENDING' }
    ]
    expect(approversOf(reviews, { author: 'erin' })).toEqual(['alice', 'carol'])
    expect(approversOf(reviews, { author: null })).toEqual(['Erin', 'alice', 'carol'])
  })

  test('an approval counts only on the current head commit; a later comment keeps the position it was on', () => {
    const reviews = [
      { user: 'alice', state: 'APPROVED', commit_id: 'old' },
      { user: 'bob', state: 'APPROVED', commit_id: 'head' },
      { user: 'bob', state: 'COMMENTED', commit_id: 'head' },
      { user: 'carol', state: 'APPROVED', commit_id: 'old' },
      { user: 'carol', state: 'COMMENTED', commit_id: 'head' },
      { user: 'dave', state: 'APPROVED', commit_id: null }
    ]
    expect(approversOf(reviews, { author: null, headSha: 'head' })).toEqual(['bob'])
  })
})

describe('requestersOf', () => {
  test('the `by` of the stage_history entries a proposal adds, not of those already there', () => {
    const doc = (path: string, by: string[]) => ({
      path,
      content: { stage_history: by.map(b => ({ stage: 's', at: 't', by: b, via: 'promote' })) }
    })
    const base = [doc('models/m/1.0.0.json', ['trainer']), doc('models/m/0.9.0.json', ['x'])]
    const head = [
      doc('models/m/1.0.0.json', ['trainer', 'octo-releaser']),
      doc('models/m/0.9.0.json', ['x', 'octo-releaser']),
      doc('models/n/2.0.0.json', ['newcomer']),
      { path: 'models/broken.json', content: null }
    ]
    expect(requestersOf(base, head)).toEqual(['newcomer', 'octo-releaser'])
  })
})

describe('stageChanges and isDirectChangeAllowed (apply)', () => {
  const policy = defaultPolicy()
  test('registrations into an open stage and unprotected archiving may come without review', () => {
    const base = registry()
    const fresh = makeVersion({ version: '1.2.0', registered_at: at(40) })
    const head = promoted([...base, fresh], '1.1.0', 'production')
    const changes = stageChanges(base, head)
    expect(changes.map(c => `${c.version} ${c.from} ${c.to}`)).toEqual([
      '1.0.0 production deprecated',
      '1.1.0 canary production',
      '1.2.0 null development'
    ])
    const byVersion = new Map(head.map(v => [v.version, v]))
    expect(
      changes.map(c => isDirectChangeAllowed(policy, c, byVersion.get(c.version) as ModelVersion))
    ).toEqual([false, false, true])
    const archived = edit(makeVersion({ version: '0.9.0', stage: 'deprecated' }), v => {
      v.deployment_stage = 'archived'
      v.stage_history.push(ev('archived', 50, 'cleanup'))
    })
    expect(
      isDirectChangeAllowed(
        policy,
        { name: 'fraud', version: '0.9.0', model_id: 'x', from: 'deprecated', to: 'archived' },
        archived
      )
    ).toBe(true)
    expect(
      isDirectChangeAllowed(
        policy,
        { name: 'fraud', version: '0.9.0', model_id: 'x', from: 'production', to: 'archived' },
        archived
      )
    ).toBe(false)
  })
})
