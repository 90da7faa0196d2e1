/**
 * The same failures through both fronts: `mreg --github` and the Action bundle (dist/index.js as
 * the runner runs it), against one emulated repository. Each front words the command's error in
 * its own terms — a CLI flag and `'mreg --github o/r …'` for the CLI, an input and a step with
 * `command:` for the Action — and neither front's words appear in the other's message. Also the
 * first run: a repository without the registry branch gets one from its first write.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { join } from 'node:path'
import { resetGitHubClients } from '../../src/github/client.js'
import { githubCliArgs, mreg, removeDir, tempDir, testEnv, type RunResult } from '../support/cli-harness.js'
import { startGitHubEmulator, type GitHubEmulator } from '../support/github-emulator/index.js'
import { registryTip, showJson, writeModelFile } from './support/registry-state.js'
import { bundleAction, FAST_GITHUB, newJob, runStep, type Bundle, type Job } from './support/run-action.js'

let bundle: Bundle
let gh: GitHubEmulator
let job: Job
let work: string
let cache: string

beforeAll(async () => {
  bundle = await bundleAction()
  gh = await startGitHubEmulator()
  job = await newJob(gh)
  work = await tempDir()
  cache = await tempDir()
  await writeModelFile(join(job.workspace, 'model.pkl'))
  await writeModelFile(join(work, 'model.pkl'))
}, 60_000)

afterAll(async () => {
  await job?.dispose()
  await gh?.close()
  await bundle?.dispose()
  await removeDir(work)
  await removeDir(cache)
  resetGitHubClients()
})

const REPO = () => `${gh.owner}/${gh.repo}`

async function cli(args: string[]): Promise<RunResult & { message: string }> {
  const result = await mreg(
    work,
    githubCliArgs(gh, ...args),
    testEnv({ GITHUB_TOKEN: gh.token, XDG_CACHE_HOME: cache, ...FAST_GITHUB })
  )
  const message = result.stderr
    .split('\n')
    .filter(line => line.startsWith('mreg: ') && !line.startsWith('mreg: created the registry branch'))
    .join('\n')
  return { ...result, message }
}

async function action(
  inputs: Record<string, string>
): Promise<{ code: number | null; message: string; stdout: string }> {
  const step = await runStep(bundle, job, { inputs, env: FAST_GITHUB })
  const message = step.errors.map(line => line.replace(/^::error::/, '')).join('\n')
  return { code: step.code, message, stdout: step.stdout }
}

/** Words that belong to the Action only, and to the CLI only. */
const ACTION_ONLY = /input "|command: /
const CLI_ONLY = /(^|\s)--[a-z]|'mreg |\bREF\b/

describe('first run: no registry branch yet', () => {
  test('a read says how to create it, in each front’s terms, and creates nothing', async () => {
    const viaCli = await cli(['list'])
    expect(viaCli.code).toBe(1)
    expect(viaCli.message).toContain(`'mreg --github ${REPO()} init'`)
    expect(viaCli.message).not.toMatch(ACTION_ONLY)

    const viaAction = await action({ command: 'list' })
    expect(viaAction.code).toBe(1)
    expect(viaAction.message).toContain('a step with command: init')
    expect(viaAction.message).not.toMatch(CLI_ONLY)
    expect(viaAction.message).not.toContain('mreg')
    expect(await registryTip(gh)).toBeNull()
  }, 60_000)

  test('the first register creates the branch (default policy, one notice) through the Action', async () => {
    const step = await runStep(bundle, job, {
      inputs: {
        command: 'register',
        'model-path': 'model.pkl',
        'model-type': 'isolation_forest',
        name: 'meter',
        version: '1.0.0',
        stage: 'staging'
      },
      env: FAST_GITHUB
    })
    expect(step.errors).toEqual([])
    expect(step.code).toBe(0)
    const notices = step.stdout.split('\n').filter(line => line.includes('created the registry branch'))
    expect(notices).toHaveLength(1)
    expect(notices[0]).not.toMatch(CLI_ONLY)
    expect(await registryTip(gh)).not.toBeNull()
    const policy = await showJson<{ artifacts: { store: string } }>(gh, 'registry.json')
    expect(policy.artifacts.store).toBe('github-release')
    expect(step.outputs.version).toBe('1.0.0')
  }, 60_000)
})

interface Failure {
  why: string
  cli: string[]
  action: Record<string, string>
  /** What the CLI's message must say, and the Action's. */
  cliSays: string
  actionSays: string
  /** The fault the command raised (CLI --json shows it). */
  fault: { field: string; reason: string; value?: unknown }
}

/** The CLI resolves FILE against its working directory: the test's scratch directory. */
const REGISTER_CLI = ['register', '<work>/model.pkl', '--type', 'isolation_forest', '--name', 'meter']
const REGISTER_ACTION = {
  command: 'register',
  'model-path': 'model.pkl',
  'model-type': 'isolation_forest',
  name: 'meter'
}

const FAILURES: Failure[] = [
  {
    why: 'an explicit version that exists',
    cli: [...REGISTER_CLI, '--version', '1.0.0'],
    action: { ...REGISTER_ACTION, version: '1.0.0' },
    cliSays: 'choose another --version',
    actionSays: 'choose another input "version"',
    fault: { field: 'version', value: '1.0.0', reason: 'exists' }
  },
  {
    why: 'registering straight into a gated stage',
    cli: [...REGISTER_CLI, '--stage', 'production'],
    action: { ...REGISTER_ACTION, stage: 'production' },
    cliSays: `then 'mreg --github acme/models promote NAME@VERSION --to production'`,
    actionSays: 'then a step with command: promote, reference: NAME@VERSION, stage: production',
    fault: { field: 'stage', value: 'production', reason: 'gated-or-exclusive' }
  },
  {
    why: 'a model that does not exist',
    cli: ['show', 'nope@latest'],
    action: { command: 'show', reference: 'nope@latest' },
    cliSays: `'mreg --github acme/models list' shows the registered models`,
    actionSays: 'a step with command: list shows the registered models',
    fault: { field: 'reference', value: 'nope', reason: 'no-such-model' }
  },
  {
    why: 'a version that does not exist',
    cli: ['show', 'meter@9.9.9'],
    action: { command: 'show', reference: 'meter@9.9.9' },
    cliSays: `'mreg --github acme/models list --name meter' shows its versions`,
    actionSays: 'a step with command: list, name: meter shows its versions',
    fault: { field: 'reference', value: 'meter@9.9.9', reason: 'no-such-version' }
  },
  {
    why: 'deleting a version in a protected stage',
    cli: ['delete', 'meter@1.0.0'],
    action: { command: 'delete', reference: 'meter@1.0.0' },
    cliSays: 'demote it first, or set --force',
    actionSays: 'demote it first, or set input "force"',
    fault: { field: 'force', value: false, reason: 'protected-stage' }
  },
  {
    why: 'a parent that does not exist',
    cli: [...REGISTER_CLI, '--parent', 'meter@7.0.0'],
    action: { ...REGISTER_ACTION, parent: 'meter@7.0.0' },
    cliSays: `parent "meter" has no version 7.0.0; 'mreg --github acme/models list --name meter'`,
    actionSays: 'parent "meter" has no version 7.0.0; a step with command: list, name: meter',
    fault: { field: 'parent', value: 'meter@7.0.0', reason: 'no-such-version' }
  },
  {
    why: 'rolling back a model that does not exist',
    cli: ['rollback', 'nope'],
    action: { command: 'rollback', name: 'nope' },
    cliSays: `no model named "nope"; 'mreg --github acme/models list'`,
    actionSays: 'no model named "nope"; a step with command: list shows',
    fault: { field: 'name', value: 'nope', reason: 'no-such-model' }
  }
]

describe('one failure, two fronts', () => {
  test.each(FAILURES)(
    '$why',
    async failure => {
      const tipBefore = await registryTip(gh)
      const releasesBefore = gh.state.releases.length

      const viaCli = await cli(['--json', ...failure.cli.map(arg => arg.replace('<work>', work))])
      expect(viaCli.code).not.toBe(0)
      expect(viaCli.message).toContain(failure.cliSays)
      expect(viaCli.message).not.toMatch(ACTION_ONLY)
      expect(viaCli.message.split('\n')).toHaveLength(1)
      const json = JSON.parse(viaCli.stdout) as { error: Record<string, unknown> }
      expect(json.error).toMatchObject(failure.fault)

      const viaAction = await action(failure.action)
      expect(viaAction.code).not.toBe(0)
      expect(viaAction.message).toContain(failure.actionSays)
      expect(viaAction.message).not.toMatch(CLI_ONLY)
      expect(viaAction.message).not.toContain('mreg')
      expect(viaAction.message.split('\n')).toHaveLength(1)

      expect(await registryTip(gh)).toBe(tipBefore)
      expect(gh.state.releases.length).toBe(releasesBefore)
    },
    90_000
  )
})

describe('mreg --github init', () => {
  test('creates the registry branch on the repository with release-asset storage, not a local registry', async () => {
    const other = await startGitHubEmulator()
    const dir = await tempDir()
    try {
      const result = await mreg(
        dir,
        githubCliArgs(other, '--json', 'init'),
        testEnv({ GITHUB_TOKEN: other.token, XDG_CACHE_HOME: join(dir, 'cache'), ...FAST_GITHUB })
      )
      expect(result.code).toBe(0)
      expect(JSON.parse(result.stdout)).toMatchObject({
        created: true,
        policy: { artifacts: { store: 'github-release' } }
      })
      expect(await registryTip(other)).not.toBeNull()
      expect((await showJson<{ artifacts: { store: string } }>(other, 'registry.json')).artifacts.store).toBe(
        'github-release'
      )
      const again = await mreg(
        dir,
        githubCliArgs(other, '--json', 'init'),
        testEnv({ GITHUB_TOKEN: other.token, XDG_CACHE_HOME: join(dir, 'cache'), ...FAST_GITHUB })
      )
      expect(JSON.parse(again.stdout)).toMatchObject({ created: false })
    } finally {
      await other.close()
      await removeDir(dir)
    }
  }, 60_000)

  test('the first register through mreg --github creates the branch, with one notice on stderr', async () => {
    const other = await startGitHubEmulator()
    const dir = await tempDir()
    try {
      await writeModelFile(join(dir, 'model.pkl'))
      const result = await mreg(
        dir,
        githubCliArgs(other, 'register', join(dir, 'model.pkl'), '--type', 'isolation_forest'),
        testEnv({ GITHUB_TOKEN: other.token, XDG_CACHE_HOME: join(dir, 'cache'), ...FAST_GITHUB })
      )
      expect(result.code).toBe(0)
      // Nothing on stderr but the notice.
      expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1)
      const notices = result.stderr.split('\n').filter(line => line.includes('created the registry branch'))
      expect(notices).toHaveLength(1)
      expect(notices[0]).not.toMatch(ACTION_ONLY)
      expect((await showJson<{ artifacts: { store: string } }>(other, 'registry.json')).artifacts.store).toBe(
        'github-release'
      )
      expect(other.state.releases.map(r => r.tagName)).toEqual(['isolation_forest@v1.0.0'])
    } finally {
      await other.close()
      await removeDir(dir)
    }
  }, 60_000)
})
