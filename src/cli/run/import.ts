import { setFlagsFromString } from 'node:v8'
import { importLegacy } from '../../commands/import.js'
import { positiveInteger } from '../options.js'
import { renderImport } from '../render/import.js'
import type { CliRuntime } from '../runtime.js'

/**
 * An import holds every stored version of its run (bytes are stored and verified before the first
 * commit: src/commands/import.ts), about 130 MB at 100,000 versions, and V8 by default lets the
 * heap grow to about four times what survived its last full collection before it collects again:
 * peaks of 385–620 MiB for one build. Growing the heap by half instead keeps a large import within
 * what a CI runner can spare, for some more collection time (docs/ARCHITECTURE.md, "Flows":
 * migrate and import). V8 reads this setting at each collection, so it applies from here on.
 */
const IMPORT_HEAP_GROWING_PERCENT = 50

export async function run(
  cli: CliRuntime,
  dir: string,
  o: { dryRun?: boolean; batch: string }
): Promise<void> {
  const batchSize = positiveInteger(o.batch, '--batch')
  setFlagsFromString(`--heap-growing-percent=${IMPORT_HEAP_GROWING_PERCENT}`)
  cli.emit(await cli.firstWrite(ctx => importLegacy(ctx, { dir, dryRun: o.dryRun, batchSize })), renderImport)
}
