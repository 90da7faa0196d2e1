/**
 * history: the registry branch is the audit log. For a version: every commit that changed its
 * file and every stage it held. For a model: every commit that touched it, and with `at`, what
 * held each stage at that moment, read from the branch as it was then.
 */
import { notFound } from '../domain/errors.js'
import { stageTimeline } from '../domain/history.js'
import type { HistoryEvent, HistoryOutcome } from '../domain/shapes.js'
import { isModelId } from '../domain/model-id.js'
import { modelDir } from '../domain/layout.js'
import { versionPath } from '../domain/model-index.js'
import { parseName } from '../domain/names.js'
import type { ModelVersion } from '../domain/types.js'
import type { LogEntry, RegistrySnapshot } from '../registry/backend.js'
import type { CommandContext } from './context.js'

export type { HistoryEvent, HistoryOutcome }
import { stageHolderVersions } from './registry-reads.js'
import { resolve } from './resolve.js'

export interface HistoryInput {
  /** `name@version`, `name@stage`, a model_id (one version) or a bare model name (the whole model). */
  target: string
  at?: Date
}

export async function history(ctx: CommandContext, input: HistoryInput): Promise<HistoryOutcome> {
  const snapshot = await ctx.backend.snapshot()
  const wholeModel = !input.target.includes('@') && !isModelId(input.target)
  let name: string
  let version: string | null = null
  let versions: ModelVersion[]
  if (wholeModel) {
    name = parseName(input.target)
    // The stage timeline of a whole model is every version's stage history.
    const index = await snapshot.readIndex(name)
    if (!index)
      throw notFound(w => `no model named "${name}"; ${w.command('list')} shows the registered models`, {
        field: 'reference',
        value: name,
        reason: 'no-such-model'
      })
    versions = index.versions
  } else {
    const resolved = await resolve(snapshot, input.target)
    ;({ name, version } = resolved.version)
    versions = [resolved.version]
  }
  // Every change to a model rewrites its directory's tree (version files, rows, head).
  const path = version === null ? modelDir(name) : versionPath(name, version)
  const entries = await ctx.backend.log({ path, until: input.at, sinceCreation: true })
  const outcome: HistoryOutcome = {
    name,
    version,
    events: entries.map(toEvent),
    stages: stageTimeline(versions)
  }
  if (input.at) outcome.at = await holdersAt(ctx, name, input.at, version)
  return outcome
}

async function holdersAt(
  ctx: CommandContext,
  name: string,
  at: Date,
  version: string | null
): Promise<NonNullable<HistoryOutcome['at']>> {
  // The branch as it was at `at`: its newest commit at or before then.
  const commit = (await ctx.backend.log({ until: at, limit: 1 }))[0]?.commit ?? null
  const holders: Record<string, string[]> = {}
  if (commit) {
    for (const [stage, held] of Object.entries(await stagesAt(await ctx.backend.snapshotAt(commit), name))) {
      const relevant = version === null ? held : held.filter(v => v === version)
      if (relevant.length > 0) holders[stage] = relevant
    }
  }
  return { time: at.toISOString(), commit, holders }
}

/** Stage → versions holding it (newest first) in a snapshot of either layout (the past may predate `migrate`). */
async function stagesAt(snapshot: RegistrySnapshot, name: string): Promise<Record<string, string[]>> {
  if (snapshot.layout === 1) return (await snapshot.readIndex(name))?.stages ?? {}
  const stages: Record<string, string[]> = {}
  for (const stage of Object.keys((await snapshot.readHead(name))?.stages ?? {})) {
    stages[stage] = await stageHolderVersions(snapshot, name, stage)
  }
  return stages
}

function toEvent(entry: LogEntry): HistoryEvent {
  return {
    commit: entry.commit,
    at: entry.author.timestamp,
    author: entry.author.name,
    subject: entry.subject,
    trailers: entry.trailers
  }
}
