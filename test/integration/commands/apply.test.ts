/**
 * `mreg apply BEFORE AFTER` on a local repository: which versions a push moved, per commit.
 * Locally there is no review channel, so nothing is flagged and the result says why.
 */
import { beforeAll, describe, expect, test } from '@jest/globals'
import type { ApplyOutcome } from '../../../src/commands/apply.js'
import { gitOutput, modelFile, mreg, mregJson, projectRegistry } from '../../support/cli-harness.js'

const project = projectRegistry()
const commits: Record<string, string> = {}
const tip = () => gitOutput(project.repo, 'rev-parse', 'model-registry')
let modelId = ''

beforeAll(async () => {
  commits.init = tip()
  modelId = (
    await mregJson<{ model_id: string }>(project.repo, [
      'register',
      await modelFile(project.work, 'a.pkl', 1),
      '--type',
      'fraud'
    ])
  ).model_id
  commits.registered = tip()
  await mregJson(project.repo, ['promote', 'fraud@1.0.0', '--to', 'staging'])
  commits.staging = tip()
  await mregJson(project.repo, ['promote', 'fraud@1.0.0', '--to', 'canary'])
  commits.canary = tip()
  await mregJson(project.repo, ['promote', 'fraud@1.0.0', '--to', 'staging'])
  commits.back = tip()
})

describe('mreg apply', () => {
  test('net stage changes of a push, each with the commit that made it', async () => {
    const outcome = await mregJson<ApplyOutcome>(project.repo, [
      'apply',
      commits.registered!,
      commits.canary!
    ])
    expect(outcome).toEqual({
      before: commits.registered,
      after: commits.canary,
      changes: [
        {
          name: 'fraud',
          version: '1.0.0',
          model_id: modelId,
          from: 'development',
          to: 'canary',
          commit: commits.canary
        }
      ],
      unreviewed: [],
      review: 'not-applicable',
      commits: 2,
      rewritten: false
    })
    const human = await mreg(project.repo, ['apply', commits.registered!, 'model-registry'])
    expect(human.code).toBe(0)
    expect(human.stdout).toBe(
      `Applied ${commits.registered!.slice(0, 12)} → ${commits.back!.slice(0, 12)} (3 commits)\n\n` +
        'VERSION      FROM         TO       COMMIT\n' +
        `fraud@1.0.0  development  staging  ${commits.back!.slice(0, 12)}\n\n` +
        'No review channel here: changes are not checked for a merged pull request.\n'
    )
  })

  test('a version that moved away and back is not a change; a new branch lists what it holds', async () => {
    const roundTrip = await mregJson<ApplyOutcome>(project.repo, ['apply', commits.staging!, commits.back!])
    expect(roundTrip.changes).toEqual([])
    expect(roundTrip.commits).toBe(2)
    const created = await mregJson<ApplyOutcome>(project.repo, ['apply', '0'.repeat(40), commits.registered!])
    expect(created).toMatchObject({
      before: null,
      changes: [
        { name: 'fraud', version: '1.0.0', from: null, to: 'development', commit: commits.registered }
      ]
    })
    const nothing = await mregJson<ApplyOutcome>(project.repo, ['apply', commits.back!, commits.back!])
    expect(nothing).toMatchObject({ changes: [], commits: 0 })
  })

  test('a before that is not behind after (a rewritten branch) is judged as one step', async () => {
    const outcome = await mregJson<ApplyOutcome>(project.repo, [
      'apply',
      commits.canary!,
      commits.registered!
    ])
    expect(outcome).toMatchObject({
      rewritten: true,
      commits: 1,
      changes: [{ version: '1.0.0', from: 'canary', to: 'development', commit: commits.registered }]
    })
  })
})
