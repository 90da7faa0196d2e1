/** list: the seed's list_models(), filtered and sorted like load_latest_model() selects. */
import { selectVersions, type Criteria, type SortKey } from '../domain/selection.js'
import type { ModelVersion } from '../domain/types.js'
import type { CommandContext } from './context.js'
import { allVersions, checkSelection } from './resolve.js'

export interface ListInput {
  criteria: Criteria
  sort?: SortKey
  limit?: number
}

export async function listVersions(ctx: CommandContext, input: ListInput): Promise<ModelVersion[]> {
  const snapshot = await ctx.backend.snapshot()
  const versions = await allVersions(snapshot, input.criteria.name)
  checkSelection(snapshot.policy, versions, input.criteria, input.sort)
  return selectVersions(versions, input.criteria, input.sort, input.limit, snapshot.policy)
}
