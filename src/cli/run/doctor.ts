import { doctor } from '../../commands/doctor.js'
import { renderDoctor } from '../render/maintenance.js'
import type { CliRuntime } from '../runtime.js'

export async function run(cli: CliRuntime): Promise<void> {
  const outcome = await doctor(await cli.context())
  cli.emit(outcome, renderDoctor)
  if (!outcome.healthy) cli.setExit(3)
}
