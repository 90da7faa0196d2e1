/**
 * history: the registry branch is the audit log. For a version: every commit that changed its
 * file and every stage it held. For a model: every commit that touched it, and with `at`, what
 * held each stage at that moment, read from the branch as it was then.
 */
import { notFound } from '../domain/errors.js'
import { stageTimeline, type StageSpan } from '../domain/history.js'
import { isModelId } from '../domain/model-id.js'
import { indexPath, versionPath } from '../domain/model-index.js'
import { parseName } from '../domain/names.js'
import type { ModelIndex } from '../domain/types.js'
import { validateModelIndex } from '../domain/validate.js'
import type { LogEntry } from '../registry/backend.js'
import type { CommandContext } from './context.js'
import { resolve } from './resolve.js'

export interface HistoryInput {
  /** `name@version`, `name@stage`, a model_id (one version) or a bare model name (the whole model). */
  target: string
  at?: Date
}

export interface HistoryEvent {
  commit: string
  at: string
  author: string
  subject: string
  trailers: Record<string, string>
}

export interface HistoryOutcome {
  name: string
  version: string | null
  events: HistoryEvent[]
  stages: StageSpan[]
  /** With `at`: the commit in effect then and stage → versions holding it. */
  at?: { time: string; commit: string | null; holders: Record<string, string[]> }
}

export async function history(ctx: CommandContext, input: HistoryInput): Promise<HistoryOutcome> {
  const snapshot = await ctx.backend.snapshot()
  const wholeModel = !input.target.includes('@') && !isModelId(input.target)
  let name: string
  let version: string | null = null
  let index: ModelIndex | null
  if (wholeModel) {
    name = parseName(input.target)
    index = await snapshot.readIndex(name)
    if (!index)
      throw notFound(w => `no model named "${name}"; ${w.command('list')} shows the registered models`, {
        field: 'reference',
        value: name,
        reason: 'no-such-model'
      })
  } else {
    const resolved = await resolve(snapshot, input.target)
    ;({ name, version } = resolved.version)
    index = resolved.index
  }
  const path = version === null ? indexPath(name) : versionPath(name, version)
  const entries = await ctx.backend.log({ path, until: input.at, sinceCreation: true })
  const versions = version === null ? index.versions : index.versions.filter(v => v.version === version)
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
    const raw = await ctx.backend.readJsonAt(commit, indexPath(name))
    if (raw !== null) {
      const index = validateModelIndex(raw, `${indexPath(name)} at ${commit.slice(0, 7)}`)
      for (const [stage, held] of Object.entries(index.stages)) {
        const relevant = version === null ? held : held.filter(v => v === version)
        if (relevant.length > 0) holders[stage] = relevant
      }
    }
  }
  return { time: at.toISOString(), commit, holders }
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
