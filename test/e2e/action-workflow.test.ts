/**
 * The Action end to end, as a workflow runs it: the bundle started with `node index.js` by the
 * runner's rules (INPUT_* variables, file commands, event payload) against the GitHub emulator,
 * one step after another in one job: init → register → list → fetch → show → register again →
 * compare → history.
 */
import { dayOfTime, rowsDir, versionFilePath } from '../../src/domain/layout.js'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { Octokit } from '@octokit/rest'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { PACKAGE_VERSION } from '../support/bundle-define.js'
import { startGitHubEmulator, type GitHubEmulator } from '../support/github-emulator/index.js'
import {
  actionOutputNames,
  bundleAction,
  filesContaining,
  newJob,
  runStep,
  withoutMaskCommands,
  type Bundle,
  type Job,
  type StepRun
} from './support/run-action.js'
import {
  git,
  listTree,
  registryTip,
  setPolicy,
  sha256Hex,
  showJson,
  writeModelFile,
  type ModelFile
} from './support/registry-state.js'

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined }

let bundle: Bundle
let gh: GitHubEmulator
let job: Job
const steps: StepRun[] = []

async function step(inputs: Record<string, string>): Promise<StepRun> {
  const run = await runStep(bundle, job, { inputs })
  steps.push(run)
  return run
}

/** A step that must succeed; its output is shown when it does not. */
async function ok(inputs: Record<string, string>): Promise<StepRun> {
  const run = await step(inputs)
  if (run.code !== 0)
    throw new Error(`step ${inputs.command} exited ${run.code}:\n${run.stdout}\n${run.stderr}`)
  expect(run.errors).toEqual([])
  return run
}

beforeAll(async () => {
  bundle = await bundleAction()
  gh = await startGitHubEmulator()
  job = await newJob(gh, { actor: 'octo-trainer', runId: '424242' })
})

afterAll(async () => {
  await job?.dispose()
  await gh?.close()
  await bundle?.dispose()
})

describe('a training workflow through the Action', () => {
  let first: ModelFile
  let second: ModelFile
  let registered: Record<string, string>

  test('init creates the registry branch', async () => {
    expect(await registryTip(gh)).toBeNull()
    const run = await ok({ command: 'init' })
    expect(run.json).toMatchObject({ created: true, policy: { artifacts: { store: 'github-release' } } })
    expect(await registryTip(gh)).toMatch(/^[0-9a-f]{40}$/)
    const policy = await showJson(gh, 'registry.json')
    expect(policy).toMatchObject({ schema_version: 1, initial_stage: 'development' })
    expect(run.summary).toContain('created')
    expect(run.summary).toContain('model-registry')

    const again = await ok({ command: 'init' })
    expect(again.json).toMatchObject({ created: false })
  })

  test('register uploads the file as a verified release asset and commits its metadata', async () => {
    await mkdir(join(job.workspace, 'models'), { recursive: true })
    first = await writeModelFile(join(job.workspace, 'models', 'detector.pkl'), 300_000)
    await writeFile(
      join(job.workspace, 'training.json'),
      JSON.stringify({ training_samples: 10000, training_time_seconds: 2.5 })
    )
    const before = await registryTip(gh)
    const run = await ok({
      command: 'register',
      'model-path': 'models/detector.pkl',
      name: 'theft-detector',
      'model-type': 'isolation_forest',
      metrics: '{"f1_score": 0.9, "precision": 0.87, "recall": 0.93}',
      config: '{"contamination": 0.1, "n_estimators": 100}',
      'training-metadata': 'training.json',
      tags: 'high_recall,\nnightly',
      notes: 'Improved recall for electricity theft detection',
      'dataset-version': '2026-11-01'
    })
    registered = run.outputs
    const o = run.outputs
    const tag = `theft-detector@v${o.version}`
    expect(o.version).toBe('1.0.0')
    expect(o['model-id']).toMatch(/^theft-detector_\d{8}_\d{6}$/)
    expect(o.sha256).toBe(first.sha256)
    expect(o.stage).toBe('development')
    expect(o['release-url']).toBe(
      `${gh.serverUrl}/${gh.owner}/${gh.repo}/releases/tag/${encodeURIComponent(tag)}`
    )
    expect(o['asset-url']).toBe(
      `${gh.serverUrl}/${gh.owner}/${gh.repo}/releases/download/${encodeURIComponent(tag)}/${o['model-id']}.pkl`
    )

    // The release: published, tagged at the training commit, the asset GitHub hashed = our file.
    const releases = gh.state.releases
    expect(releases).toHaveLength(1)
    const release = releases[0]!
    expect(release).toMatchObject({ tagName: tag, draft: false, targetCommitish: job.sha })
    expect(release.assets).toHaveLength(1)
    expect(release.assets[0]).toMatchObject({
      name: `${o['model-id']}.pkl`,
      state: 'uploaded',
      size: first.size,
      sha256: first.sha256
    })
    expect(sha256Hex(release.assets[0]!.bytes!)).toBe(first.sha256)
    expect((await gh.state.refMap())[`refs/tags/${tag}`]).toBe(job.sha)

    // The metadata on the registry branch, committed on top of init with the audit trailers.
    const doc = await showJson(gh, versionFilePath('theft-detector', '1.0.0'))
    expect(JSON.parse(o.json!)).toEqual(doc)
    const workflowRun = `${gh.serverUrl}/${gh.owner}/${gh.repo}/actions/runs/${job.runId}`
    expect(doc).toMatchObject({
      schema_version: 1,
      model_id: o['model-id'],
      name: 'theft-detector',
      model_type: 'isolation_forest',
      version: '1.0.0',
      checksum: first.sha256,
      file_path: o['asset-url'],
      metadata_path: versionFilePath('theft-detector', '1.0.0'),
      deployment_stage: 'development',
      performance_metrics: { f1_score: 0.9, precision: 0.87, recall: 0.93 },
      model_config: { contamination: 0.1, n_estimators: 100 },
      training_metadata: { training_samples: 10000, training_time_seconds: 2.5 },
      tags: ['high_recall', 'nightly'],
      notes: 'Improved recall for electricity theft detection',
      dataset_version: '2026-11-01',
      artifact: {
        store: 'github-release',
        size: first.size,
        sha256: first.sha256,
        release: { id: release.id, tag, url: o['release-url'] },
        assets: [{ id: release.assets[0]!.id, sha256: first.sha256, size: first.size }]
      },
      source: {
        repository: `${gh.owner}/${gh.repo}`,
        commit: job.sha,
        workflow_run: workflowRun,
        actor: 'octo-trainer'
      },
      stage_history: [{ stage: 'development', by: 'octo-trainer', via: 'register' }]
    })
    const head = await showJson<{ count: number; newest: string }>(gh, 'models/theft-detector/head.json')
    expect(head).toMatchObject({ count: 1, newest: '1.0.0' })

    const tip = (await registryTip(gh)) as string
    expect(await git(gh, ['rev-parse', `${tip}^`])).toBe(`${before}\n`)
    const message = await git(gh, ['log', '-1', '--format=%B', 'model-registry'])
    expect(message.split('\n')[0]).toBe('register theft-detector 1.0.0 (development)')
    const trailers = await git(gh, ['log', '-1', '--format=%(trailers:only,unfold)', 'model-registry'])
    expect(trailers).toContain(`Model-Id: ${o['model-id']}\n`)
    expect(trailers).toContain(`Sha256: ${first.sha256}\n`)
    expect(trailers).toContain(`Workflow-Run: ${workflowRun}\n`)
    const changed = await git(gh, ['show', '--name-only', '--format=', 'model-registry'])
    // The version file and the derived files it changes: its day's row shard, the head, the catalog.
    expect(changed.split('\n').filter(Boolean).sort()).toEqual(
      [
        'catalog.json',
        'models/theft-detector/head.json',
        `${rowsDir('theft-detector')}/${dayOfTime(doc.registered_at as string)}.json`,
        versionFilePath('theft-detector', '1.0.0')
      ].sort()
    )

    // The job summary: the metadata and metrics tables and the links.
    expect(run.summary).toContain(`### ✅ Registered theft-detector@1.0.0`)
    expect(run.summary).toContain('| field | value |')
    expect(run.summary).toContain(`| sha256 | \`${first.sha256}\` |`)
    expect(run.summary).toContain(`| release | [${tag}](${o['release-url']}) |`)
    expect(run.summary).toContain(`](${o['asset-url']})`)
    expect(run.summary).toContain('| metric | value |')
    expect(run.summary).toContain('| f1_score | 0.9 |')
    expect(run.summary).toContain(`${gh.serverUrl}/${gh.owner}/${gh.repo}/commit/${job.sha}`)
  })

  test('list reports the version', async () => {
    const run = await ok({ command: 'list', name: 'theft-detector' })
    expect(run.outputs.count).toBe('1')
    expect((run.json as { version: string }[]).map(v => v.version)).toEqual(['1.0.0'])
    expect(run.summary).toContain('### 1 model version')
    expect(run.summary).toContain('| theft-detector@1.0.0 | development |')

    const none = await ok({ command: 'list', name: 'no-such-model' })
    expect(none.outputs.count).toBe('0')
  })

  test('fetch downloads the file, verified, with no cache service', async () => {
    const downloadsBefore = gh.requests.filter(r => r.origin === 'download').length
    const run = await ok({ command: 'fetch', reference: 'theft-detector@latest', path: 'out/model.pkl' })
    // A file path, relative to the workspace, its directory made: the output is exactly that file.
    expect(run.outputs.path).toBe(join(job.workspace, 'out', 'model.pkl'))
    const fetched = await readFile(run.outputs.path!)
    expect(sha256Hex(fetched)).toBe(first.sha256)
    expect(run.outputs).toMatchObject({
      sha256: first.sha256,
      version: '1.0.0',
      'model-id': registered['model-id']
    })
    const downloads = gh.requests.slice().filter(r => r.origin === 'download')
    expect(downloads.length).toBe(downloadsBefore + 1)
    expect(downloads.at(-1)).toMatchObject({ status: 200, authorization: false })
    expect(run.stdout).not.toMatch(/::(error|warning)::/)

    // Into an existing directory (the default, the workspace): the file keeps its registry name.
    const byCriteria = await ok({ command: 'fetch', name: 'theft-detector', tags: 'nightly' })
    expect(byCriteria.outputs.path).toBe(join(job.workspace, `${registered['model-id']}.pkl`))
    expect(sha256Hex(await readFile(byCriteria.outputs.path!))).toBe(first.sha256)
    expect(byCriteria.summary).toContain(`| path | ${byCriteria.outputs.path} |`)

    // `dir/` names a directory, made when missing.
    const intoDir = await ok({
      command: 'fetch',
      reference: registered['model-id']!,
      path: 'models/fetched/'
    })
    expect(intoDir.outputs.path).toBe(
      join(job.workspace, 'models', 'fetched', `${registered['model-id']}.pkl`)
    )
    expect(sha256Hex(await readFile(intoDir.outputs.path!))).toBe(first.sha256)
  })

  test('fetch with a failing cache service (500 on every call) still downloads, verified', async () => {
    // A connection refused would be retried by @actions/cache for ~20 s; a 500 fails at once.
    const calls: string[] = []
    const cacheService = createServer((req, res) => {
      calls.push(`${req.method} ${req.url?.split('?')[0]}`)
      req.resume()
      res.writeHead(500, { 'content-type': 'application/json' })
      res.end('{"message":"cache service down"}')
    })
    await new Promise<void>(done => cacheService.listen(0, '127.0.0.1', done))
    const { port } = cacheService.address() as AddressInfo
    try {
      const run = await runStep(bundle, job, {
        inputs: { command: 'fetch', reference: 'theft-detector@1.0.0', path: 'cached/model.pkl' },
        env: {
          ACTIONS_CACHE_URL: `http://127.0.0.1:${port}/`,
          ACTIONS_RUNTIME_TOKEN: 'runtime-token'
        }
      })
      steps.push(run)
      expect(run.errors).toEqual([])
      expect(run.code).toBe(0)
      expect(sha256Hex(await readFile(run.outputs.path!))).toBe(first.sha256)
      // The cache was asked (restore, then save after the verified download), and its failure was not fatal.
      expect(calls).toEqual(['GET /_apis/artifactcache/cache', 'POST /_apis/artifactcache/caches'])
    } finally {
      await new Promise(done => cacheService.close(done))
    }
  })

  test('show by model_id', async () => {
    const run = await ok({ command: 'show', reference: registered['model-id']! })
    expect(run.outputs).toMatchObject({
      'model-id': registered['model-id'],
      version: '1.0.0',
      sha256: first.sha256,
      stage: 'development',
      'release-url': registered['release-url'],
      'asset-url': registered['asset-url']
    })
    expect(run.json).toEqual(JSON.parse(registered.json!))
    expect(run.summary).toContain('### theft-detector@1.0.0')
  })

  test('a second version, then compare shows the metric deltas', async () => {
    second = await writeModelFile(join(job.workspace, 'models', 'detector.pkl'), 200_000)
    const run = await ok({
      command: 'register',
      'model-path': 'models/detector.pkl',
      name: 'theft-detector',
      'model-type': 'isolation_forest',
      metrics: 'f1_score=0.93\nprecision=0.9\nrecall=0.95',
      bump: 'minor',
      parent: 'theft-detector@1.0.0'
    })
    expect(run.outputs.version).toBe('1.1.0')
    expect(run.outputs.sha256).toBe(second.sha256)
    expect(JSON.parse(run.outputs.json!)).toMatchObject({ parent_model_id: registered['model-id'] })
    expect(gh.state.releases.map(r => r.tagName).sort()).toEqual([
      'theft-detector@v1.0.0',
      'theft-detector@v1.1.0'
    ])

    const compared = await ok({
      command: 'compare',
      reference: 'theft-detector@1.0.0\ntheft-detector@latest'
    })
    const outcome = compared.json as {
      versions: { version: string }[]
      comparison: { metrics: { metric: string; best: number | null }[] }
    }
    expect(outcome.versions.map(v => v.version)).toEqual(['1.0.0', '1.1.0'])
    expect(outcome.comparison.metrics.find(m => m.metric === 'f1_score')?.best).toBe(1)
    expect(compared.summary).toContain('### Comparison')
    expect(compared.summary).toContain('| metric | theft-detector@1.0.0 | theft-detector@1.1.0 | best |')
    expect(compared.summary).toContain('| f1_score | 0.9 | 0.93 (+0.03) | theft-detector@1.1.0 |')
  })

  test('edit adds and removes tags and replaces the notes in one commit', async () => {
    const tipBefore = await registryTip(gh)
    const run = await ok({
      command: 'edit',
      reference: 'theft-detector@1.1.0',
      'add-tags': 'reviewed, nightly',
      notes: 'checked by the on-call'
    })
    const outcome = run.json as { changed: boolean; version: { tags: string[]; notes: string } }
    expect(outcome.changed).toBe(true)
    expect(outcome.version.tags).toEqual(expect.arrayContaining(['reviewed', 'nightly']))
    expect(outcome.version.notes).toBe('checked by the on-call')
    expect(run.outputs).toMatchObject({ version: '1.1.0', stage: 'development' })
    expect(run.summary).toContain('Edited theft-detector@1.1.0')
    const removed = await ok({ command: 'edit', reference: 'theft-detector@1.1.0', 'remove-tags': 'nightly' })
    expect((removed.json as { version: { tags: string[] } }).version.tags).not.toContain('nightly')
    expect(await registryTip(gh)).not.toBe(tipBefore)
  })

  test('history lists both registrations from the branch', async () => {
    const run = await ok({ command: 'history', name: 'theft-detector' })
    const outcome = run.json as { events: { subject: string; author: string }[] }
    expect(outcome.events.map(e => e.subject)).toEqual(
      expect.arrayContaining([
        'register theft-detector 1.0.0 (development)',
        'register theft-detector 1.1.0 (development)'
      ])
    )
    expect(outcome.events.every(e => e.author === 'octo-trainer')).toBe(true)
    expect(run.summary).toContain('### History of theft-detector')
    expect(run.summary).toContain('| when | who | what | commit |')
    expect(run.summary).toContain('register theft-detector 1.1.0 (development)')
  })

  test('cleanup dry run plans, delete removes the release and the metadata, doctor finds it healthy', async () => {
    const tipBefore = await registryTip(gh)
    const plan = await ok({ command: 'cleanup', 'dry-run': 'true', 'keep-last': '1' })
    expect(plan.outputs['deleted-count']).toBe('1')
    expect(Number(plan.outputs['freed-bytes'])).toBe(first.size)
    expect(plan.summary).toContain('(dry run)')
    expect(await registryTip(gh)).toBe(tipBefore)
    expect(gh.state.releases).toHaveLength(2)

    const deleted = await ok({ command: 'delete', reference: 'theft-detector@1.0.0' })
    expect(deleted.outputs).toMatchObject({ version: '1.0.0', sha256: first.sha256 })
    expect(gh.state.releases.map(r => r.tagName)).toEqual(['theft-detector@v1.1.0'])
    expect((await gh.state.refMap())['refs/tags/theft-detector@v1.0.0']).toBeUndefined()
    expect((await listTree(gh, 'models/theft-detector')).filter(p => !p.includes('/rows/'))).toEqual([
      'models/theft-detector/head.json',
      versionFilePath('theft-detector', '1.1.0')
    ])
    const message = await git(gh, ['log', '-1', '--format=%s', 'model-registry'])
    expect(message).toBe('delete theft-detector 1.0.0 (development)\n')

    const doctor = await ok({ command: 'doctor' })
    expect(doctor.json).toMatchObject({ healthy: true, findings: [] })
  })

  test('an orphan release (a registration that died before its commit) is reported by doctor and swept by cleanup', async () => {
    // What a killed register leaves: a published release with a registry tag and no metadata.
    const octokit = new Octokit({ auth: gh.token, baseUrl: gh.apiUrl, log: quiet })
    const orphan = await octokit.rest.repos.createRelease({
      owner: gh.owner,
      repo: gh.repo,
      tag_name: 'theft-detector@v9.0.0',
      target_commitish: job.sha,
      draft: false
    })
    await octokit.rest.repos.uploadReleaseAsset({
      owner: gh.owner,
      repo: gh.repo,
      release_id: orphan.data.id,
      url: orphan.data.upload_url,
      name: 'theft-detector_20260101_000000.pkl',
      data: Buffer.from('orphaned bytes') as unknown as string,
      headers: { 'content-type': 'application/octet-stream', 'content-length': 14 }
    })
    // Fresh leftovers are a registration in flight: make the grace period 0 through the branch.
    await setPolicy(gh, job.root, policy => {
      ;(policy.retention as Record<string, unknown>).orphan_grace_hours = 0
    })

    const doctor = await ok({ command: 'doctor' })
    expect(doctor.json).toMatchObject({
      healthy: true,
      findings: [{ kind: 'orphan-object', severity: 'warning', subject: 'release theft-detector@v9.0.0' }]
    })

    const cleanup = await ok({ command: 'cleanup' })
    expect(cleanup.json).toMatchObject({ swept: [{ id: String(orphan.data.id) }] })
    expect(gh.state.releases.map(r => r.tagName)).toEqual(['theft-detector@v1.1.0'])
    expect((await gh.state.refMap())['refs/tags/theft-detector@v9.0.0']).toBeUndefined()
    expect((await listTree(gh, 'models/theft-detector')).filter(p => !p.includes('/rows/'))).toEqual([
      'models/theft-detector/head.json',
      versionFilePath('theft-detector', '1.1.0')
    ])
  })

  test("every step reports the mreg version that ran it (package.json's)", () => {
    expect(steps.length).toBeGreaterThan(0)
    for (const run of steps) expect(run.outputs['mreg-version']).toBe(PACKAGE_VERSION)
  })

  test('every output the Action wrote is declared in action.yml', async () => {
    const declared = await actionOutputNames()
    const written = new Set(steps.flatMap(run => Object.keys(run.outputs)))
    expect([...written].filter(name => !declared.includes(name))).toEqual([])
  })

  test('the token never leaks: masked first, absent from output, outputs, summaries and runner files', async () => {
    expect(steps.length).toBeGreaterThanOrEqual(10)
    for (const run of steps) {
      const lines = run.stdout.split(/\r?\n/)
      // Masked before anything else is printed.
      expect(lines[0]).toBe(`::add-mask::${gh.token}`)
      expect(lines.filter(line => line.includes(gh.token))).toEqual([`::add-mask::${gh.token}`])
      expect(withoutMaskCommands(run.stdout)).not.toContain(gh.token)
      expect(run.stderr).not.toContain(gh.token)
      expect(JSON.stringify(run.outputs)).not.toContain(gh.token)
      expect(run.summary).not.toContain(gh.token)
    }
    expect(await filesContaining(job.root, gh.token)).toEqual([])
    const branchFiles = await git(gh, ['grep', '-l', gh.token, 'model-registry']).catch(() => '')
    expect(branchFiles).toBe('')
  })

  test('every request and response matched GitHub’s OpenAPI description', () => {
    expect(gh.validationErrors).toEqual([])
  })
})
