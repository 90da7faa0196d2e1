/**
 * The composition of the GitHub mode, shared by the Action and `mreg --github`: the registry
 * branch on the GitHub repository (read and written through the Git Database API, history
 * through a git fetch: src/github/git-database-backend.ts) and artifacts as release assets.
 */
import { join } from 'node:path'
import type { CommandContext } from '../commands/context.js'
import type { ProxySettings } from '../domain/proxy.js'
import type { Source } from '../domain/types.js'
import { createGitHubClient, type GitHubLogger } from '../github/client.js'
import { GitDatabaseBackend } from '../github/git-database-backend.js'
import { createGitHubReviewChannel } from '../github/review-channel.js'
import { RemoteRegistryBackend } from '../registry/remote-backend.js'
import type { ArtifactStore } from '../stores/artifact-store.js'
import { GitHubReleaseStore } from '../stores/github-release/github-release-store.js'

export interface GitHubTarget {
  owner: string
  repo: string
  token: string
  /** e.g. https://api.github.com, or http://127.0.0.1:PORT for the emulator */
  apiUrl: string
  /** e.g. https://github.com: the git remote is `${serverUrl}/${owner}/${repo}.git` */
  serverUrl: string
  branch: string
  /** Where the registry branch is cached between commands of one job. */
  cacheDir: string
  actor: string
  source?: Source
  log?: GitHubLogger
  notice?: (message: string) => void
  now?: () => Date
  /** Client timings; unset fields keep the production defaults. */
  tuning?: GitHubTuning
  /** HTTPS_PROXY / HTTP_PROXY / NO_PROXY (proxyFromEnv): the API and git both honour them. */
  proxy?: ProxySettings
  /** An injected artifact store (tests); default: release assets of the repository. */
  store?: ArtifactStore
}

/** Timings of the GitHub client that tests shorten (see githubTuningFromEnv). */
export interface GitHubTuning {
  writeSpacingMs?: number
  retryBaseMs?: number
  retries?: number
}

/**
 * Undocumented test knobs: MREG_GITHUB_WRITE_SPACING_MS (the throttling plugin spaces writes by
 * 1 s otherwise) and MREG_GITHUB_RETRY_BASE_MS (first retry backoff, 1 s otherwise). Anything
 * that is not a whole number of milliseconds is ignored: production behaviour.
 */
export function githubTuningFromEnv(env: NodeJS.ProcessEnv): GitHubTuning {
  const ms = (value: string | undefined): number | undefined =>
    value !== undefined && /^\d{1,6}$/.test(value.trim()) ? Number(value.trim()) : undefined
  const tuning: GitHubTuning = {}
  const writeSpacingMs = ms(env.MREG_GITHUB_WRITE_SPACING_MS)
  const retryBaseMs = ms(env.MREG_GITHUB_RETRY_BASE_MS)
  if (writeSpacingMs !== undefined) tuning.writeSpacingMs = writeSpacingMs
  if (retryBaseMs !== undefined) tuning.retryBaseMs = retryBaseMs
  return tuning
}

export function githubContext(target: GitHubTarget): CommandContext {
  const client = createGitHubClient({
    token: target.token,
    apiUrl: target.apiUrl,
    log: target.log,
    proxy: target.proxy,
    ...target.tuning
  })
  const author = { name: target.actor, email: `${target.actor}@users.noreply.github.com` }
  const webUrl = `${target.serverUrl.replace(/\/+$/, '')}/${target.owner}/${target.repo}`
  const history = new RemoteRegistryBackend({
    url: `${webUrl}.git`,
    cacheDir: join(target.cacheDir, `${target.owner}__${target.repo}__${target.branch.replace(/\//g, '_')}`),
    branch: target.branch,
    token: target.token,
    proxy: target.proxy,
    author,
    now: target.now
  })
  const backend = new GitDatabaseBackend({
    client,
    owner: target.owner,
    repo: target.repo,
    branch: target.branch,
    author,
    now: target.now,
    history,
    displayUrl: webUrl
  })
  let store: ArtifactStore | undefined = target.store
  return {
    backend,
    review: createGitHubReviewChannel({ client, owner: target.owner, repo: target.repo }),
    store: async () => {
      if (!store) {
        // Part size is policy: read it when the store is first needed, not on every command.
        const maxPartBytes = (await backend.snapshot()).policy.artifacts.max_part_bytes
        store = new GitHubReleaseStore({
          client,
          owner: target.owner,
          repo: target.repo,
          serverUrl: target.serverUrl,
          maxPartBytes
        })
      }
      return store
    },
    now: target.now ?? (() => new Date()),
    actor: target.actor,
    channel: 'pull-request',
    source: target.source,
    notice: target.notice
  }
}

/** `owner/repo`, as GITHUB_REPOSITORY and --github give it. */
export function parseRepository(text: string): { owner: string; repo: string } | null {
  const match = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/.exec(text.trim())
  if (!match || match[2] === '.' || match[2] === '..') return null
  return { owner: match[1] as string, repo: match[2] as string }
}
