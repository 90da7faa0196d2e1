/**
 * `mreg list`: every form streams (src/commands/list.ts streamVersions). The table prints as
 * src/cli/render/versions.ts writeList says; --json is one JSON array written element by element
 * (byte for byte what JSON.stringify of the whole array with indent 2 gives); --csv's columns
 * are the metrics the listed models record, known before the first row. Each write waits for
 * stdout to take it, so a slow reader holds the listing back instead of filling memory.
 */
import { streamVersions } from '../../commands/list.js'
import type { ModelVersion } from '../../domain/types.js'
import { positiveInteger, sortFrom, type CriteriaOptions } from '../options.js'
import { csvHeader, csvRow } from '../render/csv.js'
import { writeList } from '../render/versions.js'
import type { CliRuntime } from '../runtime.js'
import { safeForTerminal } from '../terminal.js'
import { criteriaOf } from './criteria.js'

/** Text is gathered up to this size before it is handed to stdout (one write per row would cost more). */
const FLUSH_BYTES = 64 * 1024

export async function run(
  cli: CliRuntime,
  o: CriteriaOptions & { sort?: string; limit?: string; csv?: boolean }
): Promise<void> {
  const ctx = await cli.context()
  const { metrics, versions } = await streamVersions(ctx, {
    criteria: await criteriaOf(o),
    sort: sortFrom(o.sort),
    limit: o.limit === undefined ? undefined : positiveInteger(o.limit, '--limit')
  })
  let pending = ''
  const write = async (text: string) => {
    pending += text
    if (pending.length < FLUSH_BYTES) return
    cli.io.stdout(pending)
    pending = ''
    await cli.io.drained()
  }
  if (o.csv) await writeCsv(versions, metrics, write)
  else if (cli.json()) await writeJsonArray(versions, write)
  else await writeList(versions, ctx.now(), text => write(safeForTerminal(text)))
  if (pending) cli.io.stdout(pending)
}

async function writeCsv(
  versions: AsyncIterable<ModelVersion>,
  metrics: string[],
  write: (text: string) => Promise<void>
): Promise<void> {
  await write(csvHeader(metrics) + '\n')
  for await (const v of versions) await write(csvRow(v, metrics) + '\n')
}

async function writeJsonArray(
  versions: AsyncIterable<ModelVersion>,
  write: (text: string) => Promise<void>
): Promise<void> {
  let first = true
  for await (const v of versions) {
    await write((first ? '[\n  ' : ',\n  ') + JSON.stringify(v, null, 2).replace(/\n/g, '\n  '))
    first = false
  }
  await write(first ? '[]\n' : '\n]\n')
}
