import { compare } from '../../commands/compare.js'
import { renderComparison } from '../render/compare.js'
import type { CliRuntime } from '../runtime.js'

export async function run(cli: CliRuntime, references: string[]): Promise<void> {
  cli.emit(await compare(await cli.context(), references), renderComparison)
}
