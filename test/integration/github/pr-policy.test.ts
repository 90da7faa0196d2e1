/**
 * `policy set` in GitHub mode: the change is proposed as a pull request labelled
 * `registry-policy` (the label the policy check requires of a policy edit), the registry branch
 * does not move until it is merged, and an invalid value opens nothing.
 */
import { afterAll, afterEach, beforeAll, expect, test } from '@jest/globals'
import type { CommandContext } from '../../../src/commands/context.js'
import { init } from '../../../src/commands/init.js'
import { setPolicy, showPolicy } from '../../../src/commands/policy.js'
import { prFixture, REGISTRY_BRANCH, type PrFixture } from './pr-context.js'

let f: PrFixture
let ctx: CommandContext

beforeAll(async () => {
  f = await prFixture()
  ctx = f.context()
  await init(ctx, 'github-release')
})
afterEach(() => {
  expect(f.gh.validationErrors).toEqual([])
  expect(f.log.join('\n')).not.toContain(f.gh.token)
})
afterAll(async () => {
  await f?.close()
})

test('policy set opens a registry-policy pull request; merged, the policy changes', async () => {
  const tip = f.tip()
  const outcome = await setPolicy(ctx, { key: 'retention.keep_last', value: '25' })
  expect(f.tip()).toBe(tip)
  expect(outcome).toMatchObject({ key: 'retention.keep_last', before: 10, after: 25, changed: true })
  const number = outcome.pull_request!.number
  expect(outcome.pull_request).toMatchObject({
    created: true,
    branch: 'mreg/policy/retention-keep_last',
    base: tip
  })
  const pr = (await f.octokit.rest.pulls.get({ owner: f.gh.owner, repo: f.gh.repo, pull_number: number }))
    .data
  expect(pr).toMatchObject({
    title: 'policy: set retention.keep_last = 25',
    state: 'open',
    base: { ref: REGISTRY_BRANCH },
    head: { ref: 'mreg/policy/retention-keep_last', sha: outcome.commit }
  })
  expect(pr.labels.map(l => l.name)).toEqual(['registry-policy'])
  expect(pr.body).toContain('Sets `retention.keep_last` in `registry.json`: `10` → `25`.')
  // The policy check accepts the edit because the label is there.
  expect(outcome.status).toEqual({
    state: 'success',
    description: 'policy passed: no stage changes',
    context: 'model-registry/policy'
  })
  expect((await showPolicy(f.context())).policy.retention.keep_last).toBe(10)
  await f.octokit.rest.pulls.merge({ owner: f.gh.owner, repo: f.gh.repo, pull_number: number })
  expect((await showPolicy(f.context())).policy.retention.keep_last).toBe(25)
})

test('an invalid value is refused before anything is pushed or opened', async () => {
  const pulls = f.gh.state.pulls.length
  const refs = (await f.gh.state.refs()).map(r => r.ref).sort()
  await expect(setPolicy(ctx, { key: 'demote_to', value: 'production' })).rejects.toMatchObject({
    kind: 'invalid-input',
    message:
      'registry.json with demote_to = "production": $.demote_to is the exclusive stage "production"; demote to a non-exclusive stage such as deprecated'
  })
  expect(f.gh.state.pulls).toHaveLength(pulls)
  expect((await f.gh.state.refs()).map(r => r.ref).sort()).toEqual(refs)
})
