/**
 * A CommandContext for the GitHub mode against the emulator, composed by the factory
 * (src/wiring/github.ts) with test timings (no write spacing, quick retries) and a controllable clock.
 */
import type { CommandContext } from '../../src/commands/context.js'
import type { GitHubOptions } from '../../src/wiring/open-registry.js'
import { createGitHubClient } from '../../src/github/client.js'
import { GitHubReleaseStore } from '../../src/stores/github-release/github-release-store.js'
import { githubContext } from '../../src/wiring/github.js'
import type { GitHubEmulator } from './github-emulator/index.js'
import type { TestClock } from './command-context.js'

export const EMULATOR_TUNING = { writeSpacingMs: 0, retries: 2, retryBaseMs: 10 }

/** openContext's `github` options for the emulator's repository (what `mreg serve --github` opens). */
export function emulatorOpenOptions(gh: GitHubEmulator, cacheDir: string): GitHubOptions {
  return {
    owner: gh.owner,
    repo: gh.repo,
    token: gh.token,
    apiUrl: gh.apiUrl,
    serverUrl: gh.serverUrl,
    cacheDir,
    tuning: EMULATOR_TUNING
  }
}

export function emulatorContext(
  gh: GitHubEmulator,
  cacheDir: string,
  clock: TestClock,
  options: { channel?: 'local' | 'pull-request'; maxPartBytes?: number } = {}
): CommandContext {
  // A part size other than the policy's is a test's choice: inject the store it wants.
  const store =
    options.maxPartBytes === undefined
      ? undefined
      : new GitHubReleaseStore({
          client: createGitHubClient({ token: gh.token, apiUrl: gh.apiUrl, ...EMULATOR_TUNING }),
          owner: gh.owner,
          repo: gh.repo,
          serverUrl: gh.serverUrl,
          maxPartBytes: options.maxPartBytes
        })
  const ctx = githubContext({
    owner: gh.owner,
    repo: gh.repo,
    token: gh.token,
    apiUrl: gh.apiUrl,
    serverUrl: gh.serverUrl,
    branch: 'model-registry',
    cacheDir,
    actor: 'tester',
    now: clock.now,
    tuning: EMULATOR_TUNING,
    store
  })
  if ((options.channel ?? 'local') === 'local') {
    ctx.channel = 'local'
    delete ctx.review
  }
  return ctx
}
