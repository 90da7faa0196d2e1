/** The GitHub review channel against the emulator: proposals, approvals, labels, statuses, commit → pulls. */
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals'
import type { ReviewChannel } from '../../../src/commands/review-channel.js'
import { createGitHubReviewChannel } from '../../../src/github/review-channel.js'
import { gitAsync } from '../../support/git-repo.js'
import { prFixture, type PrFixture } from './pr-context.js'
import { caught } from '../../support/registry-error.js'

let f: PrFixture
let channel: ReviewChannel
let work: string

beforeAll(async () => {
  f = await prFixture()
  channel = createGitHubReviewChannel({ client: f.client, owner: f.gh.owner, repo: f.gh.repo })
  // A branch with one commit on top of main to propose. Asynchronous git: the emulator serves
  // it from this process.
  work = `${f.dir}/work`
  const env = f.gh.gitEnv()
  await gitAsync(f.dir, ['clone', '--quiet', f.gh.gitUrl, work], env)
  await gitAsync(work, ['commit', '--quiet', '--allow-empty', '-m', 'proposal'], env)
  await gitAsync(work, ['push', '--quiet', 'origin', 'HEAD:refs/heads/mreg/promote/m/1.0.0-to-staging'], env)
})
afterEach(() => {
  expect(f.gh.validationErrors).toEqual([])
  expect(f.log.join('\n')).not.toContain(f.gh.token)
})
afterAll(async () => {
  await f?.close()
})

const BRANCH = 'mreg/promote/m/1.0.0-to-staging'

describe('GitHub review channel', () => {
  test('opens a proposal once, then updates it; labels are added once', async () => {
    const opened = await channel.openOrUpdateProposal({
      branch: BRANCH,
      base: 'main',
      title: 'promote m 1.0.0: development → staging',
      body: 'first',
      labels: ['model-registry']
    })
    expect(opened).toEqual({
      number: 1,
      url: `${f.gh.serverUrl}/${f.gh.owner}/${f.gh.repo}/pull/1`,
      created: true
    })
    const updated = await channel.openOrUpdateProposal({
      branch: BRANCH,
      base: 'main',
      title: 'promote m 1.0.0: development → staging (again)',
      body: 'second',
      labels: ['model-registry', 'registry-policy']
    })
    expect(updated).toEqual({ ...opened, created: false })
    expect(f.gh.state.pulls).toHaveLength(1)
    expect(f.gh.state.pulls[0]).toMatchObject({
      title: 'promote m 1.0.0: development → staging (again)',
      body: 'second',
      labels: ['model-registry', 'registry-policy']
    })
    expect(await channel.labels(1)).toEqual(['model-registry', 'registry-policy'])
  })

  test("approvals: each reviewer's latest position, never the author's", async () => {
    expect(await channel.approvals(1)).toEqual({ approvers: [] })
    f.gh.state.addCollaborator('bob', 'write')
    f.gh.state.addCollaborator('carol', 'maintain')
    f.gh.state.addReview(1, { user: 'github-actions[bot]' }) // the author (the token's user)
    f.gh.state.addReview(1, { user: 'bob', state: 'APPROVED' })
    f.gh.state.addReview(1, { user: 'carol', state: 'APPROVED' })
    f.gh.state.addReview(1, { user: 'carol', state: 'CHANGES_REQUESTED' })
    f.gh.state.addReview(1, { user: 'bob', state: 'COMMENTED' })
    expect(await channel.approvals(1)).toEqual({ approvers: ['bob'] })
  })

  test('approvals count only reviewers with write access, on the current head commit', async () => {
    f.gh.state.addCollaborator('reader', 'read')
    f.gh.state.addCollaborator('triager', 'triage')
    f.gh.state.addCollaborator('admin-ann', 'admin')
    f.gh.state.addCollaborator('stale-sam', 'write')
    f.gh.state.addReview(1, { user: 'stranger', state: 'APPROVED' }) // anyone may review a public repository
    f.gh.state.addReview(1, { user: 'reader', state: 'APPROVED' })
    f.gh.state.addReview(1, { user: 'triager', state: 'APPROVED' })
    f.gh.state.addReview(1, { user: 'admin-ann', state: 'APPROVED' })
    f.gh.state.addReview(1, { user: 'stale-sam', state: 'APPROVED', commitId: 'f'.repeat(40) })
    const before = f.gh.requests.length
    expect(await channel.approvals(1)).toEqual({ approvers: ['admin-ann', 'bob'] })
    // author_association filters first: the stranger (NONE) costs no permission request.
    const asked = f.gh.requests
      .slice(before)
      .filter(r => r.operationId === 'repos/get-collaborator-permission-level')
      .map(r => r.path.split('/')[5])
      .sort()
    expect(asked).toEqual(['admin-ann', 'bob', 'reader', 'triager'])
  })

  test('statuses go on the commit, descriptions cut to what GitHub keeps', async () => {
    const sha = f.gh.state.pulls[0]!.headSha
    await channel.setStatus({
      sha,
      state: 'failure',
      description: `x${'y'.repeat(300)}\nsecond line`,
      context: 'model-registry/policy',
      targetUrl: 'https://example.test/run/1'
    })
    const status = f.gh.state.statuses.at(-1)!
    expect(status).toMatchObject({
      sha,
      state: 'failure',
      context: 'model-registry/policy',
      targetUrl: 'https://example.test/run/1'
    })
    expect(status.description).toHaveLength(140)
    expect(status.description?.endsWith('…')).toBe(true)
  })

  test('pullsForCommit: open while proposed, merged after the merge', async () => {
    const sha = f.gh.state.pulls[0]!.headSha
    expect(await channel.pullsForCommit(sha)).toEqual([
      { number: 1, merged: false, url: `${f.gh.serverUrl}/${f.gh.owner}/${f.gh.repo}/pull/1` }
    ])
    const merged = await f.octokit.rest.pulls.merge({ owner: f.gh.owner, repo: f.gh.repo, pull_number: 1 })
    expect(await channel.pullsForCommit(merged.data.sha)).toEqual([
      { number: 1, merged: true, url: `${f.gh.serverUrl}/${f.gh.owner}/${f.gh.repo}/pull/1` }
    ])
  })

  test('failures are one-line RegistryErrors without the token', async () => {
    const missing = await caught(channel.approvals(999))
    expect(missing.kind).toBe('not-found')
    expect(missing.message).toBe(
      `reading pull request #999: not found on ${f.gh.owner}/${f.gh.repo} (404); check that the repository exists and the token can see it`
    )
    const noBranch = await caught(
      channel.openOrUpdateProposal({ branch: 'no/such-branch', base: 'main', title: 't', body: 'b' })
    )
    expect(noBranch.kind).toBe('invalid-input')
    expect(noBranch.message).toMatch(
      /^GitHub refused opening a pull request from no\/such-branch into main on acme\/models \(422\)/
    )
    f.gh.faults.failNext({
      method: 'POST',
      path: `/repos/${f.gh.owner}/${f.gh.repo}/statuses/${'a'.repeat(40)}`,
      status: 500,
      times: 5
    })
    const down = await caught(
      channel.setStatus({ sha: 'a'.repeat(40), state: 'pending', description: 'd', context: 'c' })
    )
    expect(down.kind).toBe('unavailable')
    expect(down.message).not.toContain(f.gh.token)
    expect(down.message).not.toContain('\n')
  })
})
