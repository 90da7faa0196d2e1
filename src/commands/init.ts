/** init: create the registry branch with the default policy (or adopt an existing one). */
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
