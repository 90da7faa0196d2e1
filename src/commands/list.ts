/** list: the seed's list_models(), filtered and sorted like load_latest_model() selects. */
import { selectVersions, type Criteria, type SortKey } from '../domain/selection.js'
import type { ModelVersion } from '../domain/types.js'
import type { CommandContext } from './context.js'
import { allVersions } from './resolve.js'

export interface ListInput {
  criteria: Criteria
  sort?: SortKey
  limit?: number
}

export async function listVersions(ctx: CommandContext, input: ListInput): Promise<ModelVersion[]> {
  const snapshot = await ctx.backend.snapshot()
  return selectVersions(
    await allVersions(snapshot, input.criteria.name),
    input.criteria,
    input.sort,
    input.limit,
    snapshot.policy
  )
}
