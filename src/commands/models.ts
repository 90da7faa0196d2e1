/**
 * models: one line per model — its types, how many versions, who holds each stage, newest and
 * highest. Layout 2 answers from the derived files: catalog.json gives every model's counts,
 * types, newest and highest and each stage's count and newest holder; only a stage held by more
 * than one version needs that model's rows (newest first, stopping once every such stage has all
 * its holders). No version file is read. A layout 1 branch reads its index.json files.
 */
import type { HeadSummary } from '../domain/layout.js'
import { ARCHIVED_STAGE, isArchived, newestFirst } from '../domain/ordering.js'
import { compareSemver } from '../domain/versions.js'
import type { ModelSummary } from '../domain/shapes.js'
import type { ModelIndex } from '../domain/types.js'
import type { RegistrySnapshot } from '../registry/backend.js'
import type { CommandContext } from './context.js'
import { rowsNewestFirst } from './registry-reads.js'

export type { ModelSummary }

export async function listModels(ctx: CommandContext): Promise<ModelSummary[]> {
  const snapshot = await ctx.backend.snapshot()
  if (snapshot.layout === 1) return fromIndexes(snapshot)
  const catalog = await snapshot.readCatalog()
  const summaries: ModelSummary[] = []
  for (const name of Object.keys(catalog.models).sort()) {
    const head = catalog.models[name] as HeadSummary
    summaries.push({
      name,
      types: Object.keys(head.types).sort(),
      count: head.count,
      // A tombstone is moved to the archived stage (src/commands/cleanup.ts).
      archived: head.stages[ARCHIVED_STAGE]?.count ?? 0,
      stages: await holders(snapshot, name, head),
      newest: head.newest,
      highest: head.highest_live
    })
  }
  return summaries
}

/** Stage → its holders newest first: the catalog's newest when it is the only one, else the rows. */
async function holders(
  snapshot: RegistrySnapshot,
  name: string,
  head: HeadSummary
): Promise<Record<string, string[]>> {
  const stages: Record<string, string[]> = {}
  const wanted = new Map<string, number>()
  for (const [stage, { count, newest }] of Object.entries(head.stages)) {
    stages[stage] = count === 1 ? [newest] : []
    if (count > 1) wanted.set(stage, count)
  }
  if (wanted.size === 0) return stages
  for await (const row of rowsNewestFirst(snapshot, name)) {
    const left = wanted.get(row.stage)
    if (left === undefined) continue
    ;(stages[row.stage] as string[]).push(row.version)
    if (left === 1) wanted.delete(row.stage)
    else wanted.set(row.stage, left - 1)
    if (wanted.size === 0) break
  }
  return stages
}

async function fromIndexes(snapshot: RegistrySnapshot): Promise<ModelSummary[]> {
  const summaries: ModelSummary[] = []
  for (const name of await snapshot.modelNames()) {
    const index = await snapshot.readIndex(name)
    if (index) summaries.push(summaryOfIndex(name, index))
  }
  return summaries
}

/** A model's summary from every one of its version documents (layout 1's index, or one built from the files). */
export function summaryOfIndex(name: string, index: ModelIndex): ModelSummary {
  const live = index.versions.filter(v => !isArchived(v))
  return {
    name,
    types: [...new Set(index.versions.map(v => v.model_type))].sort(),
    count: index.versions.length,
    archived: index.versions.length - live.length,
    stages: index.stages,
    newest: [...live].sort(newestFirst)[0]?.version ?? null,
    highest: live.map(v => v.version).sort((a, b) => compareSemver(b, a))[0] ?? null
  }
}
