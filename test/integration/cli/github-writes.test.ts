/**
 * `mreg --github` on what GitHub refuses when a command writes (issue 8, items 3, 4 and 6, the
 * CLI front; the Action's: test/e2e/protection.test.ts, action-faults.test.ts and
 * action-github-rules.test.ts):
 *   - with immutable releases, a registration whose branch update a ruleset refuses (GitHub's 422
 *     "Repository rule violations found", rules.ts: api-ref-ruleset-violation) reports the
 *     rule's text and spends nothing: no release published, no tag reserved, and the same version
 *     registers once the token may write;
 *   - a publish interrupted after the metadata landed: register succeeds with a notice, doctor
 *     reports it, cleanup finishes it;
 *   - promote with the repository setting "Allow GitHub Actions to create and approve pull
 *     requests" off, or a token without pull-requests permission: each named from GitHub's answer
 *     (rules.ts: actions-pull-request-setting, token-permissions).
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals'
import type { ModelVersion } from '../../../src/domain/types.js'
import { modelFile, type RunResult } from '../../support/cli-harness.js'
import { ALL_WRITE, type GitHubEmulator } from '../../support/github-emulator/index.js'
import { githubProject, type GitHubProject } from '../../support/github-project.js'

const APP_TOKEN = 'ghs_app_installation_token_for_cli_tests'
const POLICY_CONTEXT = 'model-registry/policy'

let project: GitHubProject
let gh: GitHubEmulator
let work: string
let cache: string

beforeAll(async () => {
  project = await githubProject({ immutableReleases: true })
  ;({ gh, work, cache } = project)
  gh.tokens.add(APP_TOKEN, { login: 'mreg-registry[bot]', permissions: ALL_WRITE })
})

afterEach(() => {
  gh.state.tokenPermissions = { ...ALL_WRITE }
  gh.state.actionsCanCreatePullRequests = true
  expect(gh.validationErrors).toEqual([])
})

afterAll(async () => {
  await project.close()
})

const github = (args: string[], token = gh.token): Promise<RunResult> =>
  project.github(args, { GITHUB_TOKEN: token, XDG_CACHE_HOME: `${cache}/${token.slice(0, 8)}` })

const tags = async (): Promise<string[]> =>
  Object.keys(await gh.state.refMap()).filter(ref => ref.startsWith('refs/tags/'))

const oneLine = (result: RunResult): string => {
  expect(result.stderr.trim().split('\n')).toHaveLength(1)
  return result.stderr
}

describe('a ruleset refusing the branch update, with immutable releases', () => {
  test('the rule’s text is reported and nothing is spent: the same version registers with the App token', async () => {
    expect((await github(['init'])).code).toBe(0)
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
    const file = await modelFile(work, 'meter.bin', 1, 2048)
    const refused = await github(['register', file, '--type', 'meter'])
    expect(refused.code).toBe(1)
    const message = oneLine(refused)
    expect(message).toContain('Repository rule violations found')
    expect(message).toContain('Changes must be made through a pull request.')
    expect(message).toContain(`Required status check "${POLICY_CONTEXT}" is expected.`)
    expect(message).toMatch(/bypass list/)
    expect(message).not.toMatch(/input "|command: /)
    expect(gh.requests.some(r => r.rule === 'api-ref-ruleset-violation' && r.status === 422)).toBe(true)
    // The release stayed a draft and was deleted: published, it would have reserved its tag for good.
    expect(gh.state.releases).toEqual([])
    expect([...gh.state.burnedTags]).toEqual([])
    expect(await tags()).toEqual([])

    const landed = await github(['--json', 'register', file, '--type', 'meter'], APP_TOKEN)
    expect(landed.stderr).toBe('')
    expect(landed.code).toBe(0)
    expect((JSON.parse(landed.stdout) as ModelVersion).version).toBe('1.0.0')
    expect(gh.state.releases.map(r => [r.tagName, r.draft, r.immutable])).toEqual([
      ['meter@v1.0.0', false, true]
    ])
    gh.pushRules.rulesets.length = 0
  }, 60_000)

  test('a publish interrupted after the metadata landed: a notice, doctor reports it, cleanup finishes it', async () => {
    // Publishing is the release update (PATCH releases/{id}); the client tries 4 times.
    gh.faults.failNext({ method: 'PATCH', path: /\/releases\/\d+$/, status: 502, times: 4 })
    const file = await modelFile(work, 'meter2.bin', 2, 2048)
    const registered = await github(['--json', 'register', file, '--type', 'meter'])
    expect(registered.code).toBe(0)
    expect((JSON.parse(registered.stdout) as ModelVersion).version).toBe('1.0.1')
    expect(registered.stderr).toMatch(
      /meter@1\.0\.1 is registered, but publishing .* the next cleanup finishes it/
    )
    expect(gh.state.releases.find(r => r.tagName === 'meter@v1.0.1')?.draft).toBe(true)

    const report = await github(['--json', 'doctor'])
    expect(report.code).toBe(0)
    expect((JSON.parse(report.stdout) as { findings: unknown[] }).findings).toEqual([
      expect.objectContaining({ kind: 'unfinished-artifact', severity: 'warning', subject: 'meter@1.0.1' })
    ])
    const swept = await github(['--json', 'cleanup'])
    expect(swept.code).toBe(0)
    expect(JSON.parse(swept.stdout)).toMatchObject({ finished: ['meter@1.0.1'], swept: [] })
    expect(gh.state.releases.map(r => [r.tagName, r.draft])).toEqual([
      ['meter@v1.0.0', false],
      ['meter@v1.0.1', false]
    ])
    const again = await github(['--json', 'doctor'])
    expect((JSON.parse(again.stdout) as { findings: unknown[] }).findings).toEqual([])
  }, 60_000)
})

describe('promote and the pull-request permissions', () => {
  test('the setting "Allow GitHub Actions to create and approve pull requests" off: named, nothing opened', async () => {
    gh.state.actionsCanCreatePullRequests = false
    const result = await github(['promote', 'meter@1.0.1', '--to', 'staging'])
    expect(result.code).toBe(1)
    expect(oneLine(result)).toMatch(
      /GitHub Actions is not permitted to create or approve pull requests\. Turn on "Allow GitHub Actions to create and approve pull requests"/
    )
    expect(gh.requests.some(r => r.rule === 'actions-pull-request-setting')).toBe(true)
    expect(gh.state.pulls).toEqual([])
  }, 60_000)

  test('a token without pull-requests permission: the permission GitHub’s header names', async () => {
    gh.state.tokenPermissions = { ...ALL_WRITE, pull_requests: 'none' }
    const result = await github(['promote', 'meter@1.0.1', '--to', 'staging'])
    expect(result.code).toBe(1)
    expect(oneLine(result)).toMatch(
      /Resource not accessible by integration; the token needs pull-requests: (read|write)/
    )
    expect(gh.requests.some(r => r.rule === 'token-permissions' && r.status === 403)).toBe(true)
    expect(gh.state.pulls).toEqual([])
  }, 60_000)
})
