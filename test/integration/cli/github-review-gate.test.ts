/**
 * `mreg --github` on the GitHub behaviours of the approval gate and the deploy check: only
 * reviewers with write access, on the current head, other than the pull request's author and the
 * one who asked for the promotion, count as approvals; and `apply` waits for GitHub to link a
 * merge commit to its pull request before calling a reviewed change "unreviewed".
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { Octokit } from '@octokit/rest'
import type { ModelVersion } from '../../../src/domain/types.js'
import { modelFile, type RunResult } from '../../support/cli-harness.js'
import type { GitHubEmulator } from '../../support/github-emulator/index.js'
import { githubProject, type GitHubProject } from '../../support/github-project.js'

const ACTOR = 'release-manager'
let project: GitHubProject
let gh: GitHubEmulator
let octokit: Octokit
let work: string

beforeAll(async () => {
  project = await githubProject()
  ;({ gh, work } = project)
  octokit = new Octokit({ auth: gh.token, baseUrl: gh.apiUrl })
})

afterAll(async () => {
  expect(gh.validationErrors).toEqual([])
  await project.close()
})

const github = (args: string[]): Promise<RunResult> => project.github(args, { MREG_ACTOR: ACTOR })

function ok(result: RunResult, what: string): RunResult {
  if (result.code !== 0) throw new Error(`${what} failed (${result.code}): ${result.stderr}`)
  return result
}

const registryTip = async (): Promise<string> =>
  (await gh.state.refMap())['refs/heads/model-registry'] as string

async function promote(stage: string): Promise<{ number: number; head: string }> {
  const result = ok(await github(['--json', 'promote', 'ranker@1.0.0', '--to', stage]), `promote ${stage}`)
  const outcome = JSON.parse(result.stdout) as { pull_request?: { number: number } }
  const number = outcome.pull_request?.number as number
  return { number, head: gh.state.pull(number)?.headSha as string }
}

async function merge(number: number): Promise<{ before: string; after: string }> {
  const before = await registryTip()
  const merged = await octokit.rest.pulls.merge({ owner: gh.owner, repo: gh.repo, pull_number: number })
  return { before, after: merged.data.sha }
}

let production: { number: number; head: string; branch: string }
let merged: { before: string; after: string }

beforeAll(async () => {
  ok(await github(['init']), 'init')
  const file = await modelFile(work, 'ranker.onnx', 3, 2048)
  const registered = ok(await github(['--json', 'register', file, '--type', 'ranker']), 'register')
  expect((JSON.parse(registered.stdout) as ModelVersion).version).toBe('1.0.0')
  for (const stage of ['staging', 'canary']) await merge((await promote(stage)).number)
  const pull = await promote('production')
  production = { ...pull, branch: gh.state.pull(pull.number)?.head as string }
})

test('approvals that do not count: a reader, an outsider, an older head, the author, the one who asked', async () => {
  gh.state.addCollaborator('reader-rita', 'read')
  gh.state.addCollaborator('bob', 'write')
  gh.state.addCollaborator(ACTOR, 'write')
  gh.state.addReview(production.number, { user: 'reader-rita' })
  gh.state.addReview(production.number, { user: 'passer-by' })
  gh.state.addReview(production.number, { user: 'bob', commitId: 'e'.repeat(40) })
  gh.state.addReview(production.number, { user: gh.state.viewer })
  gh.state.addReview(production.number, { user: ACTOR })

  const checked = await github([
    '--json',
    'check',
    'model-registry',
    production.branch,
    '--pull',
    String(production.number)
  ])
  expect(checked.code).toBe(1)
  expect(JSON.parse(checked.stdout)).toMatchObject({ passed: false, approvals: [] })
  expect(gh.state.statuses.filter(s => s.sha === production.head).at(-1)).toMatchObject({ state: 'pending' })
})

test('an approval by a collaborator with write access on the head passes the gate', async () => {
  gh.state.addCollaborator('alice', 'write')
  gh.state.addReview(production.number, { user: 'alice' })
  const checked = await github([
    '--json',
    'check',
    'model-registry',
    production.branch,
    '--pull',
    String(production.number)
  ])
  expect(checked.code).toBe(0)
  expect(JSON.parse(checked.stdout)).toMatchObject({ passed: true, approvals: ['alice'] })
  expect(gh.state.statuses.filter(s => s.sha === production.head).at(-1)).toMatchObject({ state: 'success' })
})

test('apply after the merge: reviewed, though GitHub links the merge commit to its pull request a moment later', async () => {
  // GitHub's commit → pull request lookup does not list the merge yet (rule pull-link-delay); it
  // does from the moment the first lookup has been answered without it, whatever the load here.
  gh.state.pullLinkDelayMs = 60_000
  merged = await merge(production.number)
  gh.state.pullLinkDelayMs = 0
  const { before, after } = merged
  const pull = gh.state.pull(production.number)
  if (!pull) throw new Error('no pull request')
  const unlinked = gh.state.unlinkedAnswers
  const linker = setInterval(() => {
    if (gh.state.unlinkedAnswers > unlinked) pull.linkedFrom = Date.now()
  }, 10)
  const applied = await github(['--json', 'apply', before, after]).finally(() => clearInterval(linker))
  ok(applied, 'apply')
  expect(gh.state.unlinkedAnswers).toBeGreaterThan(unlinked)
  expect(JSON.parse(applied.stdout)).toMatchObject({
    changes: [{ name: 'ranker', version: '1.0.0', from: 'canary', to: 'production', commit: after }],
    unreviewed: []
  })
})

test('a merge GitHub has not linked after the waits is flagged, saying GitHub may still be linking it', async () => {
  const pull = gh.state.pull(production.number)
  if (!pull) throw new Error('no pull request')
  pull.linkedFrom = Date.now() + 60_000
  const applied = ok(await github(['--json', 'apply', merged.before, merged.after]), 'apply')
  pull.linkedFrom = undefined
  const outcome = JSON.parse(applied.stdout) as { unreviewed: { reason: string }[] }
  expect(outcome.unreviewed.map(u => u.reason)).toEqual([
    expect.stringMatching(
      /without a merged pull request: no pull request found after 7\.5 s \(GitHub may still be linking it\)$/
    )
  ])
})
