/** A CommandContext over a real repository and store, with a clock the test controls. */
import type { CommandContext } from '../../src/commands/context.js'
import { LocalRegistryBackend } from '../../src/registry/local-backend.js'
import { LocalArtifactStore } from '../../src/stores/local/local-store.js'
import { join } from 'node:path'

export interface TestClock {
  now: () => Date
  set: (iso: string) => void
  advance: (ms: number) => void
}

export function testClock(start = '2026-11-27T12:00:00Z'): TestClock {
  let current = new Date(start).getTime()
  return {
    now: () => new Date(current),
    set: iso => void (current = new Date(iso).getTime()),
    advance: ms => void (current += ms)
  }
}

export function localContext(repo: string, clock: TestClock, actor = 'tester'): CommandContext {
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
