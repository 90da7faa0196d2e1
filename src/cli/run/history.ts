import { history } from '../../commands/history.js'
import { parseTime } from '../../domain/time.js'
import { renderHistory } from '../render/history.js'
import type { CliRuntime } from '../runtime.js'

export async function run(cli: CliRuntime, target: string, o: { at?: string }): Promise<void> {
  const ctx = await cli.context()
  cli.emit(
    await history(ctx, { target, at: o.at === undefined ? undefined : parseTime(o.at, ctx.now()) }),
    renderHistory
  )
}
