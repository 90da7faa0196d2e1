import { check } from '../../commands/check.js'
import { positiveInteger } from '../options.js'
import { renderCheck } from '../render/review.js'
import type { CliRuntime } from '../runtime.js'

export async function run(cli: CliRuntime, base: string, head: string, o: { pull?: string }): Promise<void> {
  const outcome = await check(await cli.context(), {
    base,
    head,
    pullNumber: o.pull === undefined ? undefined : positiveInteger(o.pull, '--pull')
  })
  cli.emit(outcome, renderCheck)
  if (!outcome.passed) cli.setExit(1)
}
