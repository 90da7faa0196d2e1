/** models: one line per model — its types, how many versions, who holds each stage, newest and highest. */
import { isArchived, newestFirst } from '../domain/ordering.js'
import { compareSemver } from '../domain/versions.js'
import type { ModelSummary } from '../domain/shapes.js'
import type { CommandContext } from './context.js'

export type { ModelSummary }

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
