import { cleanup, type CleanupInput } from '../../commands/cleanup.js'
import { nonNegativeNumber, positiveInteger } from '../options.js'
import { renderCleanup } from '../render/maintenance.js'
import type { CliRuntime } from '../runtime.js'

export async function run(
  cli: CliRuntime,
  o: { keepLast?: string; minAgeDays?: string; dryRun?: boolean }
): Promise<void> {
  const input: CleanupInput = {
    keepLast: o.keepLast === undefined ? undefined : positiveInteger(o.keepLast, '--keep-last'),
    minAgeDays: o.minAgeDays === undefined ? undefined : nonNegativeNumber(o.minAgeDays, '--min-age-days'),
    dryRun: o.dryRun
  }
  const outcome = o.dryRun
    ? await cleanup(await cli.context(), input)
    : await cli.firstWrite(ctx => cleanup(ctx, input))
  cli.emit(outcome, renderCleanup)
}
