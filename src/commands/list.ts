/** list: the seed's list_models(), filtered and sorted like load_latest_model() selects. */
import type { Criteria, SortKey } from '../domain/selection.js'
import type { ModelVersion } from '../domain/types.js'
import type { CommandContext } from './context.js'
import { selectFromRegistry } from './resolve.js'

export interface ListInput {
  criteria: Criteria
  sort?: SortKey
  limit?: number
}

export async function listVersions(ctx: CommandContext, input: ListInput): Promise<ModelVersion[]> {
  const snapshot = await ctx.backend.snapshot()
  return selectFromRegistry(snapshot, input.criteria, input.sort, input.limit)
}
