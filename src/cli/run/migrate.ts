import { migrate } from '../../commands/migrate.js'
import { renderMigrate } from '../render/maintenance.js'
import type { CliRuntime } from '../runtime.js'

export async function run(cli: CliRuntime, o: { dryRun?: boolean }): Promise<void> {
  cli.emit(await migrate(await cli.context(), { dryRun: o.dryRun }), renderMigrate)
}
