/**
 * `mreg --github doctor` and `cleanup` on a repository with more than 1,000 releases: GitHub
 * lists the newest 1,000 only (422 "Only the first 1000 results are available." past them), so an
 * orphan release older than those is found through its tag, which GitHub lists without a cap.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { Octokit } from '@octokit/rest'
import { modelFile, type RunResult } from '../../support/cli-harness.js'
import type { GitHubEmulator } from '../../support/github-emulator/index.js'
import { githubProject, type GitHubProject } from '../../support/github-project.js'

let project: GitHubProject
let gh: GitHubEmulator
let work: string

const github = (args: string[]): Promise<RunResult> => project.github(args)

beforeAll(async () => {
  project = await githubProject()
  ;({ gh, work } = project)
  expect((await github(['init'])).code).toBe(0)
  for (let i = 1; i <= 2; i++) {
    const file = await modelFile(work, `m${i}.bin`, i, 1024)
    expect((await github(['register', file, '--type', 'meter'])).code).toBe(0)
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
})

afterAll(async () => {
  expect(gh.validationErrors).toEqual([])
  await project.close()
})

const pastCap = () => gh.requests.filter(r => r.operationId === 'repos/list-releases' && r.status === 422)

test('doctor reports the orphan older than the newest 1,000 releases, and no live version as missing', async () => {
  const report = await github(['--json', 'doctor'])
  expect(report.code).toBe(0)
  const findings = (JSON.parse(report.stdout) as { findings: { kind: string; subject: string }[] }).findings
  expect(findings.map(f => [f.kind, f.subject])).toEqual([['orphan-object', 'release meter@v0.9.0']])
  expect(pastCap()).toEqual([])
})

test('cleanup sweeps it (release and tag), keeps the live versions, and doctor is then clean', async () => {
  const swept = await github(['--json', 'cleanup', '--keep-last', '5'])
  expect(swept.code).toBe(0)
  const outcome = JSON.parse(swept.stdout) as { swept: { label: string }[]; deleted_count: number }
  expect(outcome).toMatchObject({ deleted_count: 0, swept: [{ label: 'release meter@v0.9.0' }] })
  expect(gh.state.releases.filter(r => r.tagName.startsWith('meter@')).map(r => r.tagName)).toEqual([
    'meter@v1.0.0',
    'meter@v1.0.1'
  ])
  expect((await gh.state.refMap())['refs/tags/meter@v0.9.0']).toBeUndefined()
  const again = await github(['--json', 'doctor'])
  expect((JSON.parse(again.stdout) as { findings: unknown[] }).findings).toEqual([])
  expect(pastCap()).toEqual([])
})
