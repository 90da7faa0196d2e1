/**
 * The one composition factory: every front (the CLI, the Action, `mreg serve`, the library),
 * every test and every benchmark builds its CommandContext here. Two modes: the embedded
 * registry (a local Git repository and content-addressed store) and a GitHub repository
 * (src/wiring/github.ts). Tests inject the clock, the GitHub timings and stores through the
 * options instead of environment variables.
 */
import { join, resolve as resolvePath } from 'node:path'
import type { CommandContext } from '../commands/context.js'
import type { Source } from '../domain/types.js'
import type { GitHubLogger } from '../github/client.js'
import type { ProxySettings } from '../domain/proxy.js'
// Each from its own module, not the src/registry barrel: that would also load the remote backend
// and its HTTP proxy agents for every local command.
import {
  FALLBACK_IDENTITY,
  resolveIdentity,
  type CommitIdentity,
  type Identity
} from '../registry/commit-writer.js'
import { LocalRegistryBackend } from '../registry/local-backend.js'
import { localProvenance } from '../registry/provenance.js'
import { findRepository, openOrCreateRepository } from '../registry/repository.js'
import type { ArtifactStore, LocalState } from '../stores/artifact-store.js'
import { defaultLocalStoreRoot, LocalArtifactStore } from '../stores/local/local-store.js'
import { LocalStateFiles } from '../stores/local/local-state.js'
import type { GitHubTarget, GitHubTuning } from './github.js'
import { localTipSignal, probingTipSignal, type TipSignal } from './tip-signal.js'

type Progress = CommandContext['progress']

export interface LocalTarget {
  /** The working tree (or the bare repository). */
  dir: string
  gitdir: string
  /** Default `model-registry`. */
  branch?: string
  /** Default `<gitdir>/mreg/objects`. */
  storeRoot?: string
  actor: string
  /** Commit identity for both roles; default: `identity`, else git's own resolution. */
  author?: Identity
  /** Asked at the first commit when `author` is not given. */
  identity?: () => Promise<CommitIdentity>
  now?: () => Date
  notice?: (message: string) => void
  progress?: Progress
  /** Default: files under `<gitdir>/mreg/state`; `null` for none. */
  state?: LocalState | null
  /** Injected store (tests); default: the local content-addressed store at storeRoot. */
  store?: ArtifactStore
}

/** The embedded registry's context, for a repository already located. */
export function localContext(target: LocalTarget): CommandContext {
  const now = target.now ?? (() => new Date())
  const backend = new LocalRegistryBackend({
    dir: target.dir,
    gitdir: target.gitdir,
    branch: target.branch,
    author: target.author,
    identity: target.identity,
    now: target.now
  })
  const storeRoot = target.storeRoot ?? defaultLocalStoreRoot(target.gitdir)
  let store = target.store
  const state =
    target.state === undefined ? new LocalStateFiles(join(target.gitdir, 'mreg', 'state')) : target.state
  const ctx: CommandContext = {
    backend,
    store: async () =>
      (store ??= new LocalArtifactStore({ root: storeRoot, onProgress: target.progress?.('storing') })),
    now,
    actor: target.actor,
    channel: 'local'
  }
  if (target.notice) ctx.notice = target.notice
  if (target.progress) ctx.progress = target.progress
  if (state) ctx.state = state
  return ctx
}

export interface GitHubOptions {
  /** `owner/repo` */
  owner: string
  repo: string
  /** Never logged; contents: write to register. */
  token: string
  /** Default https://api.github.com */
  apiUrl?: string
  /** Default https://github.com */
  serverUrl?: string
  /** Where the registry branch is cached between commands. */
  cacheDir: string
  /** Client timings; unset fields keep the production defaults. */
  tuning?: GitHubTuning
  /** HTTPS_PROXY / HTTP_PROXY / NO_PROXY settings (proxyFromEnv). */
  proxy?: ProxySettings
}

export interface OpenOptions {
  /** Local mode: a directory inside the Git repository (default: the current directory). */
  registry?: string
  /** Local mode: the artifact store directory (default `<gitdir>/mreg/objects`). */
  store?: string
  /** Local mode: create the repository when absent (`mreg init`). */
  create?: boolean
  /** GitHub mode instead of local. */
  github?: GitHubOptions
  /** Default `model-registry`. */
  branch?: string
  /** Who acts (stage_history `by`); default: the repository's git identity, or `unknown`. */
  actor?: string
  /** Commit identity (local mode). */
  author?: Identity
  /** Provenance recorded at registration. */
  source?: Source
  /** Local mode: record where the command runs (HEAD, remote, working tree) as the source. */
  withProvenance?: boolean
  /** Where git's identity is read from (GIT_AUTHOR_NAME…); default process.env. */
  gitEnv?: Record<string, string | undefined>
  now?: () => Date
  notice?: (message: string) => void
  log?: GitHubLogger
  progress?: Progress
  /** Local mode: null keeps nothing on this machine between commands. */
  state?: LocalState | null
  /** Injected artifact store (tests, embedding). */
  artifactStore?: ArtifactStore
  /**
   * How often to look for a new registry tip when nothing announces one (ms). Local default 1000
   * (a backup of watching the ref files); GitHub default 15000, each look one conditional request
   * for the branch's ref (a 304 when unchanged) and a git fetch only when the tip moved.
   */
  pollIntervalMs?: number
}

/** A composed registry: the commands' context and how to learn that its tip moved. */
export interface OpenedRegistry {
  context: CommandContext
  /** Local mode: the repository's gitdir (for watching refs); null in GitHub mode. */
  gitdir: string | null
  tipSignal: () => TipSignal
}

export async function openContext(options: OpenOptions = {}): Promise<OpenedRegistry> {
  const branch = options.branch ?? 'model-registry'
  if (options.github) {
    const gh = options.github
    const actor = options.actor ?? 'unknown'
    // Loaded in GitHub mode only: a local command never pays for GitHub's client (Octokit, undici).
    const { githubContext, githubTipProbe } = await import('./github.js')
    const target: GitHubTarget = {
      owner: gh.owner,
      repo: gh.repo,
      token: gh.token,
      apiUrl: gh.apiUrl ?? 'https://api.github.com',
      serverUrl: gh.serverUrl ?? 'https://github.com',
      branch,
      cacheDir: gh.cacheDir,
      actor,
      source: options.source,
      log: options.log,
      notice: options.notice,
      now: options.now,
      tuning: gh.tuning,
      proxy: gh.proxy,
      store: options.artifactStore
    }
    const context = githubContext(target)
    if (options.progress) context.progress = options.progress
    const interval = options.pollIntervalMs ?? 15_000
    return {
      context,
      gitdir: null,
      tipSignal: () => probingTipSignal(githubTipProbe(target), interval)
    }
  }
  const dir = resolvePath(options.registry ?? process.cwd())
  const location = options.create ? await openOrCreateRepository(dir) : await findRepository(dir)
  // Who acts is who commits: git's identity (environment, system/global/repository config)
  // unless told otherwise. Said once, at the first commit, when git has none.
  const identity = await resolveIdentity(location.gitdir, options.author, options.gitEnv ?? process.env)
  const actor = options.actor ?? identity.author.name
  const context = localContext({
    dir: location.dir,
    gitdir: location.gitdir,
    branch,
    storeRoot: options.store === undefined ? undefined : resolvePath(options.store),
    actor,
    identity: async () => {
      if (identity.fallback.length > 0) options.notice?.(fallbackNotice(identity))
      return identity
    },
    now: options.now,
    notice: options.notice,
    progress: options.progress,
    state: options.state,
    store: options.artifactStore
  })
  if (options.source) context.source = options.source
  else if (options.withProvenance) {
    // Read while the command runs (it walks the working tree): only a registration awaits it.
    const provenance = localProvenance(location).then(found => ({ ...found, actor }))
    provenance.catch(() => undefined) // its failure is the awaiting command's to report
    context.source = provenance
  }
  const interval = options.pollIntervalMs ?? 1000
  return {
    context,
    gitdir: location.gitdir,
    tipSignal: () => localTipSignal(location.gitdir, branch, interval)
  }
}

function fallbackNotice(identity: CommitIdentity): string {
  const { name, email } = FALLBACK_IDENTITY
  return `no git identity set (${identity.fallback.join(', ')}): commits use "${name} <${email}>" for it; set user.name and user.email (git config --global), or GIT_AUTHOR_NAME/GIT_AUTHOR_EMAIL`
}
