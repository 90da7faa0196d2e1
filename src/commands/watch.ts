/**
 * watch: the registry's changes as they land, for as long as the caller keeps reading. A tip
 * signal (src/wiring/tip-signal.ts) says when to look again; the tips are compared and what
 * lies between them is told as events (changes.ts).
 */
import type { CommandContext } from './context.js'
import { changesBetween, type RegistryChange } from './changes.js'

export interface TipHint {
  next(): Promise<void>
}

export interface WatchOptions {
  /** Start after this commit (resume); default: the current tip, so only new changes are told. */
  since?: string
  signal?: AbortSignal
  /** Called when a look at the tip failed (network trouble); watching goes on. */
  onError?: (error: unknown) => void
  /** Called with each new tip once its changes are known (before they are yielded). */
  onTip?: (commit: string) => void
}

export async function currentTip(ctx: CommandContext): Promise<string | null> {
  return (await ctx.backend.snapshot()).commit
}

export async function* watchChanges(
  ctx: CommandContext,
  hints: TipHint,
  options: WatchOptions = {}
): AsyncGenerator<RegistryChange> {
  // A registry not initialised yet (or unreachable) has no tip to compare with: its first tip is
  // taken as the starting point once it appears.
  let tip = options.since ?? (await currentTip(ctx).catch(() => null))
  // Resuming: what landed after `since` is told at once, without waiting for a hint.
  let lookNow = options.since !== undefined
  while (!options.signal?.aborted) {
    if (!lookNow) await hints.next()
    lookNow = false
    if (options.signal?.aborted) return
    let changes: RegistryChange[] = []
    let next: string | null
    try {
      next = await currentTip(ctx)
      if (next === tip || next === null) continue
      if (tip !== null) changes = await changesBetween(ctx.backend, tip, next)
    } catch (error) {
      options.onError?.(error)
      continue
    }
    tip = next
    options.onTip?.(next)
    for (const change of changes) yield change
  }
}
