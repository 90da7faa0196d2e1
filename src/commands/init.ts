/** init: create the registry branch with the default policy (or adopt an existing one). */
import { isRegistryError } from '../domain/errors.js'
import { defaultPolicy } from '../domain/policy.js'
import type { ArtifactStoreKind, RegistryPolicy } from '../domain/types.js'
import type { CommandContext } from './context.js'

export interface InitOutcome {
  created: boolean
  commit: string
  policy: RegistryPolicy
  registry: string
}

export async function init(ctx: CommandContext, store: ArtifactStoreKind = 'local'): Promise<InitOutcome> {
  const { created, commit } = await ctx.backend.init(defaultPolicy(store))
  const { policy } = await ctx.backend.snapshotAt(commit)
  return { created, commit, policy, registry: ctx.backend.description }
}

/**
 * A write that finds no registry branch creates it (default policy, one notice) and runs again,
 * so a new repository's first register or cleanup needs no init step. The write has checked its
 * input by the time it reads the branch, so bad input still leaves the repository untouched;
 * reads never create the branch.
 */
export async function initialisingOnFirstWrite<T>(
  ctx: CommandContext,
  store: ArtifactStoreKind,
  write: () => Promise<T>
): Promise<T> {
  try {
    return await write()
  } catch (error) {
    if (!isRegistryError(error) || error.kind !== 'not-initialised') throw error
  }
  const { created } = await ctx.backend.init(defaultPolicy(store))
  if (created)
    ctx.notice?.(
      `created the registry branch "${ctx.backend.branch}" with the default policy (registry.json): ${ctx.backend.description}`
    )
  return write()
}
