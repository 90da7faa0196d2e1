/**
 * Building the commands' context from the global options and the environment: the embedded
 * registry (a local Git repository and content-addressed store) by default, or a GitHub
 * repository with --github. Everything that touches the disk before a command runs is here.
 */
import { userInfo } from 'node:os'
import type { CommandContext } from '../commands/context.js'
import { invalidInput } from '../domain/errors.js'
import { proxyFromEnv } from '../domain/proxy.js'
import { openContext, type GitHubOptions, type OpenedRegistry } from '../wiring/open-registry.js'
import { mregCacheHome } from './cache-home.js'
import type { CliIO } from './io.js'
import { terminalProgress } from './progress.js'
import { stderrLine } from './terminal.js'

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
  return (await openFromCli(options, io, create, undefined, withProvenance)).context
}

/** The CLI's options and environment → the factory's options (src/wiring/open-registry.ts). */
export async function openFromCli(
  options: GlobalOptions,
  io: CliIO,
  create = false,
  pollIntervalMs?: number,
  withProvenance = false
): Promise<OpenedRegistry> {
  const notice = (message: string) => io.stderr(stderrLine(message))
  const progress = (label: string) => (io.interactive ? terminalProgress(label, io.stderr) : undefined)
  const github = options.github ?? io.env.MREG_GITHUB
  const common = { branch: options.branch, notice, progress, pollIntervalMs }
  if (github !== undefined) {
    const actor = io.env.MREG_ACTOR || io.env.GIT_AUTHOR_NAME || safeUserName()
    return openContext({
      ...common,
      actor,
      github: await gitHubTarget(github, options, io),
      log: { info: () => {}, warn: notice }
    })
  }
  return openContext({
    ...common,
    registry: options.registry ?? io.env.MREG_REGISTRY,
    store: options.store ?? io.env.MREG_STORE,
    create,
    actor: io.env.MREG_ACTOR || undefined,
    gitEnv: io.env,
    withProvenance
  })
}

async function gitHubTarget(github: string, options: GlobalOptions, io: CliIO): Promise<GitHubOptions> {
  // GitHub's client is loaded in GitHub mode only (src/cli/runtime.ts: what start-up loads).
  const { parseRepository } = await import('../wiring/github.js')
  const repository = parseRepository(github)
  if (!repository) throw invalidInput(`--github "${github}" is not owner/repo, e.g. --github acme/meters`)
  const token = io.env.GITHUB_TOKEN || io.env.GH_TOKEN
  if (!token) throw invalidInput('--github needs a token in GITHUB_TOKEN (contents: write to register)')
  const cacheDir = mregCacheHome(io.env)
  if (!cacheDir)
    throw invalidInput(
      '--github keeps a cache in $XDG_CACHE_HOME/mreg or ~/.cache/mreg: set XDG_CACHE_HOME to an absolute directory'
    )
  return {
    ...repository,
    token,
    apiUrl: options.apiUrl ?? io.env.GITHUB_API_URL ?? 'https://api.github.com',
    serverUrl: options.serverUrl ?? io.env.GITHUB_SERVER_URL ?? 'https://github.com',
    cacheDir,
    tuning: io.githubTuning,
    proxy: proxyFromEnv(io.env)
  }
}

function safeUserName(): string {
  try {
    return userInfo().username || 'unknown'
  } catch {
    return 'unknown'
  }
}
