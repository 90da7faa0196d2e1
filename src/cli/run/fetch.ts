import { fetchIfChanged, fetchModel, type FetchOutcome } from '../../commands/fetch.js'
import { invalidInput } from '../../domain/errors.js'
import { formatReference } from '../../domain/references.js'
import { EXIT_UNCHANGED } from '../exit-codes.js'
import { watchFetch } from '../fetch-watch.js'
import { hasCriteria, nonNegativeNumber, type CriteriaOptions } from '../options.js'
import { renderFetched } from '../render/versions.js'
import type { CliRuntime } from '../runtime.js'
import { either } from '../vocabulary.js'
import { criteriaOf } from './criteria.js'

interface FetchOptions extends CriteriaOptions {
  out?: string
  mkdir?: boolean
  ifChanged?: boolean
  watch?: boolean
  interval?: string
  exec?: string
}

export async function run(cli: CliRuntime, reference: string | undefined, o: FetchOptions): Promise<void> {
  if (reference !== undefined && hasCriteria(o))
    throw invalidInput('give either REF or criteria (--name/--type/--stage/--tag/--min), not both')
  const out = either(o, 'out', 'path')
  if (out === undefined)
    throw invalidInput("required option '--out <path>' not specified (or --path)", { field: 'out' })
  if (!o.watch && (o.interval !== undefined || o.exec !== undefined))
    throw invalidInput('--interval and --exec go with --watch')
  const input = {
    reference,
    criteria: reference === undefined ? await criteriaOf(o) : undefined,
    out,
    mkdir: o.mkdir
  }
  const json = (outcome: FetchOutcome) => ({ ...outcome.version, path: outcome.path })
  if (o.watch) {
    const interval = o.interval === undefined ? undefined : nonNegativeNumber(o.interval, '--interval') * 1000
    const stop = new Promise<void>(resolve => {
      process.once('SIGINT', () => resolve())
      process.once('SIGTERM', () => resolve())
    })
    await watchFetch(await cli.open(false, interval), input, cli.io, {
      exec: o.exec,
      stop,
      emit: outcome => cli.emit(outcome, renderFetched, json(outcome))
    })
    return
  }
  if (o.ifChanged) {
    const outcome = await fetchIfChanged(await cli.context(), input)
    cli.emit(
      outcome,
      o =>
        o.changed ? renderFetched(o) : `unchanged: ${o.path} already holds ${formatReference(o.version)}`,
      { ...json(outcome), changed: outcome.changed }
    )
    if (!outcome.changed) cli.setExit(EXIT_UNCHANGED)
    return
  }
  const outcome = await fetchModel(await cli.context(), input)
  cli.emit(outcome, renderFetched, json(outcome))
}
