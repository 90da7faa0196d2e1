import { describe, expect, test } from '@jest/globals'
import { proposalBody, proposalBranch, proposalTitle } from '../../../src/domain/proposal.js'
import { at, makeVersion } from './fixtures.js'

describe('proposal branch and title', () => {
  test('one branch per version and target stage; build metadata made branch-safe', () => {
    expect(proposalBranch('theft-detector', '1.1.0', 'production')).toBe(
      'mreg/promote/theft-detector/1.1.0-to-production'
    )
    expect(proposalBranch('m', '1.0.0+build.5', 'staging')).toBe('mreg/promote/m/1.0.0_build.5-to-staging')
    expect(proposalTitle('promote', 'm', '1.1.0', 'canary', 'production')).toBe(
      'promote m 1.1.0: canary → production'
    )
    expect(proposalTitle('rollback', 'm', '1.0.0', 'deprecated', 'production')).toBe(
      'rollback m 1.0.0: deprecated → production'
    )
  })
})

describe('proposalBody', () => {
  const holder = makeVersion({
    version: '1.0.0',
    registered_at: at(0),
    stage: 'production',
    metrics: { f1_score: 0.8, recall: 0.9 }
  })
  const candidate = {
    ...makeVersion({
      version: '1.1.0',
      registered_at: at(10),
      stage: 'canary',
      metrics: { f1_score: 0.9, precision: 0.7 },
      parent: holder.model_id,
      dataset_version: '2026-01'
    }),
    source: { commit: 'abc123', workflow_run: 'https://github.com/acme/models/actions/runs/1' }
  }
  const demoted = { ...holder, deployment_stage: 'deprecated' }
  const message = 'promote fraud 1.1.0: canary → production\n\nModel-Id: x\nVia: pull/3\n'

  test('compares with the current holder, lists gates, checksum, lineage and the commit message', () => {
    const body = proposalBody({
      verb: 'promote',
      candidate,
      from: 'canary',
      to: 'production',
      holders: [holder],
      demoted: [demoted],
      gates: [
        { gate: 'min_approvals', status: 'fail', message: '0 approval(s), 1 required' },
        { gate: 'require_pull_request', status: 'pass', message: 'the change comes through a pull request' }
      ],
      commitMessage: message
    })
    expect(body).toContain('Promotes **fraud@1.1.0** from `canary` to `production`.')
    expect(body).toContain(
      'Demotes **fraud@1.0.0** from `production` to `deprecated` (`production` is exclusive).'
    )
    expect(body).toContain('### Metrics: candidate vs current fraud@1.0.0')
    expect(body).toContain('| f1_score | 0.8 | 0.9 | +0.1 (+12.5 %) |')
    expect(body).toContain('| precision | — | 0.7 | — |')
    expect(body).toContain('| recall | 0.9 | — | — |')
    expect(body).toContain('| min_approvals | ⏳ waiting for review | 0 approval(s), 1 required |')
    expect(body).toContain('| require_pull_request | ✅ pass | the change comes through a pull request |')
    expect(body).toContain(`- SHA-256: \`${candidate.checksum}\``)
    expect(body).toContain(`- parent_model_id: \`${holder.model_id}\``)
    expect(body).toContain('- dataset_version: `2026-01`')
    expect(body).toContain('- training run: https://github.com/acme/models/actions/runs/1')
    expect(body).toContain('```\npromote fraud 1.1.0: canary → production\n\nModel-Id: x\nVia: pull/3\n```')
  })

  test('without a holder it lists the candidate alone; failed gates read as failures', () => {
    const body = proposalBody({
      verb: 'rollback',
      candidate,
      from: 'deprecated',
      to: 'staging',
      holders: [],
      demoted: [],
      gates: [{ gate: 'min_metrics.f1_score', status: 'fail', message: 'f1_score | 0.9 is below 0.95' }],
      commitMessage: message
    })
    expect(body).toContain(
      'Rolls **fraud@1.1.0** back from `deprecated` into `staging`, which it held before.'
    )
    expect(body).toContain('Nothing holds the stage now')
    expect(body).toContain('| f1_score | 0.9 |')
    expect(body).toContain('| min_metrics.f1_score | ❌ fail | f1_score \\| 0.9 is below 0.95 |')
  })
})
