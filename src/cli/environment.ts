/**
 * Building the commands' context for the embedded (local Git) registry from the global options
 * and the environment. Everything that touches the disk before a command runs is here.
 */
import { userInfo } from 'node:os'
import { resolve as resolvePath } from 'node:path'
import type { CommandContext } from '../commands/context.js'
import { findRepository, openOrCreateRepository } from '../registry/repository.js'
import { LocalRegistryBackend } from '../registry/local-backend.js'
import { defaultLocalStoreRoot, LocalArtifactStore } from '../stores/local/local-store.js'

export interface GlobalOptions {
  registry?: string
  store?: string
  json?: boolean
}

export interface Environment {
  context: CommandContext
  gitdir: string
}

export async function localEnvironment(
  options: GlobalOptions,
  env: NodeJS.ProcessEnv,
  { create = false, notice }: { create?: boolean; notice?: (message: string) => void } = {}
): Promise<Environment> {
  const dir = resolvePath(options.registry ?? env.MREG_REGISTRY ?? process.cwd())
  const location = create ? await openOrCreateRepository(dir) : await findRepository(dir)
  const backend = new LocalRegistryBackend({ dir: location.dir, gitdir: location.gitdir })
  const storeRoot = resolvePath(options.store ?? env.MREG_STORE ?? defaultLocalStoreRoot(location.gitdir))
  let store: LocalArtifactStore | undefined
  const context: CommandContext = {
    backend,
    store: async () => (store ??= new LocalArtifactStore({ root: storeRoot })),
    now: () => new Date(),
    actor: env.MREG_ACTOR || env.GIT_AUTHOR_NAME || safeUserName(),
    channel: 'local',
    notice
  }
  return { context, gitdir: location.gitdir }
}

function safeUserName(): string {
  try {
    return userInfo().username || 'unknown'
  } catch {
    return 'unknown'
  }
}
