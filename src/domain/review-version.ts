/**
 * The per-version rules of the policy check (src/domain/review.ts): one version file judged
 * against its base — immutable fields, the append-only stage history, each appended step against
 * the transition graph (rollbacks and the policy's own demotion excepted), and the gates of every
 * stage it enters — or a new version's registration. Findings, stage changes and gate reports go
 * into the VersionContext the caller collects them in.
 */
import { evaluateGates, isRollbackVia } from './gates.js'
import { firstDifference, jsonEqual } from './json-diff.js'
import { ARCHIVED_STAGE } from './ordering.js'
import { allowedTargets, isOpenRegistrationStage } from './policy.js'
import {
  MUTABLE_FIELDS,
  stageChangeOf,
  versionKey,
  type FindingKind,
  type GateReport,
  type ReviewFinding,
  type ReviewInput,
  type StageChange
} from './review-model.js'
import type { ModelVersion, RegistryPolicy, StageEvent } from './types.js'

export interface VersionContext {
  policy: RegistryPolicy
  input: ReviewInput
  headDocs: ModelVersion[]
  baseDocs: ModelVersion[]
  findings: ReviewFinding[]
  changes: StageChange[]
  gates: GateReport[]
}

/** Everything but the mutable fields; `artifact.deleted` has its own rule. */
function immutablePart(v: ModelVersion): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...v }
  for (const field of MUTABLE_FIELDS) delete copy[field]
  const artifact: Record<string, unknown> = { ...v.artifact }
  delete artifact.deleted
  copy.artifact = artifact
  return copy
}

export function reviewVersion(
  ctx: VersionContext,
  before: ModelVersion,
  after: ModelVersion,
  file: string
): void {
  const subject = versionKey(after.name, after.version)
  const error = (kind: FindingKind, text: string): void => {
    ctx.findings.push({ severity: 'error', kind, subject, file, message: text })
  }
  const fixedBefore = immutablePart(before)
  const fixedAfter = immutablePart(after)
  for (const field of [...new Set([...Object.keys(fixedBefore), ...Object.keys(fixedAfter)])].sort()) {
    const where = firstDifference(fixedBefore[field], fixedAfter[field], `$.${field}`)
    if (where) {
      error(
        'immutable-field',
        `${where} changed; only ${MUTABLE_FIELDS.join(', ')} may change after registration`
      )
    }
  }

  const wasDeleted = before.artifact.deleted === true
  const isDeleted = after.artifact.deleted === true
  if (wasDeleted && !isDeleted) {
    error('immutable-field', '$.artifact.deleted is unset, but retention already deleted the artifact')
  } else if (!wasDeleted && isDeleted) {
    if (after.deployment_stage !== ARCHIVED_STAGE || after.archived_at === undefined) {
      error(
        'immutable-field',
        `$.artifact.deleted is set without archiving; set it only together with deployment_stage "${ARCHIVED_STAGE}" and archived_at`
      )
    }
  }

  if (after.deployment_stage !== before.deployment_stage) {
    ctx.changes.push(stageChangeOf(after, before.deployment_stage))
  }
  const appended = appendedHistory(before.stage_history, after.stage_history)
  if (appended === null) {
    error(
      'stage-history',
      'stage_history is append-only: an existing entry was changed or removed; add a new entry instead'
    )
    return
  }
  if (!stagesAgree(ctx, subject, file, before.deployment_stage, after, appended)) return
  walkSteps(ctx, after, file, before.deployment_stage, before.stage_history, appended)
}

/** The entries added after `before`, or null when `before` is not a prefix of `after`. */
export function appendedHistory(before: StageEvent[], after: StageEvent[]): StageEvent[] | null {
  if (after.length < before.length) return null
  for (let i = 0; i < before.length; i++) if (!jsonEqual(before[i], after[i])) return null
  return after.slice(before.length)
}

/** deployment_stage must be where the history ends: a stage change without an entry is unaccounted for. */
function stagesAgree(
  ctx: VersionContext,
  subject: string,
  file: string,
  from: string,
  after: ModelVersion,
  appended: StageEvent[]
): boolean {
  const last = appended.at(-1)?.stage ?? from
  if (last === after.deployment_stage) return true
  ctx.findings.push({
    severity: 'error',
    kind: 'stage-history',
    subject,
    file,
    message:
      appended.length === 0
        ? `deployment_stage changes from "${from}" to "${after.deployment_stage}" without a stage_history entry`
        : `deployment_stage is "${after.deployment_stage}" but stage_history ends in "${last}"`
  })
  return false
}

/**
 * Each appended entry is one step. A step is legal when the graph lists it; or when the version's
 * own earlier history shows it held the target stage (a rollback — the only exemption); or when it
 * is the policy's own demotion of an exclusive stage's holder to demote_to, in a change where
 * another version of the model takes that stage (what promote writes in the same commit).
 */
function walkSteps(
  ctx: VersionContext,
  version: ModelVersion,
  file: string,
  start: string,
  earlier: StageEvent[],
  appended: StageEvent[]
): void {
  const { policy } = ctx
  const subject = versionKey(version.name, version.version)
  let from = start
  const entered = new Set<string>()
  // Stages entered by an entry that claims a rollback and whose claim the history proves.
  const rolledBack = new Set<string>()
  appended.forEach((event, i) => {
    const to = event.stage
    const held = [...earlier, ...appended.slice(0, i)].some(e => e.stage === to)
    if (held && isRollbackVia(event.via)) rolledBack.add(to)
    else rolledBack.delete(to)
    let legal: boolean
    let demotion = false
    if (!policy.stages.includes(to)) {
      ctx.findings.push({
        severity: 'error',
        kind: 'illegal-transition',
        subject,
        file,
        message: `stage_history enters unknown stage "${to}": use one of ${policy.stages.join(', ')}`
      })
      from = to
      return
    }
    if (to === from) legal = false
    else if (allowedTargets(policy, from).includes(to)) legal = true
    else if (held) legal = true
    else {
      demotion = isDemotion(ctx, version, from, to)
      legal = demotion
    }
    if (!legal) {
      const allowed = allowedTargets(policy, from)
      ctx.findings.push({
        severity: 'error',
        kind: 'illegal-transition',
        subject,
        file,
        message:
          to === from
            ? `stage_history moves from "${from}" to the stage it is already in`
            : `cannot move from "${from}" to "${to}": allowed from ${from}: ${allowed.length ? allowed.join(', ') : 'none'}; ${version.version} never held ${to}, so this is no rollback`
      })
    }
    if (!demotion) entered.add(to)
    from = to
  })
  for (const stage of entered) judgeGates(ctx, version, stage, rolledBack.has(stage))
}

function isDemotion(ctx: VersionContext, version: ModelVersion, from: string, to: string): boolean {
  const { policy } = ctx
  if (to !== policy.demote_to || !policy.exclusive_stages.includes(from)) return false
  const before = new Map(ctx.baseDocs.filter(v => v.name === version.name).map(v => [v.version, v]))
  return ctx.headDocs.some(
    v =>
      v.name === version.name &&
      v.version !== version.version &&
      v.deployment_stage === from &&
      before.get(v.version)?.deployment_stage !== from
  )
}

function judgeGates(ctx: VersionContext, candidate: ModelVersion, stage: string, rollback: boolean): void {
  const { input, policy } = ctx
  const holders = ctx.baseDocs.filter(
    v => v.name === candidate.name && v.version !== candidate.version && v.deployment_stage === stage
  )
  const verdict = evaluateGates({
    policy,
    candidate,
    stage,
    holders,
    channel: input.approvals === null ? 'local' : 'pull-request',
    approvals: input.approvals?.length ?? 0,
    viaPullRequest: input.viaPullRequest,
    rollback
  })
  const subject = versionKey(candidate.name, candidate.version)
  if (verdict.results.length > 0) ctx.gates.push({ subject, stage, results: verdict.results })
  for (const result of verdict.results) {
    if (result.status === 'pass') continue
    ctx.findings.push({
      severity: result.status === 'fail' ? 'error' : 'warning',
      kind: 'gate',
      subject,
      gate: result.gate,
      file: candidate.metadata_path,
      message: `${stage}: ${result.message}`
    })
  }
}

export function reviewRegistration(ctx: VersionContext, version: ModelVersion, file: string): void {
  const subject = versionKey(version.name, version.version)
  ctx.changes.push(stageChangeOf(version, null))
  const [first, ...rest] = version.stage_history
  if (!first) {
    ctx.findings.push({
      severity: 'error',
      kind: 'stage-history',
      subject,
      file,
      message: 'a new version needs a stage_history entry for its registration'
    })
    return
  }
  if (!ctx.policy.stages.includes(first.stage) || !isOpenRegistrationStage(ctx.policy, first.stage)) {
    ctx.findings.push({
      severity: 'error',
      kind: 'illegal-transition',
      subject,
      file,
      message: `a new version cannot start in "${first.stage}" (gated, exclusive or unknown): register into ${ctx.policy.initial_stage}, then promote`
    })
    return
  }
  if (!stagesAgree(ctx, subject, file, first.stage, version, rest)) return
  walkSteps(ctx, version, file, first.stage, [first], rest)
}
