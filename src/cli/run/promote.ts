import { promote } from '../../commands/promote.js'
import { invalidInput } from '../../domain/errors.js'
import { renderPromotion } from '../render/promotion.js'
import type { CliRuntime } from '../runtime.js'
import { either } from '../vocabulary.js'

export async function run(
  cli: CliRuntime,
  reference: string,
  o: { to?: string; stage?: string }
): Promise<void> {
  const to = either(o, 'to', 'stage')
  if (to === undefined)
    throw invalidInput("required option '--to <stage>' not specified (or --stage)", { field: 'to' })
  cli.emitPromotion(await promote(await cli.context(), { reference, to }), renderPromotion)
}
