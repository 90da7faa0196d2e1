/**
 * One run of the Action (src/action/main.ts is the entry point bundled to dist/index.js): inputs
 * → command → outputs, job summary, and on failure one annotation with the one-line message. The
 * token is masked first.
 */
import * as core from '@actions/core'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { invalidInput, isRegistryError } from '../domain/errors.js'
import { proxyFromEnv } from '../domain/proxy.js'
import { parseRepository, type GitHubTuning } from '../wiring/github.js'
import { openContext } from '../wiring/open-registry.js'
import { mregVersion } from '../wiring/version.js'
import { CachedArtifactStore } from './cached-store.js'
import { parseActionInputs } from './inputs.js'
import { runStep, type WorkflowEvent } from './run.js'
import { failureLine } from './words.js'

/** The event that started the workflow; check and apply read the pull request or push from it. */
async function readEvent(env: NodeJS.ProcessEnv): Promise<WorkflowEvent> {
  const name = env.GITHUB_EVENT_NAME ?? ''
  if (!env.GITHUB_EVENT_PATH) return { name, payload: {} }
  try {
    return {
      name,
      payload: JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8')) as WorkflowEvent['payload']
    }
  } catch (error) {
    throw invalidInput(`cannot read the workflow event at GITHUB_EVENT_PATH: ${(error as Error).message}`)
  }
}

export interface ActionComposition {
  /**
   * GitHub client timings; unset: the production defaults. The end-to-end tests' own entry point
   * (test/e2e/support/action-entry.ts) injects shorter ones against the emulator.
   */
  githubTuning?: GitHubTuning
}

export async function runAction(env: NodeJS.ProcessEnv, composition: ActionComposition = {}): Promise<void> {
  const token = core.getInput('token')
  if (token) core.setSecret(token)
  // Every run says which mreg ran it, a failing one included (`version` is the model's).
  core.setOutput('mreg-version', mregVersion())
  try {
    const inputs = parseActionInputs(name => core.getInput(name))
    const repository = parseRepository(env.GITHUB_REPOSITORY ?? '')
    if (!repository)
      throw invalidInput(
        'GITHUB_REPOSITORY is not set to owner/repo: run this Action as a step of a GitHub Actions workflow'
      )
    const serverUrl = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '')
    const runnerTemp = env.RUNNER_TEMP ?? tmpdir()
    const actor = env.GITHUB_ACTOR ?? 'github-actions'
    const { context: ctx } = await openContext({
      github: {
        ...repository,
        token: inputs.token,
        apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
        serverUrl,
        cacheDir: join(runnerTemp, 'mreg-registry'),
        tuning: composition.githubTuning,
        proxy: proxyFromEnv(env)
      },
      branch: inputs.registryBranch,
      actor,
      source: {
        repository: `${repository.owner}/${repository.repo}`,
        commit: env.GITHUB_SHA,
        workflow_run: env.GITHUB_RUN_ID
          ? `${serverUrl}/${repository.owner}/${repository.repo}/actions/runs/${env.GITHUB_RUN_ID}`
          : undefined,
        actor
      },
      log: { info: m => core.info(m), warn: m => core.warning(m), debug: m => core.debug(m) },
      notice: m => core.info(m)
    })
    const baseStore = ctx.store
    let cached: CachedArtifactStore | undefined
    ctx.store = async () =>
      (cached ??= new CachedArtifactStore(await baseStore(), join(runnerTemp, 'mreg-cache')))
    const links = {
      repositoryUrl: `${serverUrl}/${repository.owner}/${repository.repo}`,
      branch: inputs.registryBranch
    }
    const event = await readEvent(env)
    const result = await runStep(inputs, ctx, links, env.GITHUB_WORKSPACE ?? process.cwd(), event)
    for (const [name, value] of Object.entries(result.outputs)) core.setOutput(name, value)
    if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(result.summary, true).write()
    for (const note of result.annotations ?? []) {
      const properties = note.file ? { file: note.file } : {}
      if (note.level === 'error') core.error(note.message, properties)
      else if (note.level === 'warning') core.warning(note.message, properties)
      else core.notice(note.message, properties)
    }
    if (result.failure) core.setFailed(result.failure)
  } catch (error) {
    core.setFailed(failureLine(error))
    if (!isRegistryError(error) && error instanceof Error && error.stack) core.debug(error.stack)
  }
}
