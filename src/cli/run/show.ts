import { showVersion } from '../../commands/show.js'
import { renderVersion } from '../render/versions.js'
import type { CliRuntime } from '../runtime.js'

export async function run(cli: CliRuntime, reference: string): Promise<void> {
  const ctx = await cli.context()
  cli.emit(await showVersion(ctx, reference), v => renderVersion(v, ctx.now()))
}
