/**
 * Building the commands' context from the global options and the environment: the embedded
 * registry (a local Git repository and content-addressed store) by default, or a GitHub
 * repository with --github. Everything that touches the disk before a command runs is here.
 */
import { homedir, userInfo } from 'node:os'
import { join, resolve as resolvePath } from 'node:path'
import type { CommandContext } from '../commands/context.js'
import { invalidInput } from '../domain/errors.js'
import { proxyFromEnv } from '../domain/proxy.js'
import {
  findRepository,
  LocalRegistryBackend,
  localProvenance,
  openOrCreateRepository,
  resolveIdentity,
  FALLBACK_IDENTITY,
  type CommitIdentity
} from '../registry/index.js'
import { defaultLocalStoreRoot, LocalArtifactStore } from '../stores/local/local-store.js'
import { LocalStateFiles } from '../stores/local/local-state.js'
import { githubContext, githubTuningFromEnv, parseRepository } from '../wiring/github.js'
import type { CliIO } from './io.js'
import { terminalProgress } from './progress.js'

export interface GlobalOptions {
  registry?: string
  store?: string
  branch?: string
  github?: string
  apiUrl?: string
  serverUrl?: string
  json?: boolean
}

export async function commandContext(
  options: GlobalOptions,
  io: CliIO,
  create = false,
  /** Record where the command runs (register): only it pays for reading HEAD and the working tree. */
  withProvenance = false
): Promise<CommandContext> {
  const notice = (message: string) => io.stderr(`mreg: ${message}\n`)
  const progress = (label: string) => (io.interactive ? terminalProgress(label, io.stderr) : undefined)
  const github = options.github ?? io.env.MREG_GITHUB
  if (github !== undefined) {
    const actor = io.env.MREG_ACTOR || io.env.GIT_AUTHOR_NAME || safeUserName()
    return { ...gitHubMode(github, options, io, actor), progress }
  }

  const dir = resolvePath(options.registry ?? io.env.MREG_REGISTRY ?? process.cwd())
  const location = create ? await openOrCreateRepository(dir) : await findRepository(dir)
  // Who acts is who commits: git's identity (environment, system/global/repository config)
  // unless MREG_ACTOR says otherwise. Said once, at the first commit, when git has none.
  const identity = await resolveIdentity(location.gitdir, undefined, io.env)
  const actor = io.env.MREG_ACTOR || identity.author.name
  const backend = new LocalRegistryBackend({
    dir: location.dir,
    gitdir: location.gitdir,
    branch: options.branch,
    identity: async () => {
      if (identity.fallback.length > 0) notice(fallbackNotice(identity))
      return identity
    }
  })
  const storeRoot = resolvePath(options.store ?? io.env.MREG_STORE ?? defaultLocalStoreRoot(location.gitdir))
  let store: LocalArtifactStore | undefined
  return {
    backend,
    store: async () =>
      (store ??= new LocalArtifactStore({ root: storeRoot, onProgress: progress('storing') })),
    now: () => new Date(),
    actor,
    channel: 'local',
    notice,
    progress,
    source: withProvenance ? { ...(await localProvenance(location)), actor } : undefined,
    state: new LocalStateFiles(join(location.gitdir, 'mreg', 'state'))
  }
}

function gitHubMode(github: string, options: GlobalOptions, io: CliIO, actor: string): CommandContext {
  const repository = parseRepository(github)
  if (!repository) throw invalidInput(`--github "${github}" is not owner/repo, e.g. --github acme/meters`)
  const token = io.env.GITHUB_TOKEN || io.env.GH_TOKEN
  if (!token) throw invalidInput('--github needs a token in GITHUB_TOKEN (contents: write to register)')
  const cacheHome = io.env.XDG_CACHE_HOME || join(homedir(), '.cache')
  return githubContext({
    ...repository,
    token,
    apiUrl: options.apiUrl ?? io.env.GITHUB_API_URL ?? 'https://api.github.com',
    serverUrl: options.serverUrl ?? io.env.GITHUB_SERVER_URL ?? 'https://github.com',
    branch: options.branch ?? 'model-registry',
    cacheDir: join(cacheHome, 'mreg'),
    tuning: githubTuningFromEnv(io.env),
    proxy: proxyFromEnv(io.env),
    actor,
    log: { info: () => {}, warn: message => io.stderr(`mreg: ${message}\n`) },
    notice: message => io.stderr(`mreg: ${message}\n`)
  })
}

function fallbackNotice(identity: CommitIdentity): string {
  const { name, email } = FALLBACK_IDENTITY
  return `no git identity set (${identity.fallback.join(', ')}): commits use "${name} <${email}>" for it; set user.name and user.email (git config --global), or GIT_AUTHOR_NAME/GIT_AUTHOR_EMAIL`
}

function safeUserName(): string {
  try {
    return userInfo().username || 'unknown'
  } catch {
    return 'unknown'
  }
}
