/**
 * The Action's `doctor` and `cleanup` on a repository with more than 1,000 releases: GitHub lists
 * the newest 1,000 only (rules.ts: pagination-cap, 422 "Only the first 1000 results are
 * available." past them), so an orphan release older than those must be found through its tag.
 * The same scenario through `mreg --github`: test/integration/cli/github-release-cap.test.ts.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { Octokit } from '@octokit/rest'
import { join } from 'node:path'
import { startGitHubEmulator, type GitHubEmulator } from '../support/github-emulator/index.js'
import { writeModelFile } from './support/registry-state.js'
import { bundleAction, newJob, runStep, type Bundle, type Job, type StepRun } from './support/run-action.js'

let bundle: Bundle
let gh: GitHubEmulator
let job: Job

async function ok(inputs: Record<string, string>): Promise<StepRun> {
  const run = await runStep(bundle, job, { inputs })
  if (run.code !== 0) throw new Error(`${inputs.command} failed (${run.code}): ${run.errors.join('\n')}`)
  return run
}

beforeAll(async () => {
  bundle = await bundleAction()
  gh = await startGitHubEmulator()
  job = await newJob(gh)
  await ok({ command: 'init' })
  for (let i = 1; i <= 2; i++) {
    await writeModelFile(join(job.workspace, 'model.bin'), 1024 + i)
    await ok({ command: 'register', 'model-path': 'model.bin', 'model-type': 'meter' })
  }
  // A published release of a version the registry has no record of (its metadata never landed),
  // older than the project's 1,100 releases.
  const octokit = new Octokit({ auth: gh.token, baseUrl: gh.apiUrl })
  await octokit.rest.repos.createRelease({
    owner: gh.owner,
    repo: gh.repo,
    tag_name: 'meter@v0.9.0',
    name: 'meter 0.9.0',
    make_latest: 'false'
  })
  const orphan = gh.state.releases.find(r => r.tagName === 'meter@v0.9.0')
  if (orphan) orphan.createdAt = '2019-01-01T00:00:00Z'
  await gh.state.addPublishedReleases(1100, { createdAt: '2099-01-01T00:00:00Z', tag: i => `v0.${i}.0` })
}, 120_000)

afterAll(async () => {
  expect(gh.validationErrors).toEqual([])
  await job?.dispose()
  await gh?.close()
  await bundle?.dispose()
})

const pastCap = () => gh.requests.filter(r => r.operationId === 'repos/list-releases' && r.status === 422)

test('doctor reports the orphan older than the newest 1,000 releases, and no live version as missing', async () => {
  const doctor = await ok({ command: 'doctor' })
  const findings = (doctor.json as { findings: { kind: string; subject: string }[] }).findings
  expect(findings.map(f => [f.kind, f.subject])).toEqual([['orphan-object', 'release meter@v0.9.0']])
  expect(pastCap()).toEqual([])
}, 60_000)

test('cleanup sweeps it (release and tag), keeps the live versions, and doctor is then clean', async () => {
  const swept = await ok({ command: 'cleanup', 'keep-last': '5' })
  expect(swept.json).toMatchObject({ deleted_count: 0, swept: [{ label: 'release meter@v0.9.0' }] })
  expect(swept.outputs['deleted-count']).toBe('0')
  expect(gh.state.releases.filter(r => r.tagName.startsWith('meter@')).map(r => r.tagName)).toEqual([
    'meter@v1.0.0',
    'meter@v1.0.1'
  ])
  expect((await gh.state.refMap())['refs/tags/meter@v0.9.0']).toBeUndefined()
  const again = await ok({ command: 'doctor' })
  expect((again.json as { findings: unknown[] }).findings).toEqual([])
  expect(pastCap()).toEqual([])
}, 60_000)
