/**
 * Registries built in-process through the commands, on a real repository and local store, with
 * an injected clock: registrations are as fast as the code allows, and model_ids (which carry
 * the registration second) stay distinct.
 */
import { join } from 'node:path'
import type { CommandContext } from '../../src/commands/context.js'
import { init } from '../../src/commands/init.js'
import { LocalRegistryBackend } from '../../src/registry/local-backend.js'
import { LocalArtifactStore } from '../../src/stores/local/local-store.js'

export interface Clock {
  now: () => Date
  advance: (ms: number) => void
}

export function benchClock(start = '2026-01-01T00:00:00Z'): Clock {
  let current = new Date(start).getTime()
  return { now: () => new Date(current), advance: ms => void (current += ms) }
}

/** What the CLI builds for the embedded registry, minus the environment: a fresh backend and store. */
export function benchContext(repo: string, clock: Clock, actor = 'bench'): CommandContext {
  const gitdir = join(repo, '.git')
  const backend = new LocalRegistryBackend({
    dir: repo,
    gitdir,
    now: clock.now,
    author: { name: actor, email: `${actor}@example.com` }
  })
  const store = new LocalArtifactStore({ root: join(gitdir, 'mreg', 'objects') })
  return { backend, store: async () => store, now: clock.now, actor, channel: 'local' }
}

export async function initRegistry(ctx: CommandContext): Promise<void> {
  await init(ctx)
}
