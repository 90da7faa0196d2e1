/** models: one line per model — its types, how many versions, who holds each stage, newest and highest. */
import { isArchived, newestFirst } from '../domain/ordering.js'
import { compareSemver } from '../domain/versions.js'
import type { CommandContext } from './context.js'

export interface ModelSummary {
  name: string
  /** Every model_type registered under this name (usually one). */
  types: string[]
  /** Versions, archived tombstones included. */
  count: number
  archived: number
  /** Stage → versions holding it, newest registration first (as the index keeps them). */
  stages: Record<string, string[]>
  /** The newest registration (not archived); null when every version is archived. */
  newest: string | null
  /** The highest semver (not archived). */
  highest: string | null
}

export async function listModels(ctx: CommandContext): Promise<ModelSummary[]> {
  const snapshot = await ctx.backend.snapshot()
  const summaries: ModelSummary[] = []
  for (const name of await snapshot.modelNames()) {
    const index = await snapshot.readIndex(name)
    if (!index) continue
    const live = index.versions.filter(v => !isArchived(v))
    summaries.push({
      name,
      types: [...new Set(index.versions.map(v => v.model_type))].sort(),
      count: index.versions.length,
      archived: index.versions.length - live.length,
      stages: index.stages,
      newest: [...live].sort(newestFirst)[0]?.version ?? null,
      highest: live.map(v => v.version).sort((a, b) => compareSemver(b, a))[0] ?? null
    })
  }
  return summaries
}
