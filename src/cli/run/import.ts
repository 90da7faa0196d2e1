import { importLegacy } from '../../commands/import.js'
import { positiveInteger } from '../options.js'
import { renderImport } from '../render/import.js'
import type { CliRuntime } from '../runtime.js'

export async function run(
  cli: CliRuntime,
  dir: string,
  o: { dryRun?: boolean; batch: string }
): Promise<void> {
  const batchSize = positiveInteger(o.batch, '--batch')
  cli.emit(await cli.firstWrite(ctx => importLegacy(ctx, { dir, dryRun: o.dryRun, batchSize })), renderImport)
}
