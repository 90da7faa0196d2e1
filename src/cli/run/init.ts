import { init } from '../../commands/init.js'
import { renderInit } from '../render/maintenance.js'
import type { CliRuntime } from '../runtime.js'

export async function run(cli: CliRuntime): Promise<void> {
  // GitHub mode: the branch on the repository, artifacts as release assets (never a local registry).
  cli.emit(await init(await cli.context(true), cli.githubMode() ? 'github-release' : 'local'), renderInit)
}
