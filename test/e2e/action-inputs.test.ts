/**
 * Bad input to the Action: every input of action.yml with an invalid value fails the step with
 * exactly one one-line `::error::` annotation that names the input, and writes nothing: no
 * release, no tag, the registry branch where it was, and no write request reached GitHub.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseActionInputs } from '../../src/action/inputs.js'
import { PACKAGE_VERSION } from '../support/bundle-define.js'
import { startGitHubEmulator, type GitHubEmulator } from '../support/github-emulator/index.js'
import {
  actionInputNames,
  bundleAction,
  FAST_GITHUB,
  newJob,
  runStep,
  withoutMaskCommands,
  type Bundle,
  type Job
} from './support/run-action.js'
import { writeModelFile, writeRequests, writeState } from './support/registry-state.js'

let bundle: Bundle
let gh: GitHubEmulator
let job: Job

const REGISTER = {
  command: 'register',
  'model-path': 'model.pkl',
  'model-type': 'isolation_forest',
  name: 'theft-detector'
}

interface BadInput {
  /** The input whose value is wrong: the message must name it. */
  input: string
  why: string
  inputs: Record<string, string>
}

const CASES: BadInput[] = [
  { input: 'command', why: 'unknown command', inputs: { command: 'deploy' } },
  { input: 'command', why: 'missing command', inputs: { command: '' } },
  { input: 'token', why: 'empty token', inputs: { command: 'list', token: '' } },
  {
    input: 'registry-branch',
    why: '".." in the branch',
    inputs: { command: 'list', 'registry-branch': 'bad..branch' }
  },
  {
    input: 'registry-branch',
    why: 'space in the branch',
    inputs: { command: 'init', 'registry-branch': 'my branch' }
  },
  { input: 'name', why: 'uppercase and a space', inputs: { ...REGISTER, name: 'Theft Detector' } },
  { input: 'name', why: 'a path escape', inputs: { command: 'list', name: '../etc' } },
  { input: 'model-type', why: 'not a slug', inputs: { ...REGISTER, 'model-type': 'Isolation Forest!' } },
  { input: 'model-type', why: 'missing for register', inputs: { ...REGISTER, 'model-type': '' } },
  { input: 'version', why: 'not semver', inputs: { ...REGISTER, version: '1.2' } },
  { input: 'version', why: 'leading v', inputs: { ...REGISTER, version: 'v2.0.0' } },
  { input: 'bump', why: 'unknown bump', inputs: { ...REGISTER, bump: 'huge' } },
  {
    input: 'version',
    why: 'version and bump together',
    inputs: { ...REGISTER, version: '2.0.0', bump: 'minor' }
  },
  {
    input: 'metrics',
    why: 'a metric that is not a number',
    inputs: { ...REGISTER, metrics: '{"f1_score": "high"}' }
  },
  { input: 'metrics', why: 'invalid JSON', inputs: { ...REGISTER, metrics: '{"f1_score": 0.9' } },
  {
    input: 'metrics',
    why: 'k=v that is not a number',
    inputs: { ...REGISTER, metrics: 'f1_score=0.9\nrecall=high' }
  },
  {
    input: 'metrics',
    why: 'a file that does not exist',
    inputs: { ...REGISTER, metrics: 'missing-metrics.json' }
  },
  { input: 'metrics', why: 'a file holding an array', inputs: { ...REGISTER, metrics: 'array.json' } },
  {
    input: 'min-metrics',
    why: 'a file that does not exist',
    inputs: { command: 'list', 'min-metrics': 'missing-minimums.json' }
  },
  { input: 'config', why: 'a JSON array', inputs: { ...REGISTER, config: '["not", "an", "object"]' } },
  {
    input: 'config',
    why: 'a file that does not exist',
    inputs: { ...REGISTER, config: 'missing-config.json' }
  },
  { input: 'config', why: 'a file holding an array', inputs: { ...REGISTER, config: 'array.json' } },
  {
    input: 'training-metadata',
    why: 'invalid JSON',
    inputs: { ...REGISTER, 'training-metadata': '{samples: 10}' }
  },
  { input: 'tags', why: 'a tag with a space', inputs: { ...REGISTER, tags: 'nightly, high recall' } },
  { input: 'tags', why: 'a bad tag as a filter', inputs: { command: 'list', tags: '#oops' } },
  {
    input: 'add-tags',
    why: 'a tag with a space',
    inputs: { command: 'edit', reference: 'theft-detector@1.0.0', 'add-tags': 'high recall' }
  },
  {
    input: 'remove-tags',
    why: 'a bad tag',
    inputs: { command: 'edit', reference: 'theft-detector@1.0.0', 'remove-tags': '#oops' }
  },
  { input: 'parent', why: 'a malformed reference', inputs: { ...REGISTER, parent: '@1.0.0' } },
  { input: 'stage', why: 'a stage registry.json does not have', inputs: { ...REGISTER, stage: 'prod' } },
  { input: 'stage', why: 'an unknown stage as a filter', inputs: { command: 'list', stage: 'qa' } },
  { input: 'stage', why: 'not a stage name', inputs: { command: 'fetch', stage: 'Production!' } },
  {
    input: 'reference',
    why: 'a malformed reference',
    inputs: { command: 'show', reference: 'theft-detector@@1' }
  },
  {
    input: 'reference',
    why: 'compare with one reference',
    inputs: { command: 'compare', reference: 'theft-detector@1.0.0' }
  },
  {
    input: 'reference',
    why: 'show with two references',
    inputs: { command: 'show', reference: 'theft-detector@1.0.0\ntheft-detector@latest' }
  },
  { input: 'reference', why: 'delete without a reference', inputs: { command: 'delete' } },
  {
    input: 'min-metrics',
    why: 'a minimum that is not a number',
    inputs: { command: 'list', 'min-metrics': '{"f1_score": "0.9x"}' }
  },
  {
    input: 'path',
    why: 'a directory below a file',
    inputs: { command: 'fetch', reference: 'theft-detector@1.0.0', path: 'model.pkl/out/' }
  },
  {
    input: 'at',
    why: 'not a time',
    inputs: { command: 'history', name: 'theft-detector', at: 'last tuesday' }
  },
  { input: 'dry-run', why: 'not a boolean', inputs: { command: 'cleanup', 'dry-run': 'yes' } },
  {
    input: 'force',
    why: 'not a boolean',
    inputs: { command: 'delete', reference: 'theft-detector@1.0.0', force: 'maybe' }
  },
  { input: 'keep-last', why: 'zero', inputs: { command: 'cleanup', 'keep-last': '0' } },
  { input: 'keep-last', why: 'not a number', inputs: { command: 'cleanup', 'keep-last': 'ten' } },
  { input: 'min-age-days', why: 'negative', inputs: { command: 'cleanup', 'min-age-days': '-1' } },
  {
    input: 'model-path',
    why: 'a file that does not exist',
    inputs: { ...REGISTER, 'model-path': 'missing.pkl' }
  },
  { input: 'model-path', why: 'an empty directory', inputs: { ...REGISTER, 'model-path': 'models' } },
  { input: 'model-path', why: 'missing for register', inputs: { ...REGISTER, 'model-path': '' } }
]

/** Inputs that take any text: there is no invalid value to give them. */
const FREE_TEXT = ['notes', 'dataset-version']

beforeAll(async () => {
  bundle = await bundleAction()
  gh = await startGitHubEmulator()
  job = await newJob(gh)
  await writeModelFile(join(job.workspace, 'model.pkl'), 10_000)
  await mkdir(join(job.workspace, 'models'))
  await writeFile(join(job.workspace, 'array.json'), '[1, 2, 3]')
  for (const inputs of [{ command: 'init' }, REGISTER]) {
    const run = await runStep(bundle, job, { inputs, env: FAST_GITHUB })
    if (run.code !== 0) throw new Error(`setup step ${inputs.command} failed:\n${run.stdout}`)
  }
})

afterAll(async () => {
  await job?.dispose()
  await gh?.close()
  await bundle?.dispose()
})

test('the Action reads exactly the inputs action.yml declares', async () => {
  const read = new Set<string>()
  parseActionInputs(name => {
    read.add(name)
    return { command: 'list', token: 't' }[name] ?? ''
  })
  expect([...read].sort()).toEqual((await actionInputNames()).sort())
})

test('every input of action.yml has a bad-input case (or takes free text)', async () => {
  const covered = new Set([...CASES.map(c => c.input), ...FREE_TEXT])
  expect((await actionInputNames()).filter(name => !covered.has(name))).toEqual([])
})

describe('a bad input fails the step with one annotation naming it, and writes nothing', () => {
  test.each(CASES)('$input: $why', async ({ input, inputs }) => {
    const before = await writeState(gh)
    const requestsBefore = gh.requests.length
    const run = await runStep(bundle, job, { inputs, env: FAST_GITHUB })

    expect(run.code).toBe(1)
    expect(run.errors).toHaveLength(1)
    const annotation = run.errors[0] as string
    expect(annotation).toMatch(/^::error::\S/)
    // One line, and it names the input the user has to fix.
    expect(annotation).not.toMatch(/[\r\n]/)
    expect(annotation).toMatch(new RegExp(`^::error::(input "${input}"|inputs "${input}" and "[a-z-]+")[ :]`))
    expect(annotation).not.toMatch(/internal error/)
    // Only which mreg ran: every run reports it, a failed one included.
    expect(run.outputs).toEqual({ 'mreg-version': PACKAGE_VERSION })
    expect(withoutMaskCommands(run.stdout)).not.toContain(gh.token)
    expect(run.stderr).toBe('')

    expect(writeRequests(gh, requestsBefore)).toEqual([])
    expect(await writeState(gh)).toEqual(before)
    expect(gh.validationErrors).toEqual([])
  })
})

test('metrics and min-metrics take a path to a JSON file, like config', async () => {
  await writeFile(join(job.workspace, 'metrics.json'), '{"f1_score": 0.93}')
  await writeFile(join(job.workspace, 'minimums.json'), '{"f1_score": 0.9}')
  const registered = await runStep(bundle, job, {
    inputs: { ...REGISTER, metrics: 'metrics.json' },
    env: FAST_GITHUB
  })
  expect(registered.code).toBe(0)
  expect(registered.json).toMatchObject({ performance_metrics: { f1_score: 0.93 } })
  const listed = await runStep(bundle, job, {
    inputs: { command: 'list', 'min-metrics': 'minimums.json' },
    env: FAST_GITHUB
  })
  expect(listed.code).toBe(0)
  expect(listed.outputs.count).toBe('1')
})

test('outside a workflow (no GITHUB_REPOSITORY): one annotation saying so, nothing written', async () => {
  const before = await writeState(gh)
  const run = await runStep(bundle, job, {
    inputs: { command: 'list' },
    env: { ...FAST_GITHUB, GITHUB_REPOSITORY: undefined }
  })
  expect(run.code).toBe(1)
  expect(run.errors).toEqual([
    '::error::GITHUB_REPOSITORY is not set to owner/repo: run this Action as a step of a GitHub Actions workflow'
  ])
  expect(await writeState(gh)).toEqual(before)
})
