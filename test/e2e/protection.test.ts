/**
 * The protection setup of README "Branch protection": a ruleset on the registry branch requiring
 * a pull request and the `model-registry/policy` status check, whose bypass list holds a GitHub
 * App; register and cleanup run with the App's token, promotions go through reviewed pull
 * requests. Proven end to end on the emulator (rules.ts: push-ruleset-violation,
 * git-push-permission), through the Action bundle and `mreg --github`:
 *   - a push the ruleset refuses is reported with the rule's own text, in both fronts;
 *   - register and cleanup with the bypassing token land;
 *   - a direct stage change without the bypass is refused; through a pull request whose head
 *     carries the passing policy status and an approval, it merges;
 *   - a token that may not push is told it needs contents: write.
 */
import { versionFilePath } from '../../src/domain/layout.js'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { execFile } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Octokit } from '@octokit/rest'
import { resetGitHubClients } from '../../src/github/client.js'
import { githubCliArgs, mreg, removeDir, tempDir, testEnv, type RunResult } from '../support/cli-harness.js'
import {
  ALL_WRITE,
  basicHeader,
  startGitHubEmulator,
  type GitHubEmulator
} from '../support/github-emulator/index.js'
import { isolatedGitEnv } from '../support/github-emulator/git/repo.js'
import { registryTip, showJson, writeModelFile } from './support/registry-state.js'
import { bundleAction, newJob, runStep, type Bundle, type Job } from './support/run-action.js'

const APP_TOKEN = 'ghs_app_installation_token_for_tests'
const READ_ONLY_TOKEN = 'ghs_read_only_token_for_tests'
const POLICY_CONTEXT = 'model-registry/policy'

let bundle: Bundle
let gh: GitHubEmulator
let job: Job
let work: string

beforeAll(async () => {
  bundle = await bundleAction()
  gh = await startGitHubEmulator()
  gh.tokens.add(APP_TOKEN, { login: 'mreg-registry[bot]', permissions: ALL_WRITE })
  // A workflow token with `contents: read`: it may read releases and fetch, not write either.
  gh.tokens.add(READ_ONLY_TOKEN, {
    login: 'github-actions[bot]',
    permissions: { ...ALL_WRITE, contents: 'read' }
  })
  job = await newJob(gh)
  work = await tempDir()
  await writeModelFile(join(job.workspace, 'model.pkl'))
  await writeModelFile(join(work, 'model.pkl'))
}, 60_000)

afterAll(async () => {
  await job?.dispose()
  await gh?.close()
  await bundle?.dispose()
  await removeDir(work)
  resetGitHubClients()
})

function protect(): void {
  gh.pushRules.addRuleset({
    name: 'model registry',
    branches: ['model-registry'],
    rules: [
      { type: 'pull_request', parameters: { required_approving_review_count: 1 } },
      {
        type: 'required_status_checks',
        parameters: { required_status_checks: [{ context: POLICY_CONTEXT }] }
      }
    ],
    bypass: [APP_TOKEN]
  })
}

const action = (inputs: Record<string, string>, token = gh.token) =>
  runStep(bundle, job, { inputs: { token, ...inputs } })

const cli = (args: string[], token = gh.token): Promise<RunResult> =>
  mreg(
    work,
    githubCliArgs(gh, ...args),
    testEnv({ GITHUB_TOKEN: token, XDG_CACHE_HOME: join(work, `cache-${token.slice(0, 8)}`) })
  )

const errorOf = (stdout: string): string =>
  stdout
    .split('\n')
    .filter(line => line.startsWith('::error::'))
    .join('\n')

function gitCli(args: string[], cwd: string, token: string): Promise<{ code: number; stderr: string }> {
  return new Promise(resolve => {
    execFile(
      'git',
      args,
      {
        cwd,
        env: isolatedGitEnv({
          GIT_CONFIG_COUNT: '1',
          GIT_CONFIG_KEY_0: 'http.extraHeader',
          GIT_CONFIG_VALUE_0: basicHeader(token),
          GIT_AUTHOR_NAME: 'A Person',
          GIT_AUTHOR_EMAIL: 'a@example.com',
          GIT_COMMITTER_NAME: 'A Person',
          GIT_COMMITTER_EMAIL: 'a@example.com'
        })
      },
      (error, _stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stderr })
    )
  })
}

describe('a ruleset on the registry branch, bypassed by a GitHub App', () => {
  test('register and cleanup with the App token land (init included)', async () => {
    protect()
    const first = await action(
      { command: 'register', 'model-path': 'model.pkl', 'model-type': 'isolation_forest', name: 'meter' },
      APP_TOKEN
    )
    expect(errorOf(first.stdout)).toBe('')
    expect(first.code).toBe(0)
    const viaCli = await cli(
      ['register', join(work, 'model.pkl'), '--type', 'isolation_forest', '--name', 'meter'],
      APP_TOKEN
    )
    expect(viaCli.stderr).toBe('')
    expect(viaCli.code).toBe(0)
    const cleanup = await action({ command: 'cleanup', 'keep-last': '1' }, APP_TOKEN)
    expect(errorOf(cleanup.stdout)).toBe('')
    expect(cleanup.code).toBe(0)
    expect(cleanup.outputs['deleted-count']).toBe('1')
  }, 120_000)

  test('the same writes with the workflow token are refused with the rule’s text, in both fronts', async () => {
    const tip = await registryTip(gh)
    const viaAction = await action({
      command: 'register',
      'model-path': 'model.pkl',
      'model-type': 'isolation_forest',
      name: 'meter'
    })
    expect(viaAction.code).toBe(1)
    const message = errorOf(viaAction.stdout)
    // The branch moves by an API ref update (src/github/git-database-backend.ts): GitHub's 422.
    expect(message).toContain('Repository rule violations found')
    expect(message).toContain('Changes must be made through a pull request.')
    expect(message).toContain(`Required status check "${POLICY_CONTEXT}" is expected.`)
    expect(message).not.toMatch(/--[a-z]|'mreg /)

    const viaCli = await cli([
      'register',
      join(work, 'model.pkl'),
      '--type',
      'isolation_forest',
      '--name',
      'meter'
    ])
    expect(viaCli.code).toBe(1)
    expect(viaCli.stderr).toContain('Repository rule violations found')
    expect(viaCli.stderr).toContain('Changes must be made through a pull request.')
    expect(viaCli.stderr).not.toMatch(/input "|command: /)
    expect(viaCli.stderr.trim().split('\n')).toHaveLength(1)
    expect(await registryTip(gh)).toBe(tip)
  }, 120_000)

  test('git itself sees GitHub’s lines: a direct stage change without the bypass is refused', async () => {
    const dir = await tempDir()
    try {
      expect(
        (await gitCli(['clone', '--quiet', '--branch', 'model-registry', gh.gitUrl, '.'], dir, gh.token)).code
      ).toBe(0)
      const path = join(dir, versionFilePath('meter', '1.0.1'))
      const version = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>
      version.deployment_stage = 'production'
      await writeFile(path, JSON.stringify(version, null, 2) + '\n')
      await gitCli(['commit', '--quiet', '-am', 'sneak into production'], dir, gh.token)
      const pushed = await gitCli(['push', 'origin', 'model-registry'], dir, gh.token)
      expect(pushed.code).not.toBe(0)
      const lines = pushed.stderr.split('\n').map(line => line.trimEnd())
      expect(lines).toEqual(
        expect.arrayContaining([
          'remote: error: GH013: Repository rule violations found for refs/heads/model-registry.',
          `remote: Review all repository rules at ${gh.serverUrl}/${gh.owner}/${gh.repo}/rules?ref=refs%2Fheads%2Fmodel-registry`,
          'remote: - Changes must be made through a pull request.',
          `remote: - Required status check "${POLICY_CONTEXT}" is expected.`,
          ' ! [remote rejected] model-registry -> model-registry (push declined due to repository rule violations)'
        ])
      )
      const stage = (await showJson<{ deployment_stage: string }>(gh, versionFilePath('meter', '1.0.1')))
        .deployment_stage
      expect(stage).not.toBe('production')
    } finally {
      await removeDir(dir)
    }
  }, 60_000)
})

describe('a reviewed promotion under the same ruleset', () => {
  test('promote opens a pull request; it merges once the policy status passed and a reviewer approved', async () => {
    const octokit = new Octokit({ auth: gh.token, baseUrl: gh.apiUrl })
    const promoted = await action({ command: 'promote', reference: 'meter@1.0.1', stage: 'staging' })
    expect(errorOf(promoted.stdout)).toBe('')
    expect(promoted.outputs['policy-status']).toBe('success')
    const number = Number(promoted.outputs['pull-request-number'])
    const head = gh.state.pull(number)?.headSha as string
    expect(gh.state.statuses.filter(s => s.sha === head).map(s => [s.context, s.state])).toEqual([
      [POLICY_CONTEXT, 'success']
    ])
    const merge = () => octokit.rest.pulls.merge({ owner: gh.owner, repo: gh.repo, pull_number: number })
    const unapproved = await merge().catch((error: { status: number; message: string }) => error)
    expect(unapproved).toMatchObject({ status: 405 })
    expect((unapproved as { message: string }).message).toContain(
      'At least 1 approving review is required by reviewers with write access.'
    )
    expect(
      (await showJson<{ deployment_stage: string }>(gh, versionFilePath('meter', '1.0.1'))).deployment_stage
    ).toBe('development')
    gh.state.addReview(number, { user: 'release-manager' })
    const merged = await merge()
    expect(merged.data.merged).toBe(true)
    expect(await registryTip(gh)).toBe(merged.data.sha)
    expect(
      (await showJson<{ deployment_stage: string }>(gh, versionFilePath('meter', '1.0.1'))).deployment_stage
    ).toBe('staging')
    expect(gh.validationErrors).toEqual([])
  }, 120_000)
})

describe('a token that may not push', () => {
  test('is told it needs contents: write, in both fronts', async () => {
    const viaAction = await action({ command: 'cleanup', 'keep-last': '1' }, READ_ONLY_TOKEN)
    // Nothing to clean is no push: register instead, which must push.
    const register = await action(
      { command: 'register', 'model-path': 'model.pkl', 'model-type': 'isolation_forest', name: 'meter' },
      READ_ONLY_TOKEN
    )
    expect(viaAction.code).toBe(0)
    // The release is GitHub's first refusal (the same permission set serves the API and git).
    expect(register.code).toBe(1)
    // Its first write is the release (the API), refused before anything reaches the branch.
    expect(errorOf(register.stdout)).toContain('needs contents: write')
    const viaCli = await cli(
      ['register', join(work, 'model.pkl'), '--type', 'isolation_forest', '--name', 'meter'],
      READ_ONLY_TOKEN
    )
    expect(viaCli.code).toBe(1)
    expect(viaCli.stderr).toContain('needs contents: write')
  }, 120_000)
})

describe('classic branch protection with a required status check', () => {
  test('refuses even the App (its bypass covers pull requests only), with GH006’s text, in both fronts', async () => {
    const other = await startGitHubEmulator()
    const dir = await tempDir()
    try {
      other.tokens.add(APP_TOKEN, { login: 'mreg-registry[bot]', permissions: ALL_WRITE })
      const otherJob = await newJob(other)
      await writeModelFile(join(otherJob.workspace, 'model.pkl'))
      await writeModelFile(join(dir, 'model.pkl'))
      const inputs = { command: 'register', 'model-path': 'model.pkl', 'model-type': 'isolation_forest' }
      const first = await runStep(bundle, otherJob, {
        inputs: { token: APP_TOKEN, ...inputs }
      })
      expect(first.code).toBe(0)
      other.pushRules.addRuleset({
        name: 'classic protection of model-registry',
        classic: true,
        branches: ['model-registry'],
        rules: [
          { type: 'pull_request' },
          {
            type: 'required_status_checks',
            parameters: { required_status_checks: [{ context: POLICY_CONTEXT }] }
          }
        ],
        bypass: [APP_TOKEN]
      })
      const viaAction = await runStep(bundle, otherJob, {
        inputs: { token: APP_TOKEN, ...inputs }
      })
      expect(viaAction.code).toBe(1)
      const message = errorOf(viaAction.stdout)
      expect(message).toContain('Protected branch update failed for refs/heads/model-registry.')
      expect(message).toContain(`Required status check "${POLICY_CONTEXT}" is expected.`)
      expect(message).not.toContain('Changes must be made through a pull request.')
      const viaCli = await mreg(
        dir,
        githubCliArgs(other, 'register', join(dir, 'model.pkl'), '--type', 'isolation_forest'),
        testEnv({ GITHUB_TOKEN: APP_TOKEN, XDG_CACHE_HOME: join(dir, 'cache') })
      )
      expect(viaCli.code).toBe(1)
      expect(viaCli.stderr).toContain('Protected branch update failed for refs/heads/model-registry.')
      await otherJob.dispose()
    } finally {
      await other.close()
      await removeDir(dir)
    }
  }, 120_000)
})
