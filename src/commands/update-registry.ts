/**
 * Every change a command commits goes through here: each document it writes is checked against
 * its schema first, so a bug that builds an invalid document fails before it reaches the branch.
 */
import { validateRegistryFile } from '../domain/validate.js'
import type { ChangeBuilder, CommitOutcome } from '../registry/backend.js'
import type { CommandContext } from './context.js'

export function updateRegistry<T>(ctx: CommandContext, build: ChangeBuilder<T>): Promise<CommitOutcome<T>> {
  return ctx.backend.update(async snapshot => {
    const built = await build(snapshot)
    for (const file of built.change?.files ?? []) {
      if (file.content !== null) validateRegistryFile(file.path, file.content)
    }
    return built
  })
}
