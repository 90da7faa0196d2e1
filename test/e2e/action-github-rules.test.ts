/**
 * The Action against behaviours of GitHub a new repository meets: a tag reserved by a deleted
 * immutable release, the project's own "Latest" release, a token without the permission a step
 * needs (named from GitHub's header), the setting that forbids the Actions token to open pull
 * requests, an empty model file, and a publish interrupted after the metadata landed (finished
 * by cleanup, never spending the tag).
 */
import { afterAll, afterEach, beforeAll, expect, test } from '@jest/globals'
import { Octokit } from '@octokit/rest'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ALL_WRITE, startGitHubEmulator, type GitHubEmulator } from '../support/github-emulator/index.js'
import {
  bundleAction,
  eventEnv,
  newJob,
  repositoryPayload,
  runStep,
  withoutMaskCommands,
  type Bundle,
  type Job,
  type StepRun
} from './support/run-action.js'
import { writeModelFile } from './support/registry-state.js'

let bundle: Bundle
let gh: GitHubEmulator
let job: Job

beforeAll(async () => {
  bundle = await bundleAction()
  gh = await startGitHubEmulator({ immutableReleases: true })
  job = await newJob(gh)
  const init = await runStep(bundle, job, { inputs: { command: 'init' } })
  expect(init.code).toBe(0)
  await writeModelFile(join(job.workspace, 'model.bin'), 20_000)
})

afterEach(() => {
  gh.state.tokenPermissions = { ...ALL_WRITE }
  gh.state.actionsCanCreatePullRequests = true
  expect(gh.validationErrors).toEqual([])
})

afterAll(async () => {
  await job?.dispose()
  await gh?.close()
  await bundle?.dispose()
})

const register = (inputs: Record<string, string> = {}): Promise<StepRun> =>
  runStep(bundle, job, {
    inputs: {
      command: 'register',
      'model-path': 'model.bin',
      name: 'meter',
      'model-type': 'dbscan',
      ...inputs
    }
  })

/** Exit 1 with exactly one `::error::` annotation matching `message`, and no token anywhere. */
function expectFailed(run: StepRun, message: RegExp): void {
  expect(run.code).toBe(1)
  expect(run.errors).toHaveLength(1)
  expect(run.errors[0]).toMatch(message)
  expect(withoutMaskCommands(run.stdout)).not.toContain(gh.token)
  expect(run.stderr).not.toContain(gh.token)
}

test("a reserved tag is skipped by an automatic version; the project's latest release is undisturbed", async () => {
  const octokit = new Octokit({ auth: gh.token, baseUrl: gh.apiUrl })
  await octokit.rest.repos.createRelease({ owner: gh.owner, repo: gh.repo, tag_name: 'v1.2.3' })
  gh.state.burnedTags.add('meter@v1.0.0')
  const run = await register()
  expect(run.code).toBe(0)
  expect(run.outputs.version).toBe('1.0.1')
  expect(run.stdout).toMatch(/skipping version 1\.0\.0 of meter: .*tag_name was used by an immutable release/)
  const published = gh.state.releases.find(r => r.tagName === 'meter@v1.0.1')
  expect(published).toMatchObject({ draft: false, immutable: true })
  const latest = await octokit.rest.repos.getLatestRelease({ owner: gh.owner, repo: gh.repo })
  expect(latest.data.tag_name).toBe('v1.2.3')

  const explicit = await register({ version: '1.0.0' })
  expectFailed(explicit, /meter@v1\.0\.0 was used by a deleted immutable release/)
})

test('a token without contents: write: one annotation naming the permission GitHub asked for', async () => {
  gh.state.tokenPermissions = { ...ALL_WRITE, contents: 'read' }
  const releases = gh.state.releases.length
  const run = await register()
  expectFailed(run, /Resource not accessible by integration; the token needs contents: write/)
  expect(gh.state.releases).toHaveLength(releases)
})

test('an empty model file: refused before any upload, one annotation', async () => {
  await writeFile(join(job.workspace, 'empty.bin'), '')
  const uploads = gh.requests.filter(r => r.origin === 'uploads').length
  const run = await register({ 'model-path': 'empty.bin' })
  expectFailed(run, /is empty \(0 bytes\): GitHub refuses empty release assets/)
  expect(gh.requests.filter(r => r.origin === 'uploads')).toHaveLength(uploads)
})

test('promotion with the Actions pull-request setting off, or without pull-requests permission: each named', async () => {
  const promote = async (): Promise<StepRun> =>
    runStep(bundle, job, {
      inputs: { command: 'promote', reference: 'meter@1.0.1', stage: 'staging' },
      env: {
        ...(await eventEnv(job, 'workflow_dispatch', {
          inputs: { reference: 'meter@1.0.1', stage: 'staging' },
          ref: 'refs/heads/main',
          repository: repositoryPayload(gh),
          sender: { login: job.actor, type: 'User' },
          workflow: '.github/workflows/promote.yml'
        }))
      }
    })
  gh.state.actionsCanCreatePullRequests = false
  const setting = await promote()
  expectFailed(
    setting,
    /GitHub Actions is not permitted to create or approve pull requests\. Turn on "Allow GitHub Actions to create and approve pull requests"/
  )
  expect(gh.requests.some(r => r.rule === 'actions-pull-request-setting')).toBe(true)

  gh.state.actionsCanCreatePullRequests = true
  gh.state.tokenPermissions = { ...ALL_WRITE, pull_requests: 'none' }
  const permission = await promote()
  expectFailed(permission, /the token needs pull-requests: (read|write)/)
  expect(gh.state.pulls).toEqual([])
})

test('a publish interrupted after the metadata landed: the step succeeds with a notice, doctor reports it, cleanup finishes it', async () => {
  // Publishing is the release update (PATCH releases/{id}); the client tries 4 times.
  gh.faults.failNext({ method: 'PATCH', path: /\/releases\/\d+$/, status: 502, times: 4 })
  await writeModelFile(join(job.workspace, 'model.bin'), 20_001)
  const run = await register()
  expect(run.code).toBe(0)
  expect(run.errors).toEqual([])
  const version = run.outputs.version as string
  expect(run.stdout).toMatch(
    new RegExp(
      `meter@${version.replace(/\./g, '\\.')} is registered, but publishing .* the next cleanup finishes it`
    )
  )
  expect(gh.state.releases.find(r => r.tagName === `meter@v${version}`)?.draft).toBe(true)

  const doctor = await runStep(bundle, job, { inputs: { command: 'doctor' } })
  expect(doctor.code).toBe(0)
  expect((doctor.json as { findings: unknown[] }).findings).toEqual([
    expect.objectContaining({ kind: 'unfinished-artifact', severity: 'warning', subject: `meter@${version}` })
  ])
  const cleanup = await runStep(bundle, job, { inputs: { command: 'cleanup' } })
  expect(cleanup.code).toBe(0)
  expect(cleanup.json).toMatchObject({ finished: [`meter@${version}`], swept: [] })
  expect(gh.state.releases.find(r => r.tagName === `meter@v${version}`)).toMatchObject({
    draft: false,
    immutable: true
  })
  const again = await runStep(bundle, job, { inputs: { command: 'doctor' } })
  expect((again.json as { findings: unknown[] }).findings).toEqual([])
})
