/**
 * The Action on a bad day at GitHub: uploads that fail for good, bytes stored wrong, a metadata
 * push refused by the server, rate limits. A failed step says why in one annotation and leaves
 * nothing behind (no release, no tag, registry branch unchanged: all or nothing); what GitHub asks
 * clients to wait out is waited out, and a transient failure is retried.
 */
import { versionFilePath } from '../../src/domain/layout.js'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import { join } from 'node:path'
import { PACKAGE_VERSION } from '../support/bundle-define.js'
import { startGitHubEmulator, type GitHubEmulator } from '../support/github-emulator/index.js'
import {
  bundleAction,
  FAST_GITHUB,
  newJob,
  runStep,
  withoutMaskCommands,
  type Bundle,
  type Job,
  type StepRun
} from './support/run-action.js'
import {
  registryTip,
  showJson,
  writeModelFile,
  writeState,
  type ModelFile
} from './support/registry-state.js'

let bundle: Bundle
let gh: GitHubEmulator
let job: Job
let model: ModelFile
let before: unknown
let requestsBefore: number

beforeAll(async () => {
  bundle = await bundleAction()
  gh = await startGitHubEmulator()
  job = await newJob(gh)
  const init = await runStep(bundle, job, { inputs: { command: 'init' }, env: FAST_GITHUB })
  expect(init.code).toBe(0)
  model = await writeModelFile(join(job.workspace, 'model.bin'), 150_000)
})

afterAll(async () => {
  await job?.dispose()
  await gh?.close()
  await bundle?.dispose()
})

beforeEach(async () => {
  before = await writeState(gh)
  requestsBefore = gh.requests.length
})

afterEach(() => {
  expect(gh.faults.pending()).toBe(0)
  gh.faults.clear()
  expect(gh.validationErrors).toEqual([])
})

const register = (): Promise<StepRun> =>
  runStep(bundle, job, {
    inputs: {
      command: 'register',
      'model-path': 'model.bin',
      name: 'meter-anomaly',
      'model-type': 'dbscan',
      metrics: '{"f1_score": 0.8}'
    },
    env: FAST_GITHUB
  })

/** Requests of this test on one origin, as `METHOD path → status`. */
const REF_UPDATE_PATH = '/repos/acme/models/git/refs/heads%2Fmodel-registry'
const REF_UPDATE = /\/git\/refs\/heads%2Fmodel-registry$/

const requests = (origin: string): string[] =>
  gh.requests
    .slice(requestsBefore)
    .filter(r => r.origin === origin)
    .map(r => `${r.method} ${numbered(r.path)} → ${r.status}`)

/** Ids in paths vary between runs: `/releases/1012/assets` → `/releases/N/assets`. */
const numbered = (path: string): string =>
  path
    .split('/')
    .map(segment => (/^\d+$/.test(segment) ? 'N' : segment))
    .join('/')

/** A failed step: exit 1, exactly one one-line ::error:: annotation matching `message`, no token. */
function expectFailed(run: StepRun, message: RegExp): void {
  expect(run.code).toBe(1)
  expect(run.errors).toHaveLength(1)
  expect(run.errors[0]).toMatch(/^::error::/)
  expect(run.errors[0]).toMatch(message)
  expect(withoutMaskCommands(run.stdout)).not.toContain(gh.token)
  expect(run.stderr).not.toContain(gh.token)
  // Only which mreg ran: every run reports it, a failed one included.
  expect(run.outputs).toEqual({ 'mreg-version': PACKAGE_VERSION })
}

/** Nothing of the failed registration stays: same refs (branch, tags) and same releases. */
async function expectNothingLeft(): Promise<void> {
  expect(await writeState(gh)).toEqual(before)
}

describe('failures leave nothing behind', () => {
  test('uploads failing with 500 until the retries run out: the step fails, the draft release is deleted', async () => {
    gh.faults.failNext({ origin: 'uploads', status: 500, times: 4 })
    const run = await register()
    expectFailed(run, /uploading asset meter-anomaly_\d{8}_\d{6}\.bin .*500/)
    expect(requests('uploads')).toEqual(Array(4).fill('POST /repos/acme/models/releases/N/assets → 500'))
    expect(requests('api')).toContain('DELETE /repos/acme/models/releases/N → 204')
    await expectNothingLeft()
  })

  test('the connection reset mid-upload every time: half-uploaded assets cleared, then the step fails, nothing left', async () => {
    gh.faults.resetConnectionMidUpload({ times: 4 })
    const run = await register()
    expectFailed(run, /ECONNRESET/)
    expect(requests('uploads').filter(r => r.endsWith('→ 0'))).toHaveLength(4)
    await expectNothingLeft()
  })

  test('GitHub storing other bytes than sent (digest mismatch): the step fails, nothing left', async () => {
    gh.faults.corruptUpload()
    const run = await register()
    expectFailed(
      run,
      /checksum mismatch for asset meter-anomaly_\d{8}_\d{6}\.bin: expected [0-9a-f]{64}, got [0-9a-f]{64}/
    )
    expect(run.errors[0]).toContain(model.sha256)
    await expectNothingLeft()
  })

  test('one ref update failing in transit: the update is tried again, the step succeeds', async () => {
    // The branch moves by a fast-forward ref update (src/github/git-database-backend.ts).
    gh.faults.failNext({ method: 'PATCH', path: REF_UPDATE, status: 500 })
    const run = await register()
    expect(run.code).toBe(0)
    expect(requests('api')).toContain(`PATCH ${REF_UPDATE_PATH} → 500`)
    expect(requests('api')).toContain(`PATCH ${REF_UPDATE_PATH} → 200`)
    expect(gh.state.releases).toHaveLength(1)
  })

  test('the metadata update refused by the server: the draft release is deleted, never published, no tag made', async () => {
    // A ref update failing in transit is checked against the server's tip and built again a few
    // times (4 attempts, each with the client's 3 retries); failing every time fails the step.
    gh.faults.failNext({ method: 'PATCH', path: REF_UPDATE, status: 500, times: 16 })
    const run = await register()
    expectFailed(run, /GitHub failed while moving branch model-registry on acme\/models \(500\)/)
    expect(requests('api')).toContain(`PATCH ${REF_UPDATE_PATH} → 500`)
    expect(requests('api')).not.toContain(`PATCH ${REF_UPDATE_PATH} → 200`)
    // The release stays a draft until the metadata has landed: with immutable releases a
    // published-then-deleted release would have reserved its tag for good.
    const api = requests('api')
    expect(api.filter(r => r.startsWith('PATCH /repos/acme/models/releases'))).toEqual([])
    expect(api).toContain('DELETE /repos/acme/models/releases/N → 204')
    await expectNothingLeft()
  })
})

describe('what GitHub asks to wait out is waited out', () => {
  async function expectRegistered(run: StepRun): Promise<void> {
    if (run.code !== 0) throw new Error(`register failed:\n${run.stdout}\n${run.stderr}`)
    expect(run.errors).toEqual([])
    const version = run.outputs.version as string
    const doc = await showJson(gh, versionFilePath('meter-anomaly', version))
    expect(doc).toMatchObject({ checksum: model.sha256 })
    const release = gh.state.releases.find(r => r.tagName === `meter-anomaly@v${version}`)
    expect(release?.draft).toBe(false)
    expect(release?.assets.map(a => a.sha256)).toEqual([model.sha256])
  }

  test('one failed upload (502) is retried with the file reopened, and the step succeeds', async () => {
    gh.faults.failNext({ origin: 'uploads', status: 502 })
    const run = await register()
    await expectRegistered(run)
    expect(requests('uploads')).toEqual([
      'POST /repos/acme/models/releases/N/assets → 502',
      'POST /repos/acme/models/releases/N/assets → 201'
    ])
  })

  test('one connection reset mid-upload: the starter asset is deleted, the upload retried, the step succeeds', async () => {
    gh.faults.resetConnectionMidUpload()
    const run = await register()
    await expectRegistered(run)
    expect(requests('uploads').map(r => r.replace(/.* → /, ''))).toEqual(['0', '422', '201'])
  })

  test('a secondary rate limit (429, retry-after 1 s) is waited out', async () => {
    gh.faults.rateLimitNext('secondary', 1, { method: 'POST', path: /\/releases$/ })
    const tip = await registryTip(gh)
    const run = await register()
    await expectRegistered(run)
    expect(
      requests('api')
        .filter(r => r.startsWith('POST'))
        .slice(0, 2)
    ).toEqual(['POST /repos/acme/models/releases → 429', 'POST /repos/acme/models/releases → 201'])
    expect(run.ms).toBeGreaterThanOrEqual(1000)
    expect(run.stdout).toMatch(/::warning::GitHub secondary rate limit on POST .*: waiting 1 s/)
    expect(await registryTip(gh)).not.toBe(tip)
  })

  test('an exhausted primary rate limit (403, reset in 2 s) is waited out', async () => {
    gh.faults.rateLimitNext('primary', 2, { method: 'PATCH' })
    const run = await register()
    await expectRegistered(run)
    // The first PATCH is the registry branch's ref update, then the release's publish.
    expect(requests('api').filter(r => r.startsWith('PATCH'))).toEqual([
      `PATCH ${REF_UPDATE_PATH} → 403`,
      `PATCH ${REF_UPDATE_PATH} → 200`,
      'PATCH /repos/acme/models/releases/N → 200'
    ])
    expect(run.ms).toBeGreaterThanOrEqual(1000)
    expect(run.stdout).toMatch(/::warning::GitHub primary rate limit on PATCH .*: waiting \d s/)
  })
})
