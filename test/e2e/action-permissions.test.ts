/**
 * The Action with exactly the permissions the README's table lists for each command (the table
 * action.yml and docs/workflows agree with: test/integration/docs/workflows.test.ts), against the
 * emulator's per-token permissions (tokens.ts): documented → success; each documented permission
 * taken away → the step fails with one error that names that permission. Every command of the
 * Action has its row (asserted against COMMANDS).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { Octokit } from '@octokit/rest'
import { join } from 'node:path'
import { COMMANDS } from '../../src/action/inputs.js'
import { promote } from '../../src/commands/promote.js'
import { register } from '../../src/commands/register.js'
import { readmePermissions } from '../support/docs-permissions.js'
import { modelFile } from '../support/cli-harness.js'
import { testClock } from '../support/command-context.js'
import { emulatorContext } from '../support/github-context.js'
import {
  ALL_WRITE,
  startGitHubEmulator,
  type GitHubEmulator,
  type TokenPermissions
} from '../support/github-emulator/index.js'
import {
  bundleAction,
  eventEnv,
  newJob,
  pushEvent,
  repositoryPayload,
  ROOT,
  runStep,
  type Bundle,
  type Job,
  type StepRun,
  withoutMaskCommands
} from './support/run-action.js'

let bundle: Bundle
let gh: GitHubEmulator
let octokit: Octokit
let job: Job
let documented: Map<string, string[]>

beforeAll(async () => {
  bundle = await bundleAction()
  gh = await startGitHubEmulator()
  octokit = new Octokit({ auth: gh.token, baseUrl: gh.apiUrl })
  job = await newJob(gh)
  documented = await readmePermissions(ROOT)
  for (let i = 0; i < 3; i++) {
    await modelFile(job.workspace, `model${i}.pkl`, i, 2048 + i)
    ok(await step({ command: 'register', 'model-path': `model${i}.pkl`, 'model-type': 'meter' }))
  }
}, 120_000)

afterAll(async () => {
  expect(gh.validationErrors).toEqual([])
  await job.dispose()
  await gh.close()
  await bundle.dispose()
})

function ok(run: StepRun): StepRun {
  if (run.code !== 0) throw new Error(`step failed (${run.code}): ${run.errors.join('\n')}\n${run.stderr}`)
  return run
}

const step = (
  inputs: Record<string, string>,
  env: Record<string, string> = {},
  on: Job = job
): Promise<StepRun> => runStep(bundle, on, { inputs, env })

/** `contents: write`, `pull-requests: read`… as the emulator's permission set (metadata is always read). */
function tokenWith(permissions: string[]): TokenPermissions {
  const set: TokenPermissions = { metadata: 'read' }
  for (const entry of permissions) {
    const [name, level] = entry.split(': ') as [string, 'read' | 'write']
    set[name.replace(/-/g, '_') as keyof TokenPermissions] = level
  }
  return set
}

interface Case {
  command: string
  inputs: () => Promise<Record<string, string>>
  env?: (on: Job) => Promise<Record<string, string>>
  /**
   * Runs as its own workflow does, in a job of its own: nothing cached from the job that
   * registered or promoted (check on pull_request, apply on push).
   */
  ownJob?: boolean
  /** What the successful step must have done (beyond exit 0), from its outputs. */
  did?: (outputs: Record<string, string>) => void
}

const dispatch = (inputs: Record<string, string>) => (on: Job) =>
  eventEnv(on, 'workflow_dispatch', {
    inputs,
    ref: 'refs/heads/main',
    repository: repositoryPayload(gh),
    sender: { login: job.actor, type: 'User' }
  })

let registered = 3
let proposal: { number: number } | undefined
let pushed: { before: string; after: string } | undefined

async function proposalOpen(): Promise<{ number: number }> {
  if (proposal) return proposal
  const run = ok(
    await step({ command: 'promote', reference: 'meter@1.0.0', stage: 'staging' }, await dispatch({})(job))
  )
  proposal = { number: Number(run.outputs['pull-request-number']) }
  return proposal
}

async function checkEnv(on: Job): Promise<Record<string, string>> {
  const { number } = await proposalOpen()
  const pr = (await octokit.rest.pulls.get({ owner: gh.owner, repo: gh.repo, pull_number: number })).data
  return eventEnv(
    on,
    'pull_request',
    {
      action: 'reopened',
      number,
      pull_request: pr,
      repository: repositoryPayload(gh),
      sender: { login: 'alice', type: 'User' }
    },
    {
      GITHUB_REF: `refs/pull/${number}/merge`,
      GITHUB_HEAD_REF: pr.head.ref,
      GITHUB_BASE_REF: pr.base.ref,
      GITHUB_SHA: pr.head.sha,
      GITHUB_ACTOR: 'alice'
    }
  )
}

async function applyEnv(on: Job): Promise<Record<string, string>> {
  if (!pushed) {
    const { number } = await proposalOpen()
    const before = (await gh.state.refMap())['refs/heads/model-registry'] as string
    const merged = await octokit.rest.pulls.merge({ owner: gh.owner, repo: gh.repo, pull_number: number })
    pushed = { before, after: merged.data.sha }
  }
  const { before, after } = pushed
  return eventEnv(
    on,
    'push',
    pushEvent(gh, { ref: 'refs/heads/model-registry', before, after, actor: 'alice' }),
    {
      GITHUB_REF: 'refs/heads/model-registry',
      GITHUB_REF_NAME: 'model-registry',
      GITHUB_SHA: after,
      GITHUB_ACTOR: 'alice'
    }
  )
}

let rollbackReady = false

/**
 * gauge@1.0.0 held canary until gauge@1.0.1 took it (and demoted it to deprecated): rollback of
 * canary then proposes 1.0.0 back. Written directly, as a maintainer's local run would, with the
 * full token, before the step's token is narrowed.
 */
async function rollbackEnv(on: Job): Promise<Record<string, string>> {
  if (!rollbackReady) {
    const clock = testClock(new Date().toISOString())
    const writer = emulatorContext(gh, join(job.root, 'rollback-writer'), clock)
    for (const i of [0, 1]) {
      await register(writer, {
        file: await modelFile(job.workspace, `gauge${i}.pkl`, 40 + i, 1024),
        modelType: 'gauge'
      })
      clock.advance(1000)
    }
    for (const version of ['1.0.0', '1.0.1']) {
      for (const to of ['staging', 'canary']) {
        await promote(writer, { reference: `gauge@${version}`, to })
        clock.advance(1000)
      }
    }
    rollbackReady = true
  }
  return dispatch({ name: 'gauge', stage: 'canary' })(on)
}

const CASES: Case[] = [
  { command: 'init', inputs: async () => ({ command: 'init' }) },
  {
    command: 'register',
    inputs: async () => {
      const file = `model${registered++}.pkl`
      await modelFile(job.workspace, file, registered, 2048 + registered)
      return { command: 'register', 'model-path': file, 'model-type': 'meter' }
    }
  },
  {
    command: 'edit',
    inputs: async () => ({ command: 'edit', reference: 'meter@1.0.1', 'add-tags': `t${registered++}` })
  },
  { command: 'cleanup', inputs: async () => ({ command: 'cleanup', 'keep-last': '4' }) },
  { command: 'delete', inputs: async () => ({ command: 'delete', reference: 'meter@1.0.2' }) },
  { command: 'migrate', inputs: async () => ({ command: 'migrate' }) },
  {
    command: 'fetch',
    inputs: async () => ({ command: 'fetch', reference: 'meter@1.0.0', path: `out${registered++}.pkl` })
  },
  { command: 'list', inputs: async () => ({ command: 'list' }) },
  { command: 'show', inputs: async () => ({ command: 'show', reference: 'meter@1.0.0' }) },
  {
    command: 'compare',
    inputs: async () => ({ command: 'compare', reference: 'meter@1.0.0\nmeter@1.0.1' }),
    did: outputs =>
      expect(
        (
          JSON.parse(outputs.json as string) as { comparison: { versions: { ref: string }[] } }
        ).comparison.versions.map(v => v.ref)
      ).toEqual(['meter@1.0.0', 'meter@1.0.1'])
  },
  { command: 'history', inputs: async () => ({ command: 'history', reference: 'meter' }) },
  { command: 'doctor', inputs: async () => ({ command: 'doctor' }) },
  {
    command: 'promote',
    inputs: async () => ({ command: 'promote', reference: 'meter@1.0.1', stage: 'staging' }),
    env: dispatch({ reference: 'meter@1.0.1', stage: 'staging' })
  },
  {
    command: 'rollback',
    inputs: async () => ({ command: 'rollback', name: 'gauge', stage: 'canary' }),
    env: rollbackEnv,
    // proposed, as on GitHub every promotion is: 1.0.0 back to canary once merged
    did: outputs =>
      expect(outputs).toMatchObject({ version: '1.0.0', stage: 'deprecated', 'proposed-stage': 'canary' })
  },
  { command: 'check', inputs: async () => ({ command: 'check' }), env: checkEnv, ownJob: true },
  { command: 'apply', inputs: async () => ({ command: 'apply' }), env: applyEnv, ownJob: true }
]

test('every command of the Action has a case here and a row in the README table', () => {
  expect(CASES.map(c => c.command).sort()).toEqual([...COMMANDS].sort())
  expect([...documented.keys()].sort()).toEqual([...COMMANDS].sort())
})

describe.each(CASES)('$command', ({ command, inputs, env, ownJob, did }) => {
  const run = async (permissions: TokenPermissions): Promise<StepRun> => {
    const on = ownJob ? await newJob(gh) : job
    const extra = env ? await env(on) : {}
    gh.state.tokenPermissions = permissions
    try {
      return await step(await inputs(), extra, on)
    } finally {
      gh.state.tokenPermissions = { ...ALL_WRITE }
      if (on !== job) await on.dispose()
    }
  }

  test('each documented permission taken away: one error naming it', async () => {
    const needed = documented.get(command) ?? []
    expect(needed.length).toBeGreaterThan(0)
    for (const permission of needed) {
      const name = permission.split(':')[0] as string
      const result = await run(tokenWith(needed.filter(p => p !== permission)))
      expect({ permission, code: result.code, error: result.errors[0] }).toMatchObject({
        permission,
        code: 1
      })
      expect({ permission, errors: result.errors.length }).toEqual({ permission, errors: 1 })
      expect(result.errors[0]).toMatch(new RegExp(`${name}: (read|write)`))
      expect(withoutMaskCommands(result.stdout) + result.stderr).not.toContain(gh.token)
    }
  }, 120_000)

  test('with exactly the documented permissions: success', async () => {
    const result = await run(tokenWith(documented.get(command) ?? []))
    expect({ code: result.code, errors: result.errors }).toEqual({ code: 0, errors: [] })
    did?.(result.outputs as Record<string, string>)
    const written = withoutMaskCommands(result.stdout) + result.stderr + result.summary
    expect(written + JSON.stringify(result.outputs)).not.toContain(gh.token)
  }, 120_000)
})
