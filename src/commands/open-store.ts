/**
 * The artifact store as commands use it: the context's store behind the compression layer,
 * which is transparent for artifacts stored uncompressed.
 */
import type { ArtifactStore } from '../stores/artifact-store.js'
import { CompressingStore } from '../stores/compressing-store.js'
import type { CommandContext } from './context.js'

const opened = new WeakMap<CommandContext, Promise<ArtifactStore>>()

export function openStore(ctx: CommandContext): Promise<ArtifactStore> {
  let store = opened.get(ctx)
  if (!store) {
    store = ctx.store().then(inner => new CompressingStore(inner))
    opened.set(ctx, store)
    // A store that could not open (no registry branch yet) may open once the branch exists.
    store.catch(() => opened.delete(ctx))
  }
  return store
}
