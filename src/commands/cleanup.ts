/**
 * cleanup: the Python registry's cleanup_old_versions(). Plan (pure) → one commit that archives (or
 * removes) the planned versions → delete their bytes → sweep stored objects nothing live uses.
 * Metadata goes first so nothing live ever points at deleted bytes; an interrupted run leaves
 * only unreferenced bytes, which the next run sweeps.
 */
import { invalidInput } from '../domain/errors.js'
import { formatReference } from '../domain/references.js'
import { planRetention, type RetentionDecision } from '../domain/retention.js'
import type { ModelVersion, RegistryPolicy } from '../domain/types.js'
import type { ChangeSet, RegistrySnapshot } from '../registry/backend.js'
import type { CommandContext } from './context.js'
import { layoutWrites } from './layout-writes.js'
import { openStore } from './open-store.js'
import { updateRegistry } from './update-registry.js'
import { allVersions } from './resolve.js'
import { auditStore, storedBytesInUse, type StoreAudit } from './store-audit.js'

/** Where the time of the last cleanup on this machine is kept (auto cleanup reads it). */
export const LAST_CLEANUP_KEY = 'last-cleanup'

export interface CleanupInput {
  keepLast?: number
  minAgeDays?: number
  dryRun?: boolean
}

export interface CleanupDecision {
  reference: string
  model_id: string
  stage: string
  registered_at: string
  action: 'keep' | 'delete'
  reason: string
  bytes: number
}

export interface CleanupOutcome {
  dry_run: boolean
  mode: 'archive' | 'remove'
  keep_last: number
  decisions: CleanupDecision[]
  deleted_count: number
  freed_bytes: number
  commit: string | null
  /** Stored items no live version uses, removed (or, in a dry run, that would be). */
  swept: { id: string; label: string; size: number }[]
  /** Live versions whose stored bytes are missing: reported, never deleted (see doctor). */
  missing: string[]
  /** Live versions whose interrupted registration this run finished (published), or would finish. */
  finished: string[]
}

export async function cleanup(ctx: CommandContext, input: CleanupInput = {}): Promise<CleanupOutcome> {
  if (input.keepLast !== undefined && (!Number.isInteger(input.keepLast) || input.keepLast < 1)) {
    throw invalidInput(
      w => `${w.field('keep-last')} must be a whole number of at least 1, got ${input.keepLast}`,
      {
        field: 'keep-last',
        value: input.keepLast,
        reason: 'not-a-whole-number-at-least-1'
      }
    )
  }
  if (input.minAgeDays !== undefined && !(input.minAgeDays >= 0)) {
    throw invalidInput(
      w => `${w.field('min-age-days')} must be a number of days ≥ 0, got ${input.minAgeDays}`,
      {
        field: 'min-age-days',
        value: input.minAgeDays,
        reason: 'negative'
      }
    )
  }
  const snapshot = await ctx.backend.snapshot()
  const planned = await plan(snapshot, ctx.now(), input)
  const outcome: CleanupOutcome = {
    dry_run: input.dryRun === true,
    mode: snapshot.policy.retention.mode,
    keep_last: input.keepLast ?? snapshot.policy.retention.keep_last,
    decisions: planned.map(toDecision),
    deleted_count: 0,
    freed_bytes: 0,
    commit: null,
    swept: [],
    missing: [],
    finished: []
  }
  const deletions = planned.filter(d => d.action === 'delete')
  outcome.deleted_count = deletions.length
  const store = await openStore(ctx)
  if (input.dryRun) {
    const afterPlan = planned.map(d =>
      d.action === 'delete' ? tombstone(d, ctx.now().toISOString(), ctx.actor) : d.version
    )
    const audit = await auditStore(store, snapshot.policy, ctx.now(), afterPlan)
    report(
      outcome,
      audit,
      deletions.map(d => d.version)
    )
    outcome.freed_bytes = sumBytes(outcome.swept)
    return outcome
  }
  let removed: ModelVersion[] = []
  if (deletions.length > 0) {
    const committed = await updateRegistry(ctx, async tip => {
      const decisions = (await plan(tip, ctx.now(), input)).filter(d => d.action === 'delete')
      if (decisions.length === 0) return { change: null, result: [] as ModelVersion[] }
      return {
        change: await retentionChange(tip, decisions, ctx),
        result: decisions.map(d => d.version)
      }
    })
    outcome.commit = committed.changed ? committed.commit : null
    removed = committed.result
    outcome.deleted_count = removed.length
  }
  // Whatever is stored and no longer used by a live version goes: this run's deletions and
  // anything an interrupted run or a killed registration left behind. Stores that cannot list
  // what they hold remove this run's deletions directly.
  const after = await ctx.backend.snapshot()
  const audit = await auditStore(store, after.policy, ctx.now(), await allVersions(after), removed)
  report(outcome, audit, removed)
  const inUse = storedBytesInUse(ctx)
  if (audit) {
    for (const version of audit.unfinished) await store.finish(version.artifact)
    for (const item of audit.unused) await store.removeStored?.(item, inUse)
    // This run's deletions that the store's listing did not reach (GitHub lists the newest
    // 1000 releases): removed directly, from what their metadata records.
    const listed = new Set(audit.unused.map(item => item.owner?.release_id))
    for (const version of removed) {
      const release = version.artifact.release
      if (!release || listed.has(release.id)) continue
      await store.remove(version.artifact, inUse)
      outcome.swept.push({
        id: String(release.id),
        label: `release ${release.tag}`,
        size: version.artifact.size
      })
    }
  } else {
    for (const version of removed) await store.remove(version.artifact, inUse)
  }
  outcome.freed_bytes = sumBytes(outcome.swept)
  await ctx.state?.write(LAST_CLEANUP_KEY, ctx.now().toISOString())
  return outcome
}

async function plan(
  snapshot: RegistrySnapshot,
  now: Date,
  input: CleanupInput
): Promise<RetentionDecision[]> {
  const decisions: RetentionDecision[] = []
  for (const name of await snapshot.modelNames()) {
    const index = await snapshot.readIndex(name)
    if (!index) continue
    decisions.push(
      ...planRetention({
        versions: index.versions,
        retention: snapshot.policy.retention,
        now,
        keepLast: input.keepLast,
        minAgeDays: input.minAgeDays
      })
    )
  }
  return decisions
}

async function retentionChange(
  snapshot: RegistrySnapshot,
  decisions: RetentionDecision[],
  ctx: CommandContext
): Promise<ChangeSet> {
  const policy: RegistryPolicy = snapshot.policy
  const at = ctx.now().toISOString()
  const files =
    policy.retention.mode === 'remove'
      ? await layoutWrites(snapshot, { removals: decisions.map(d => d.version) })
      : await layoutWrites(snapshot, { upserts: decisions.map(d => tombstone(d, at, ctx.actor)) })
  const verb = policy.retention.mode === 'remove' ? 'remove' : 'archive'
  return {
    subject: `cleanup: ${verb} ${decisions.length} version${decisions.length === 1 ? '' : 's'}`,
    body: decisions.map(d => `${verb} ${formatReference(d.version)}: ${d.reason}`).join('\n'),
    trailers: { 'Cleanup-Count': String(decisions.length) },
    files
  }
}

function tombstone(decision: RetentionDecision, at: string, actor: string): ModelVersion {
  const version = decision.version
  return {
    ...version,
    deployment_stage: 'archived',
    deployed_at: at,
    archived_at: at,
    // GitHub never frees the tag of an immutable release: say so where the audit trail keeps it.
    reason: version.artifact.release?.immutable
      ? `${decision.reason}; tag ${version.artifact.release.tag} stays reserved (immutable release)`
      : decision.reason,
    artifact: { ...version.artifact, deleted: true },
    stage_history: [...version.stage_history, { stage: 'archived', at, by: actor, via: 'cleanup' }]
  }
}

/**
 * What is (or would be) swept: what the store lists as unused, or, for a store that cannot list
 * what it holds, the bytes of the versions this run deletes.
 */
function report(outcome: CleanupOutcome, audit: StoreAudit | null, deleted: ModelVersion[]): void {
  if (!audit) {
    outcome.swept = deleted.map(v => ({ id: v.model_id, label: v.artifact.file_name, size: v.artifact.size }))
    return
  }
  outcome.swept = audit.unused.map(item => ({ id: item.id, label: item.label, size: item.size }))
  outcome.missing = audit.missing.map(formatReference)
  outcome.finished = audit.unfinished.map(formatReference)
}

function sumBytes(objects: { size: number }[]): number {
  return objects.reduce((sum, o) => sum + o.size, 0)
}

function toDecision(decision: RetentionDecision): CleanupDecision {
  const v = decision.version
  return {
    reference: formatReference(v),
    model_id: v.model_id,
    stage: v.deployment_stage,
    registered_at: v.registered_at,
    action: decision.action,
    reason: decision.reason,
    bytes: v.artifact.size
  }
}
