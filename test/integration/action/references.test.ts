/**
 * The Action resolves references by the same rule as the CLI: `@latest` (and a bare name) is the
 * highest version, `@newest` the last registration. Runs the Action's step runner over a local
 * registry (the runner is pure of @actions/core; the commands are the same in both modes).
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { parseActionInputs } from '../../../src/action/inputs.js'
import { runStep } from '../../../src/action/run.js'
import type { CommandContext } from '../../../src/commands/context.js'
import { init } from '../../../src/commands/init.js'
import { makeProjectRepo, modelFile, removeDir } from '../../support/cli-harness.js'
import { localContext, testClock } from '../../support/command-context.js'

let repo: string
let ctx: CommandContext
const links = { repositoryUrl: 'https://github.com/acme/meters', branch: 'model-registry' }

const step = (inputs: Record<string, string>) =>
  runStep(
    parseActionInputs(name => ({ token: 't', ...inputs })[name] ?? ''),
    ctx,
    links,
    repo
  )

beforeAll(async () => {
  repo = await makeProjectRepo()
  const clock = testClock()
  ctx = localContext(repo, clock)
  await init(ctx)
  for (const [version, fill] of [
    ['1.0.0', 1],
    ['0.9.0', 2]
  ] as const) {
    await modelFile(repo, `m-${version}.pkl`, fill)
    clock.advance(60_000)
    const run = await step({
      command: 'register',
      'model-path': `m-${version}.pkl`,
      'model-type': 'iforest',
      version
    })
    expect(run.outputs.version).toBe(version)
  }
})

afterAll(async () => {
  await removeDir(repo)
})

test.each([
  ['iforest@latest', '1.0.0'],
  ['iforest', '1.0.0'],
  ['iforest@newest', '0.9.0']
])('show %s gives %s', async (reference, version) => {
  expect((await step({ command: 'show', reference })).outputs.version).toBe(version)
})
