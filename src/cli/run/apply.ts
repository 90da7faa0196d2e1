import { apply } from '../../commands/apply.js'
import { renderApply } from '../render/review.js'
import type { CliRuntime } from '../runtime.js'

export async function run(cli: CliRuntime, before: string, after: string): Promise<void> {
  cli.emit(await apply(await cli.context(), { before, after }), renderApply)
}
