/**
 * Hostile input on every Action input (issue 11), property-based: a hostile value in one input
 * of one command, parsed as the runner hands it over (parseActionInputs) and run through the
 * Action's step runner (runStep) over a local registry composed by the factory — the same code
 * as dist/index.js below @actions/core. Every outcome is: a completed step, or a RegistryError
 * (invalid input for what parsing refuses) whose message, worded for the Action, is one line;
 * never another exception, never a hang; a step that failed leaves the registry ref and the
 * store exactly as they were. Every input of action.yml is covered.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { readFile } from 'node:fs/promises'
import { relative } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { parseActionInputs } from '../../../src/action/inputs.js'
import { runStep } from '../../../src/action/run.js'
import { failureLine } from '../../../src/action/words.js'
import { isRegistryError } from '../../../src/domain/errors.js'
import { localContext, testClock } from '../../support/command-context.js'
import {
  makeProjectRepo,
  mreg,
  modelFile,
  registryState,
  removeDir,
  tempDir
} from '../../support/cli-harness.js'
import {
  expectNoPollution,
  FUZZ_RUNS,
  HOSTILE_STRINGS,
  hostileFiles,
  hostileString,
  within
} from '../../support/hostile.js'

let repo: string
let workspace: string
let files: string[]
let inputNames: string[]

/** Valid inputs each command needs, so the hostile one is what is judged. */
const BASE: Record<string, Record<string, string>> = {
  register: { 'model-path': 'model.pkl', 'model-type': 'detector' },
  fetch: { reference: 'detector@1.0.0', path: 'out/' },
  list: {},
  show: { reference: 'detector@1.0.0' },
  compare: { reference: 'detector@1.0.0,detector@1.0.1' },
  history: { reference: 'detector' },
  promote: { reference: 'detector@1.0.0', stage: 'development' },
  rollback: { name: 'detector' },
  edit: { reference: 'detector@1.0.0', notes: 'n' },
  cleanup: { 'dry-run': 'true' },
  delete: { reference: 'detector@9.9.9' },
  doctor: {},
  migrate: { 'dry-run': 'true' },
  check: {},
  apply: {}
}

beforeAll(async () => {
  repo = await makeProjectRepo()
  workspace = await tempDir()
  await modelFile(workspace, 'model.pkl', 21)
  files = (await hostileFiles(workspace)).map(f => (f.startsWith(workspace) ? relative(workspace, f) : f))
  const action = parseYaml(await readFile('action.yml', 'utf8')) as { inputs: Record<string, unknown> }
  inputNames = Object.keys(action.inputs)
  expect((await mreg(repo, ['init'])).code).toBe(0)
  for (const fill of [1, 2]) {
    const model = await modelFile(workspace, `m${fill}.pkl`, fill)
    expect(
      (await mreg(repo, ['register', model, '--type', 'detector', '--metric', 'f1_score=0.8'])).code
    ).toBe(0)
  }
}, 60_000)

afterAll(async () => {
  await removeDir(repo)
  await removeDir(workspace)
})

const links = { repositoryUrl: 'https://github.com/acme/models', branch: 'model-registry' }

/** What main.ts passes to core.setFailed: one line, no control character a log viewer would act on. */
function expectPrintableLine(line: string, context: string): void {
  if (line.trim() === '' || /[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/.test(line))
    throw new Error(
      `${context}: the failure line is not one printable line: ${JSON.stringify(line.slice(0, 300))}`
    )
}

/** One step with `input` set to `value`; checks the rule; returns what happened. */
async function judge(command: string, input: string, value: string): Promise<string> {
  const values: Record<string, string> = { command, token: 'ghs_fuzz', ...BASE[command], [input]: value }
  const context = `command ${command}, input "${input}" = ${JSON.stringify(value.slice(0, 80))}`
  let inputs
  try {
    inputs = parseActionInputs(name => values[name] ?? '')
  } catch (error) {
    if (!isRegistryError(error)) throw new Error(`${context}: parsing threw ${String(error)}`)
    expect(error.kind).toBe('invalid-input')
    expectPrintableLine(failureLine(error), context)
    return 'refused-input'
  }
  const before = await registryState(repo)
  try {
    const ctx = localContext(repo, testClock(new Date().toISOString()))
    const result = await within(20_000, context, runStep(inputs, ctx, links, workspace))
    if (result.failure !== undefined) expect(result.failure).not.toMatch(/\n/)
    return 'ran'
  } catch (error) {
    if (!isRegistryError(error)) throw new Error(`${context}: ${String((error as Error).stack ?? error)}`)
    expectPrintableLine(failureLine(error), context)
    const after = await registryState(repo)
    if (JSON.stringify(after) !== JSON.stringify(before)) throw new Error(`${context}: a failed step wrote`)
    return error.kind
  } finally {
    expectNoPollution()
  }
}

describe('every Action input, hostile values', () => {
  test('action.yml declares the inputs this test covers', () => {
    expect(inputNames).toEqual(expect.arrayContaining(['command', 'token', 'model-path', 'metrics', 'path']))
  })

  test('property: a completed step or a one-line RegistryError; a failed step writes nothing', async () => {
    const seen = new Map<string, number>()
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(BASE)),
        fc.constantFrom(...inputNames.filter(n => n !== 'command')),
        fc.oneof(hostileString(), fc.constantFrom(...files)),
        async (command, input, value) => {
          const outcome = await judge(command, input, value)
          seen.set(outcome, (seen.get(outcome) ?? 0) + 1)
        }
      ),
      { numRuns: FUZZ_RUNS ?? 150 }
    )
    expect(seen.get('refused-input')).toBeGreaterThan(0)
    expect(seen.get('ran')).toBeGreaterThan(0)
  }, 600_000)

  test('every named hostile string and file in several inputs (half the inputs of three commands under stress)', async () => {
    // npm test: list, each value in every 8th input (rotating); stress: three commands, every second input
    const commands = FUZZ_RUNS === undefined ? ['list'] : ['register', 'fetch', 'list']
    const stride = FUZZ_RUNS === undefined ? 8 : 2
    for (const command of commands) {
      for (const [i, value] of [...HOSTILE_STRINGS, ...files].entries()) {
        for (let j = i % stride; j < inputNames.length; j += stride) {
          await judge(command, inputNames[j] as string, value)
        }
      }
    }
  }, 1_200_000)

  test('the command input itself', async () => {
    for (const value of HOSTILE_STRINGS) {
      if (value.trim() === '' || !Object.keys(BASE).includes(value)) {
        expect(await judge('list', 'command', value)).toBe('refused-input')
      }
    }
  })
})
