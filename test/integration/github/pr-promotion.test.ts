/**
 * Promotion through pull requests against the GitHub emulator, end to end at command level:
 * register → promote (a pull request with a policy status) → check → review → merge → apply,
 * then the ways a change can go wrong: an unreviewed push, an edited registered field, an
 * illegal move. One registry for the whole file; the tests run in order and build on each other.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { apply } from '../../../src/commands/apply.js'
import { check } from '../../../src/commands/check.js'
import type { CommandContext } from '../../../src/commands/context.js'
import { init } from '../../../src/commands/init.js'
import { promote, type PromoteResult } from '../../../src/commands/promote.js'
import { register } from '../../../src/commands/register.js'
import { rollback } from '../../../src/commands/rollback.js'
import { showVersion } from '../../../src/commands/show.js'
import { layoutWrites } from '../../../src/commands/layout-writes.js'
import { readCheckoutVersion, rewriteVersions } from '../../support/layout-checkout.js'
import type { ModelIndex, ModelVersion } from '../../../src/domain/types.js'
import { createGitHubReviewChannel } from '../../../src/github/review-channel.js'
import { git, gitAsync } from '../../support/git-repo.js'
import { prFixture, REGISTRY_BRANCH, type PrFixture } from './pr-context.js'
import { caught } from '../../support/registry-error.js'

let f: PrFixture
let ctx: CommandContext
const NAME = 'theft-detector'

beforeAll(async () => {
  f = await prFixture()
  ctx = f.context()
  for (const reviewer of ['alice', 'bob', 'ci-bot']) f.gh.state.addCollaborator(reviewer, 'write')
})
afterEach(() => {
  expect(f.gh.validationErrors).toEqual([])
  expect(f.log.join('\n')).not.toContain(f.gh.token)
})
afterAll(async () => {
  await f?.close()
})

const statusesOf = (sha: string) =>
  f.gh.state.statuses.filter(s => s.sha === sha && s.context === 'model-registry/policy').map(s => s.state)

async function pull(number: number) {
  return (await f.octokit.rest.pulls.get({ owner: f.gh.owner, repo: f.gh.repo, pull_number: number })).data
}

async function merge(number: number): Promise<{ before: string; after: string }> {
  const before = f.tip()
  const merged = await f.octokit.rest.pulls.merge({ owner: f.gh.owner, repo: f.gh.repo, pull_number: number })
  expect(f.tip()).toBe(merged.data.sha)
  return { before, after: merged.data.sha }
}

async function registered(version: string, f1: number): Promise<ModelVersion> {
  f.clock.advance(60_000)
  const file = join(f.dir, `model-${version}.pkl`)
  await writeFile(file, `weights of ${version}`)
  return register(ctx, {
    file,
    modelType: 'isolation_forest',
    name: NAME,
    version,
    metrics: { f1_score: f1 },
    datasetVersion: '2026-11'
  })
}

async function promoted(version: string, to: string): Promise<PromoteResult> {
  f.clock.advance(60_000)
  return promote(ctx, { reference: `${NAME}@${version}`, to })
}

/** registry.json's production must_beat, committed directly (as an administrator would). */
async function setMustBeat(metric: string | null): Promise<void> {
  await ctx.backend.update(async snapshot => {
    const policy = structuredClone(snapshot.policy)
    policy.gates.production = { ...policy.gates.production, must_beat: metric }
    return {
      change: { subject: 'test: production must_beat', files: [{ path: 'registry.json', content: policy }] },
      result: null
    }
  })
}

describe('promotion through pull requests', () => {
  let production: PromoteResult

  test('promote opens a pull request with the change; the registry branch does not move', async () => {
    await init(ctx, 'github-release')
    await registered('1.0.0', 0.85)
    const tip = f.tip()
    const staging = await promoted('1.0.0', 'staging')
    expect(f.tip()).toBe(tip)
    expect(staging.pull_request).toEqual({
      number: 1,
      url: `${f.gh.serverUrl}/${f.gh.owner}/${f.gh.repo}/pull/1`,
      created: true,
      branch: `mreg/promote/${NAME}/1.0.0-to-staging`,
      base: tip
    })
    expect(staging.status).toEqual({
      state: 'success',
      description: `policy passed: ${NAME} 1.0.0: development → staging`,
      context: 'model-registry/policy'
    })
    const pr = await pull(1)
    expect(pr).toMatchObject({
      title: `promote ${NAME} 1.0.0: development → staging`,
      state: 'open',
      head: { ref: `mreg/promote/${NAME}/1.0.0-to-staging`, sha: staging.commit },
      base: { ref: REGISTRY_BRANCH, sha: tip }
    })
    // The stage history names the pull request that makes the move.
    expect(staging.version.stage_history.at(-1)).toEqual({
      stage: 'staging',
      at: f.clock.now().toISOString(),
      by: 'ci-bot',
      via: 'pull/1'
    })
    expect(git(f.gh.repoDir, ['log', '-1', '--format=%B', staging.commit])).toContain('Via: pull/1')
    expect(statusesOf(staging.commit)).toEqual(['success'])
    expect((await showVersion(ctx, `${NAME}@1.0.0`)).deployment_stage).toBe('development')

    await merge(1)
    expect((await showVersion(ctx, `${NAME}@1.0.0`)).deployment_stage).toBe('staging')
    await merge((await promoted('1.0.0', 'canary')).pull_request!.number)
    expect((await showVersion(ctx, `${NAME}@1.0.0`)).deployment_stage).toBe('canary')
  })

  test('to production: the pull request waits for an approval (pending), with the comparison in its body', async () => {
    production = await promoted('1.0.0', 'production')
    const number = production.pull_request!.number
    expect(production.status?.state).toBe('pending')
    expect(statusesOf(production.commit)).toEqual(['pending'])
    expect(production.gates).toEqual([
      {
        gate: 'min_approvals',
        status: 'fail',
        message: '0 approval(s), 1 required; get the pull request approved'
      },
      { gate: 'require_pull_request', status: 'pass', message: 'the change comes through a pull request' }
    ])
    const body = (await pull(number)).body ?? ''
    expect(body).toContain(`Promotes **${NAME}@1.0.0** from \`canary\` to \`production\`.`)
    expect(body).toContain('| f1_score | 0.85 |')
    expect(body).toContain('| min_approvals | ⏳ waiting for review |')
    expect(body).toContain('- dataset_version: `2026-11`')
    expect(body).toContain(`Via: pull/${number}`)
    const head = production.version
    expect(body).toContain(`- SHA-256: \`${head.checksum}\``)
  })

  test('running promote again updates the same pull request', async () => {
    const again = await promoted('1.0.0', 'production')
    expect(again.pull_request).toMatchObject({ number: production.pull_request!.number, created: false })
    expect(f.gh.state.pulls.filter(p => p.state === 'open')).toHaveLength(1)
    expect((await pull(again.pull_request!.number)).head.sha).toBe(again.commit)
    production = again
  })

  test('check: pending without approval, success once a reviewer approves; the status lands on the head', async () => {
    const number = production.pull_request!.number
    const pr = await pull(number)
    const input = { base: pr.base.sha, head: pr.head.sha, pullNumber: number, headRef: pr.head.ref }

    const waiting = await check(f.context('github-actions'), input)
    expect(waiting).toMatchObject({
      passed: false,
      review: 'pull-request',
      approvals: [],
      pull_request: number
    })
    expect(waiting.findings.map(f => [f.severity, f.kind, f.gate])).toEqual([
      ['error', 'gate', 'min_approvals']
    ])
    expect(waiting.status).toMatchObject({ state: 'pending', posted: true })
    expect(waiting.changes).toEqual([
      {
        name: NAME,
        version: '1.0.0',
        model_id: production.version.model_id,
        from: 'canary',
        to: 'production'
      }
    ])

    // The author cannot approve; nor can whoever asked for the promotion (ci-bot, recorded in
    // the proposal's stage_history), even with write access; a reviewer can.
    f.gh.state.addReview(number, { user: 'github-actions[bot]' })
    expect((await check(f.context('github-actions'), input)).passed).toBe(false)
    f.gh.state.addReview(number, { user: 'ci-bot' })
    expect(await check(f.context('github-actions'), input)).toMatchObject({ passed: false, approvals: [] })
    f.gh.state.addReview(number, { user: 'alice' })
    const approved = await check(f.context('github-actions'), input)
    expect(approved).toMatchObject({ passed: true, approvals: ['alice'], findings: [] })
    expect(approved.status).toEqual({
      state: 'success',
      description: `policy passed: ${NAME} 1.0.0: canary → production`,
      context: 'model-registry/policy',
      posted: true
    })
    expect(statusesOf(pr.head.sha)).toEqual(['pending', 'pending', 'pending', 'pending', 'success'])
    expect(f.gh.state.statuses.at(-1)).toMatchObject({
      sha: pr.head.sha,
      targetUrl: `${f.gh.serverUrl}/${f.gh.owner}/${f.gh.repo}/actions/runs/1`
    })
  })

  test('apply after the merge reports the change, reviewed, though GitHub links the merge a moment later', async () => {
    // Not linked yet at the first lookup; linked by the time the (injected) wait is over.
    f.gh.state.pullLinkDelayMs = 60_000
    const { before, after } = await merge(production.pull_request!.number)
    f.gh.state.pullLinkDelayMs = 0
    const pull = f.gh.state.pull(production.pull_request!.number)!
    const unlinked = f.gh.state.unlinkedAnswers
    const waits: number[] = []
    const linkingChannel = createGitHubReviewChannel({
      client: f.client,
      owner: f.gh.owner,
      repo: f.gh.repo,
      linkRetryDelaysMs: [500, 1000],
      sleep: async ms => {
        waits.push(ms)
        pull.linkedFrom = Date.now()
      }
    })
    const outcome = await apply({ ...f.context(), review: linkingChannel }, { before, after })
    expect(f.gh.state.unlinkedAnswers).toBe(unlinked + 1)
    expect(waits).toEqual([500])
    expect(outcome).toEqual({
      before,
      after,
      changes: [
        {
          name: NAME,
          version: '1.0.0',
          model_id: production.version.model_id,
          from: 'canary',
          to: 'production',
          commit: after
        }
      ],
      unreviewed: [],
      review: 'pull-request',
      commits: 1,
      rewritten: false
    })
    expect((await showVersion(ctx, `${NAME}@production`)).version).toBe('1.0.0')

    // Not linked within the waits: flagged, and the message says GitHub may still be linking
    // the merge commit (not that it was pushed directly).
    pull.linkedFrom = Date.now() + 60_000
    const late = await apply(f.context(), { before, after })
    pull.linkedFrom = undefined
    expect(late.unreviewed.map(u => u.reason)).toEqual([
      `commit ${after.slice(0, 12)} moved ${NAME}@1.0.0 canary → production without a merged pull request: no pull request found after 0.2 s (GitHub may still be linking it)`
    ])
  })

  test('promote refuses before opening anything when the move or a metric gate fails', async () => {
    await registered('1.1.0', 0.9)
    const pulls = f.gh.state.pulls.length
    const illegal = await caught(promoted('1.1.0', 'production'))
    expect(illegal.message).toBe(
      'cannot move from "development" to "production": allowed from development: staging, shadow, deprecated'
    )
    expect(f.gh.state.pulls).toHaveLength(pulls)
  })

  test('rollback goes through a pull request too, and its check accepts the step history proves', async () => {
    // 1.1.0 takes production (demoting 1.0.0), then production is rolled back to 1.0.0.
    for (const stage of ['staging', 'canary', 'production']) {
      const step = await promoted('1.1.0', stage)
      if (stage === 'production') f.gh.state.addReview(step.pull_request!.number, { user: 'alice' })
      await merge(step.pull_request!.number)
    }
    expect((await showVersion(ctx, `${NAME}@1.0.0`)).deployment_stage).toBe('deprecated')
    // 1.0.0 (f1 0.85) does not beat 1.1.0: under must_beat only the rollback exemption lets it back.
    await setMustBeat('f1_score')
    f.clock.advance(60_000)
    const back = await rollback(ctx, { name: NAME, stage: 'production' })
    expect(back.pull_request?.created).toBe(true)
    expect(back.gates.find(g => g.gate === 'must_beat.f1_score')?.status).toBe('exempt')
    const pr = await pull(back.pull_request!.number)
    expect(pr.title).toBe(`rollback ${NAME} 1.0.0: deprecated → production`)
    expect(pr.body).toContain('A rollback is exempt from `must_beat`')
    expect(pr.body).toContain('| must_beat.f1_score | ⏭️ exempt (rollback) |')
    expect(back.version.stage_history.at(-1)?.via).toBe(`rollback:pull/${pr.number}`)
    expect(back.status?.state).toBe('pending')
    f.gh.state.addReview(pr.number, { user: 'bob' })
    const checked = await check(f.context('github-actions'), {
      base: pr.base.sha,
      head: pr.head.sha,
      pullNumber: pr.number,
      headRef: pr.head.ref
    })
    expect(checked.passed).toBe(true)
    expect(checked.findings).toEqual([
      expect.objectContaining({ severity: 'warning', kind: 'gate', gate: 'must_beat.f1_score' })
    ])
    await setMustBeat(null)
    expect(checked.changes.map(c => `${c.version} ${c.from} → ${c.to}`)).toEqual([
      '1.0.0 deprecated → production',
      '1.1.0 production → deprecated'
    ])
    // Left open: the next tests change the registry under it.
    await f.octokit.rest.pulls.update({
      owner: f.gh.owner,
      repo: f.gh.repo,
      pull_number: pr.number,
      state: 'closed'
    })
  })
})

describe('changes that must not pass', () => {
  /** Proposes a hand-made edit of the registry on `branch` and opens a pull request for it. */
  async function editProposal(
    branch: string,
    edit: (versions: ModelVersion[]) => ModelVersion[]
  ): Promise<{ number: number; base: string; head: string; headRef: string }> {
    const proposed = await ctx.backend.propose!(async snapshot => {
      const index = (await snapshot.readIndex(NAME)) as ModelIndex
      const changed = edit(structuredClone(index.versions))
      return {
        change: {
          subject: `hand edit on ${branch}`,
          files: await layoutWrites(snapshot, { upserts: changed })
        },
        result: undefined
      }
    }, branch)
    const opened = await ctx.review!.openOrUpdateProposal({
      branch,
      base: REGISTRY_BRANCH,
      title: `hand edit ${branch}`,
      body: 'edited by hand'
    })
    f.gh.state.addReview(opened.number, { user: 'alice' })
    return { number: opened.number, base: proposed.base, head: proposed.commit, headRef: branch }
  }

  test('a pull request that edits a registered field fails the check', async () => {
    const pr = await editProposal('edit/metrics', versions =>
      versions
        .filter(v => v.version === '1.1.0')
        .map(v => ({ ...v, performance_metrics: { f1_score: 0.99 } }))
    )
    const outcome = await check(f.context('github-actions'), { ...pr, pullNumber: pr.number })
    expect(outcome.passed).toBe(false)
    expect(outcome.findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        kind: 'immutable-field',
        subject: `${NAME}@1.1.0`,
        message: expect.stringMatching(/^\$\.performance_metrics\.f1_score changed; /)
      })
    ])
    expect(outcome.status.state).toBe('failure')
    expect(statusesOf(pr.head)).toEqual(['failure'])
  })

  test('a pull request that makes an illegal move fails the check, approved or not', async () => {
    await registered('1.2.0', 0.95)
    const pr = await editProposal('edit/skip', versions =>
      versions
        .filter(v => v.version === '1.2.0')
        .map(v => ({
          ...v,
          deployment_stage: 'canary',
          deployed_at: f.clock.now().toISOString(),
          stage_history: [
            ...v.stage_history,
            { stage: 'canary', at: f.clock.now().toISOString(), by: 'mallory', via: 'hand' }
          ]
        }))
    )
    const outcome = await check(f.context('github-actions'), { ...pr, pullNumber: pr.number })
    expect(outcome.findings.map(x => [x.kind, x.message])).toEqual([
      [
        'illegal-transition',
        'cannot move from "development" to "canary": allowed from development: staging, shadow, deprecated; 1.2.0 never held canary, so this is no rollback'
      ]
    ])
    expect(statusesOf(pr.head)).toEqual(['failure'])
  })

  test('apply flags a stage change pushed straight to the registry branch', async () => {
    const work = join(f.dir, 'clone')
    const env = f.gh.gitEnv()
    // Asynchronous: the emulator serves git from this very process.
    await gitAsync(f.dir, ['clone', '--quiet', '--branch', REGISTRY_BRANCH, f.gh.gitUrl, work], env)
    const before = git(work, ['rev-parse', 'HEAD'])
    const doc = await readCheckoutVersion(work, NAME, '1.2.0')
    const moved: ModelVersion = {
      ...doc,
      deployment_stage: 'staging',
      stage_history: [
        ...doc.stage_history,
        { stage: 'staging', at: '2026-11-28T00:00:00.000Z', by: 'mallory', via: 'push' }
      ]
    }
    await rewriteVersions(work, NAME, [moved])
    git(work, ['add', '-A'], { env })
    git(work, ['commit', '--quiet', '-m', 'move 1.2.0 to staging by hand'], { env })
    await gitAsync(work, ['push', '--quiet', 'origin', REGISTRY_BRANCH], env)
    const after = git(work, ['rev-parse', 'HEAD'])

    const outcome = await apply(f.context(), { before, after })
    const change = {
      name: NAME,
      version: '1.2.0',
      model_id: doc.model_id,
      from: 'development',
      to: 'staging',
      commit: after
    }
    expect(outcome.changes).toEqual([change])
    expect(outcome.unreviewed).toEqual([
      {
        ...change,
        reason: `commit ${after.slice(0, 12)} moved ${NAME}@1.2.0 development → staging without a merged pull request: pushed directly (no pull request found after 0.2 s)`
      }
    ])
  })
})

describe('a proposal the registry moved away from', () => {
  test('is refused as stale instead of read as undoing what landed since', async () => {
    const open = f.gh.state.pulls.find(p => p.head === 'edit/skip')!
    const pr = await pull(open.number)
    expect(pr.base.sha).toBe(f.tip())
    const outcome = await check(f.context('github-actions'), {
      base: pr.base.sha,
      head: pr.head.sha,
      pullNumber: pr.number,
      headRef: pr.head.ref
    })
    expect(outcome.findings).toEqual([
      {
        severity: 'error',
        kind: 'stale-base',
        subject: 'proposal',
        message: `the change is not built on ${f.tip().slice(0, 12)}: the registry branch moved on since; run the promotion again (or rebase the branch) to rebuild it`
      }
    ])
    expect(statusesOf(pr.head.sha).at(-1)).toBe('failure')
  })
})
