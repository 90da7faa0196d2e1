/**
 * The GitHub mode's command context against the emulator, composed as src/wiring/github.ts
 * does (remote registry branch over smart HTTP, release-asset store) plus the review channel,
 * with the client's write spacing off so a pull request flow takes milliseconds per call.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Octokit } from '@octokit/rest'
import type { CommandContext } from '../../../src/commands/context.js'
import { createGitHubClient, type GitHubClient } from '../../../src/github/client.js'
import { createGitHubReviewChannel } from '../../../src/github/review-channel.js'
import { RemoteRegistryBackend } from '../../../src/registry/remote-backend.js'
import { GitHubReleaseStore } from '../../../src/stores/github-release/github-release-store.js'
import { testClock, type TestClock } from '../../support/command-context.js'
import { git } from '../../support/git-repo.js'
import { startGitHubEmulator, type GitHubEmulator } from '../../support/github-emulator/index.js'

export const REGISTRY_BRANCH = 'model-registry'

export interface PrFixture {
  gh: GitHubEmulator
  client: GitHubClient
  /** Plays the humans and the merge button. */
  octokit: Octokit
  clock: TestClock
  dir: string
  log: string[]
  /** A fresh context (own registry cache) acting as `actor`. */
  context(actor?: string): CommandContext
  /** The registry branch's tip on the server. */
  tip(): string
  close(): Promise<void>
}

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined }

/** The waits of the commit → pull request lookup in these tests: 0.2 s in all. */
export const LINK_RETRY_DELAYS_MS = [50, 150]

export async function prFixture(): Promise<PrFixture> {
  const gh = await startGitHubEmulator()
  const dir = await mkdtemp(join(tmpdir(), 'mreg-pr-'))
  const log: string[] = []
  const client = createGitHubClient({
    token: gh.token,
    apiUrl: gh.apiUrl,
    writeSpacingMs: 0,
    retries: 1,
    retryBaseMs: 20,
    timeoutMs: 15_000,
    log: { info: m => log.push(m), warn: m => log.push(m) }
  })
  const clock = testClock('2026-11-27T12:00:00Z')
  let caches = 0
  const context = (actor = 'ci-bot'): CommandContext => {
    const backend = new RemoteRegistryBackend({
      url: gh.gitUrl,
      cacheDir: join(dir, 'cache', String(++caches)),
      branch: REGISTRY_BRANCH,
      token: gh.token,
      author: { name: actor, email: `${actor}@users.noreply.github.com` },
      now: clock.now
    })
    const store = new GitHubReleaseStore({ client, owner: gh.owner, repo: gh.repo, serverUrl: gh.serverUrl })
    return {
      backend,
      store: async () => store,
      now: clock.now,
      actor,
      channel: 'pull-request',
      // Short waits for the commit → pull request link (GitHub's may take seconds: see apply).
      review: createGitHubReviewChannel({
        client,
        owner: gh.owner,
        repo: gh.repo,
        linkRetryDelaysMs: LINK_RETRY_DELAYS_MS
      }),
      source: {
        repository: `${gh.owner}/${gh.repo}`,
        workflow_run: `${gh.serverUrl}/${gh.owner}/${gh.repo}/actions/runs/1`
      }
    }
  }
  return {
    gh,
    client,
    octokit: new Octokit({ auth: gh.token, baseUrl: gh.apiUrl, log: quiet }),
    clock,
    dir,
    log,
    context,
    tip: () => git(gh.repoDir, ['rev-parse', REGISTRY_BRANCH]),
    close: async () => {
      await gh.close()
      await rm(dir, { recursive: true, force: true })
    }
  }
}
