/**
 * The Python registry's auto cleanup: when registry.json enables it, a registration also runs the
 * retention cleanup if the last one on this machine is older than cleanup_interval_hours.
 */
import { cleanup, LAST_CLEANUP_KEY, type CleanupOutcome } from './cleanup.js'
import type { CommandContext } from './context.js'

const DEFAULT_INTERVAL_HOURS = 24

export async function maybeAutoCleanup(ctx: CommandContext): Promise<CleanupOutcome | null> {
  if (!ctx.state) return null
  const { retention } = (await ctx.backend.snapshot()).policy
  if (!retention.auto_cleanup) return null
  const last = Date.parse((await ctx.state.read(LAST_CLEANUP_KEY)) ?? '')
  const intervalMs = (retention.cleanup_interval_hours ?? DEFAULT_INTERVAL_HOURS) * 3_600_000
  if (Number.isFinite(last) && ctx.now().getTime() - last < intervalMs) return null
  return cleanup(ctx, {})
}
