/**
 * Registries built in-process through the commands, on a real repository and local store, with
 * an injected clock: registrations are as fast as the code allows, and model_ids (which carry
 * the registration second) stay distinct.
 */
import { join } from 'node:path'
import type { CommandContext } from '../../src/commands/context.js'
import { init } from '../../src/commands/init.js'
import { localContext } from '../../src/wiring/open-registry.js'

export interface Clock {
  now: () => Date
  advance: (ms: number) => void
}

export function benchClock(start = '2026-01-01T00:00:00Z'): Clock {
  let current = new Date(start).getTime()
  return { now: () => new Date(current), advance: ms => void (current += ms) }
}

/** What the CLI builds for the embedded registry (the same factory), minus the environment. */
export function benchContext(repo: string, clock: Clock, actor = 'bench'): CommandContext {
  return localContext({
    dir: repo,
    gitdir: join(repo, '.git'),
    now: clock.now,
    actor,
    author: { name: actor, email: `${actor}@example.com` },
    state: null
  })
}

export async function initRegistry(ctx: CommandContext): Promise<void> {
  await init(ctx)
}
