/** A CommandContext over a real repository and store, composed by the factory, with a clock the test controls. */
import { join } from 'node:path'
import type { CommandContext } from '../../src/commands/context.js'
import { localContext as composeLocal } from '../../src/wiring/open-registry.js'

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
  return composeLocal({
    dir: repo,
    gitdir: join(repo, '.git'),
    now: clock.now,
    actor,
    author: { name: actor, email: `${actor}@example.com` },
    state: null
  })
}
