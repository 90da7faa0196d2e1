import { deleteVersion } from '../../commands/delete.js'
import { renderDelete } from '../render/maintenance.js'
import type { CliRuntime } from '../runtime.js'

export async function run(cli: CliRuntime, reference: string, o: { force?: boolean }): Promise<void> {
  cli.emit(await deleteVersion(await cli.context(), { reference, force: o.force }), renderDelete)
}
