/**
 * The Action with a directory: `register` with `model-path` naming a directory makes one version
 * whose release holds one asset per file; `fetch` restores the tree at `path` (or as <model_id>
 * inside `dir/`), verified file by file; a tampered file fails the step and leaves nothing there.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import type { ModelVersion } from '../../src/domain/types.js'
import { startGitHubEmulator, type GitHubEmulator } from '../support/github-emulator/index.js'
import {
  bundleAction,
  FAST_GITHUB,
  newJob,
  runStep,
  type Bundle,
  type Job,
  type StepRun
} from './support/run-action.js'
import { registryTip, writeModelFile } from './support/registry-state.js'

let bundle: Bundle
let gh: GitHubEmulator
let job: Job

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

const step = (inputs: Record<string, string>): Promise<StepRun> =>
  runStep(bundle, job, { inputs, env: FAST_GITHUB })

async function tree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name)
    if (entry.isFile()) out[relative(dir, path)] = sha256(await readFile(path))
  }
  return out
}

beforeAll(async () => {
  bundle = await bundleAction()
  gh = await startGitHubEmulator()
  job = await newJob(gh)
  expect((await step({ command: 'init' })).code).toBe(0)
})

afterAll(async () => {
  await job?.dispose()
  await gh?.close()
  await bundle?.dispose()
})

describe('a directory through the Action', () => {
  let model: string
  let version: ModelVersion

  test('register with model-path a directory: one version, one asset per file', async () => {
    model = join(job.workspace, 'out', 'model')
    await mkdir(join(model, 'features'), { recursive: true })
    await writeModelFile(join(model, 'model.pkl'), 100_000)
    await writeFile(join(model, 'requirements.txt'), 'scikit-learn==1.5.2\n')
    await writeFile(join(model, 'features', 'extract.py'), 'def extract(x):\n    return x\n')
    const run = await step({
      command: 'register',
      'model-path': 'out/model',
      'model-type': 'isolation_forest'
    })
    expect(run.errors).toEqual([])
    expect(run.code).toBe(0)
    version = JSON.parse(run.outputs.json as string) as ModelVersion
    expect(run.outputs.sha256).toBe(version.artifact.sha256)
    expect(run.outputs['asset-url']).toBe('')
    expect(version.artifact.manifest?.map(e => e.path)).toEqual([
      'features/extract.py',
      'model.pkl',
      'requirements.txt'
    ])
    const release = gh.state.releases.find(r => r.id === version.artifact.release?.id)
    expect(release?.draft).toBe(false)
    expect(release?.assets.map(a => a.sha256)).toEqual(version.artifact.manifest?.map(e => e.sha256))
  })

  test('fetch restores the tree at path, and as <model_id> inside dir/', async () => {
    const run = await step({
      command: 'fetch',
      reference: `isolation_forest@${version.version}`,
      path: 'serving/model'
    })
    expect(run.errors).toEqual([])
    expect(run.code).toBe(0)
    expect(run.outputs.path).toBe(join(job.workspace, 'serving', 'model'))
    expect(await tree(join(job.workspace, 'serving', 'model'))).toEqual(await tree(model))

    const into = await step({ command: 'fetch', reference: 'isolation_forest@latest', path: 'deploy/' })
    expect(into.code).toBe(0)
    expect(await tree(join(job.workspace, 'deploy', version.model_id))).toEqual(await tree(model))
  })

  test('a tampered file fails the step with one error and leaves nothing at path', async () => {
    const tip = await registryTip(gh)
    const asset = gh.state.releases[0]?.assets.find(a => a.name.endsWith('model.pkl'))
    if (!asset?.bytes) throw new Error('asset missing')
    asset.bytes = Buffer.from(asset.bytes).fill(7, 0, 16)
    const run = await step({ command: 'fetch', reference: 'isolation_forest@latest', path: 'tampered/model' })
    expect(run.code).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toMatch(/checksum mismatch for model\.pkl/)
    expect(await readdir(join(job.workspace, 'tampered'))).toEqual([])
    expect(await registryTip(gh)).toBe(tip)
  })
})
