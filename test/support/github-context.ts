/**
 * A CommandContext for the GitHub mode against the emulator, built the way src/wiring/github.ts
 * builds it, with test timings (no write spacing, quick retries) and a controllable clock.
 */
import { join } from 'node:path'
import type { CommandContext } from '../../src/commands/context.js'
import { createGitHubClient } from '../../src/github/client.js'
import { RemoteRegistryBackend } from '../../src/registry/remote-backend.js'
import { GitHubReleaseStore } from '../../src/stores/github-release/github-release-store.js'
import type { GitHubEmulator } from './github-emulator/index.js'
import type { TestClock } from './command-context.js'

export function emulatorContext(
  gh: GitHubEmulator,
  cacheDir: string,
  clock: TestClock,
  options: { channel?: 'local' | 'pull-request'; maxPartBytes?: number } = {}
): CommandContext {
  const client = createGitHubClient({
    token: gh.token,
    apiUrl: gh.apiUrl,
    writeSpacingMs: 0,
    retries: 2,
    retryBaseMs: 10
  })
  const backend = new RemoteRegistryBackend({
    url: gh.gitUrl,
    cacheDir: join(cacheDir, 'registry'),
    token: gh.token,
    author: { name: 'tester', email: 'tester@example.com' },
    now: clock.now
  })
  const store = new GitHubReleaseStore({
    client,
    owner: gh.owner,
    repo: gh.repo,
    serverUrl: gh.serverUrl,
    maxPartBytes: options.maxPartBytes
  })
  return {
    backend,
    store: async () => store,
    now: clock.now,
    actor: 'tester',
    channel: options.channel ?? 'local'
  }
}
