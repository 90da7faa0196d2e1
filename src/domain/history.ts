/**
 * Stage history read from the version documents' stage_history: who held which stage when.
 * Each document records every stage it entered (including demotions), so a version's spans are
 * its consecutive events and no commit walk is needed for these questions.
 */
import { byKey, newestFirst } from './ordering.js'
import { compareSemver } from './versions.js'
import type { StageSpan } from './shapes.js'
import type { ModelVersion } from './types.js'

export type { StageSpan }

const ms = (iso: string): number => {
  const t = Date.parse(iso)
  return Number.isNaN(t) ? 0 : t
}

function spansOf(v: ModelVersion): StageSpan[] {
  return v.stage_history.map((event, i) => ({
    version: v.version,
    model_id: v.model_id,
    stage: event.stage,
    from: event.at,
    until: v.stage_history[i + 1]?.at ?? null,
    by: event.by,
    via: event.via
  }))
}

/** Every span of every version, earliest start first (then version, then recorded order). */
export function stageTimeline(versions: ModelVersion[]): StageSpan[] {
  return versions
    .flatMap(spansOf)
    .sort((a, b) => ms(a.from) - ms(b.from) || compareSemver(a.version, b.version))
}

/** Stage → versions holding it at `at` (newest registration first); stage keys alphabetical. */
export function holdersAt(versions: ModelVersion[], at: Date): Record<string, string[]> {
  const t = at.getTime()
  const holders = new Map<string, string[]>()
  for (const v of [...versions].sort(newestFirst)) {
    let stage: string | undefined
    for (const event of v.stage_history) if (ms(event.at) <= t) stage = event.stage
    if (stage === undefined) continue
    // appended in place: a copy per version was quadratic in a stage's holders
    const held = holders.get(stage)
    if (held) held.push(v.version)
    else holders.set(stage, [v.version])
  }
  return Object.fromEntries([...holders.entries()].sort(byKey))
}

/**
 * For rollback: the version that held `stage` most recently before `currentVersion` took it.
 * "Most recently" is by when its hold ended, so a long-time holder replaced at that moment wins
 * over one that passed through earlier. Versions still holding the stage are not "previous".
 */
export function previousHolder(
  versions: ModelVersion[],
  stage: string,
  currentVersion: string
): ModelVersion | null {
  const current = versions.find(v => v.version === currentVersion)
  const entered = current?.stage_history.filter(e => e.stage === stage).at(-1)
  const tookAt = entered ? ms(entered.at) : Infinity
  let best: { span: StageSpan; end: number; start: number } | null = null
  for (const v of versions) {
    if (v.version === currentVersion) continue
    for (const span of spansOf(v)) {
      if (span.stage !== stage || span.until === null) continue
      const start = ms(span.from)
      if (start > tookAt) continue
      const end = Math.min(ms(span.until), tookAt)
      if (!best || end > best.end || (end === best.end && start >= best.start)) best = { span, end, start }
    }
  }
  return best ? (versions.find(v => v.version === best.span.version) ?? null) : null
}
