/**
 * Eight workflow jobs registering the same model at the same moment, each its own runner (its own
 * RUNNER_TEMP and registry cache), against one emulated GitHub: every registration lands under its
 * own version, each release holds exactly the bytes its metadata records, the derived files (head,
 * row shards, catalog) are what the version files derive to, and no release is left behind by the attempts that lost a race.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { join } from 'node:path'
import { rowOf, versionFilePath } from '../../src/domain/layout.js'
import { deriveCatalog, deriveHead } from '../../src/domain/model-head.js'
import { checkCatalog, checkDerivedFiles } from '../../src/domain/layout-check.js'
import type { ModelHead } from '../../src/domain/layout.js'
import type { ModelVersion } from '../../src/domain/types.js'
import { startGitHubEmulator, type GitHubEmulator } from '../support/github-emulator/index.js'
import { bundleAction, newJob, runStep, type Bundle, type Job } from './support/run-action.js'
import { listTree, setPolicy, showJson, writeModelFile, type ModelFile } from './support/registry-state.js'

const WRITERS = 8

let bundle: Bundle
let gh: GitHubEmulator
const jobs: Job[] = []

beforeAll(async () => {
  bundle = await bundleAction()
  gh = await startGitHubEmulator()
})

afterAll(async () => {
  await Promise.all(jobs.map(job => job.dispose()))
  await gh?.close()
  await bundle?.dispose()
})

async function job(runId: string): Promise<Job> {
  const created = await newJob(gh, { runId, actor: `trainer-${runId}` })
  jobs.push(created)
  return created
}

test(`${WRITERS} Action processes register the same model at once: all land, consistently`, async () => {
  const setup = await job('1')
  const init = await runStep(bundle, setup, { inputs: { command: 'init' } })
  expect(init.code).toBe(0)

  const writers = await Promise.all(Array.from({ length: WRITERS }, (_, i) => job(String(100 + i))))
  const files: ModelFile[] = await Promise.all(
    writers.map(w => writeModelFile(join(w.workspace, 'model.onnx'), 20_000 + w.runId.length * 1000))
  )
  const runs = await Promise.all(
    writers.map(w =>
      runStep(bundle, w, {
        inputs: {
          command: 'register',
          'model-path': 'model.onnx',
          name: 'fraud-scorer',
          'model-type': 'gradient_boosting',
          metrics: `{"auc": 0.${w.runId}}`
        },
        timeoutMs: 80_000
      })
    )
  )
  for (const run of runs) {
    if (run.code !== 0) throw new Error(`a writer failed (${run.code}):\n${run.stdout}\n${run.stderr}`)
    expect(run.errors).toEqual([])
  }

  // Distinct versions and model_ids, each reported with the sha256 of the file that process sent.
  const versions = runs.map(run => run.outputs.version as string)
  expect(new Set(versions).size).toBe(WRITERS)
  expect(new Set(runs.map(run => run.outputs['model-id'])).size).toBe(WRITERS)
  runs.forEach((run, i) => expect(run.outputs.sha256).toBe(files[i]?.sha256))

  // The branch: every version file, written by the run that reported it.
  const paths = await listTree(gh, 'models/fraud-scorer')
  expect(paths.filter(p => p.includes('/versions/')).sort()).toEqual(
    versions.map(v => versionFilePath('fraud-scorer', v)).sort()
  )
  const docs: ModelVersion[] = []
  for (const [i, version] of versions.entries()) {
    const doc = await showJson<ModelVersion>(gh, versionFilePath('fraud-scorer', version))
    expect(doc).toMatchObject({
      checksum: files[i]?.sha256,
      source: { workflow_run: `${gh.serverUrl}/${gh.owner}/${gh.repo}/actions/runs/${writers[i]?.runId}` }
    })
    docs.push(doc)
  }
  const derived = new Map<string, unknown>()
  for (const path of paths.filter(p => !p.includes('/versions/'))) derived.set(path, await showJson(gh, path))
  expect(checkDerivedFiles('fraud-scorer', docs, derived)).toEqual([])
  const head = deriveHead('fraud-scorer', docs.map(rowOf)) as ModelHead
  expect(checkCatalog(await showJson(gh, 'catalog.json'), deriveCatalog([head]))).toEqual([])

  // Releases: exactly one per version, published, its one asset holding the recorded bytes.
  const releases = gh.state.releases
  expect(releases.map(r => r.tagName).sort()).toEqual(versions.map(v => `fraud-scorer@v${v}`).sort())
  for (const doc of docs) {
    const release = releases.find(r => r.id === doc.artifact.release?.id)
    expect(release).toMatchObject({ draft: false, tagName: `fraud-scorer@v${doc.version}` })
    expect(release?.assets.map(a => [a.id, a.name, a.state, a.sha256])).toEqual([
      [doc.artifact.assets?.[0]?.id, doc.artifact.file_name, 'uploaded', doc.checksum]
    ])
  }
  const tags = Object.keys(await gh.state.refMap()).filter(ref => ref.startsWith('refs/tags/'))
  expect(tags.sort()).toEqual(versions.map(v => `refs/tags/fraud-scorer@v${v}`).sort())

  // The product's own integrity check, through the Action, agrees; with no grace period for
  // fresh leftovers, a release left by a lost race would be reported as an orphan.
  await setPolicy(gh, setup.root, policy => {
    ;(policy.retention as Record<string, unknown>).orphan_grace_hours = 0
  })
  const doctor = await runStep(bundle, setup, { inputs: { command: 'doctor' } })
  expect(doctor.errors).toEqual([])
  expect(doctor.code).toBe(0)
  expect(doctor.json).toMatchObject({
    healthy: true,
    checked: { models: 1, versions: WRITERS, artifacts: WRITERS },
    findings: []
  })

  expect(gh.validationErrors).toEqual([])
}, 120_000)
