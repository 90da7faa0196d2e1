/**
 * The Python registry's auto cleanup: when registry.json enables it, a registration also runs the
 * retention cleanup if the last one on this machine is older than cleanup_interval_hours.
 */
import { type CleanupOutcome } from './cleanup.js';
import type { CommandContext } from './context.js';
export declare function maybeAutoCleanup(ctx: CommandContext): Promise<CleanupOutcome | null>;
