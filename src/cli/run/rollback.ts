import { rollback } from '../../commands/rollback.js'
import { renderPromotion } from '../render/promotion.js'
import type { CliRuntime } from '../runtime.js'

export async function run(cli: CliRuntime, name: string, o: { stage: string }): Promise<void> {
  cli.emitPromotion(await rollback(await cli.context(), { name, stage: o.stage }), renderPromotion)
}
