/**
 * Every change a command commits goes through here: each document it writes is checked against
 * its schema first, so a bug that builds an invalid document fails before it reaches the branch.
 */
import { validateRegistryFile } from '../domain/validate.js'
import { changeFiles, DeferredDocument, type ChangeBuilder, type CommitOutcome } from '../registry/backend.js'
import type { CommandContext } from './context.js'

export function updateRegistry<T>(ctx: CommandContext, build: ChangeBuilder<T>): Promise<CommitOutcome<T>> {
  return ctx.backend.update(async snapshot => {
    const built = await build(snapshot)
    for (const file of built.change ? changeFiles(built.change) : []) {
      // a deferred document is checked when it is produced (deferredDocument)
      if (file.content !== null && !(file.content instanceof DeferredDocument)) {
        validateRegistryFile(file.path, file.content)
      }
    }
    return built
  })
}

/**
 * A document made when the writer reaches its file, checked against its schema then: a change
 * with very many documents (migrate) holds none of them at once.
 */
export function deferredDocument(path: string, produce: () => Promise<unknown>): DeferredDocument {
  return new DeferredDocument(async () => {
    const content = await produce()
    validateRegistryFile(path, content)
    return content
  })
}
