/**
 * promote: the Python registry's update_deployment_stage(). The transition and the gates are checked on
 * the snapshot the change is built from, so a concurrent change is re-checked on retry.
 * Locally there is no review channel: the change is applied directly. With a review channel
 * (GitHub) the same change is proposed as a pull request against the registry branch instead,
 * and the policy verdict is posted on it as a commit status.
 */
import { integrityError, RegistryError, refused } from '../domain/errors.js'
import {
  evaluateGates,
  heldBefore,
  isRollbackVia,
  normaliseMustBeat,
  ROLLBACK_VIA,
  type GateResult
} from '../domain/gates.js'
import { parseStage } from '../domain/names.js'
import { gateFor } from '../domain/policy.js'
import { planPromotion } from '../domain/promotion.js'
import { proposalBody, proposalBranch, proposalTitle, type ProposalVerb } from '../domain/proposal.js'
import { formatReference } from '../domain/references.js'
import type { ModelVersion, RegistryPolicy } from '../domain/types.js'
import { validateRegistryFile } from '../domain/validate.js'
import {
  changeFiles,
  type ChangeBuilder,
  type ChangeSet,
  type RegistrySnapshot
} from '../registry/backend.js'
import { formatCommitMessage } from '../registry/commit-message.js'
import { check, type PostedStatus } from './check.js'
import type { CommandContext } from './context.js'
import { openStore } from './open-store.js'
import type { ReviewChannel } from './review-channel.js'
import { layoutWrites } from './layout-writes.js'
import { stageHolders } from './registry-reads.js'
import { resolve } from './resolve.js'
import { updateRegistry } from './update-registry.js'

export interface PromoteInput {
  reference: string
  to: string
  /** How the change came, recorded in stage_history: `promote`, `rollback`, `pull/41`. */
  via?: string
  approvals?: number
  /** Rollback may take a step the graph does not list: history proves the version held the stage. */
  skipTransitionCheck?: boolean
}

export interface PromotionProposal {
  number: number
  url: string
  /** False when an open pull request for the same version and stage was updated. */
  created: boolean
  /** The branch carrying the proposal, `mreg/promote/<name>/<version>-to-<stage>`. */
  branch: string
  /** The registry commit the proposal is built on. */
  base: string
}

export interface PromoteResult {
  /** The version as it is (locally) or would be (proposed) after the move. */
  version: ModelVersion
  from: string
  to: string
  demoted: ModelVersion[]
  gates: GateResult[]
  /** The registry branch's new commit; for a proposal, the proposal's commit. */
  commit: string
  /** Set when the change was proposed as a pull request instead of committed. */
  pull_request?: PromotionProposal
  /** The policy verdict posted on the proposal's commit. */
  status?: PostedStatus
}

/** Gates a pull request exists to satisfy: they cannot block opening it. */
const REVIEW_GATES = new Set(['min_approvals', 'require_pull_request'])

export async function promote(ctx: CommandContext, input: PromoteInput): Promise<PromoteResult> {
  if (ctx.channel === 'pull-request' && ctx.review) return proposePromotion(ctx, ctx.review, input)
  const outcome = await updateRegistry(ctx, async snapshot => {
    const planned = await planChange(ctx, snapshot, input, 'direct', input.via ?? 'promote')
    return { change: planned.change, result: planned.result }
  })
  return { ...outcome.result, commit: outcome.commit }
}

interface PlannedChange {
  result: Omit<PromoteResult, 'commit'>
  change: ChangeSet
  /** The candidate before the move, and the versions holding the target stage now. */
  candidate: ModelVersion
  holders: ModelVersion[]
  verb: ProposalVerb
}

async function planChange(
  ctx: CommandContext,
  snapshot: RegistrySnapshot,
  input: PromoteInput,
  mode: 'direct' | 'proposal',
  via: string
): Promise<PlannedChange> {
  const policy = snapshot.policy
  const to = parseStage(policy, input.to)
  const { version: candidate } = await resolve(snapshot, input.reference)
  // The holders are read to demote them (an exclusive stage), to be beaten (a must_beat gate) or
  // to be named in a pull request; otherwise entering a stage thousands hold reads none of them.
  const holdersMatter =
    policy.exclusive_stages.includes(to) ||
    normaliseMustBeat(gateFor(policy, to).must_beat, policy) !== null ||
    mode === 'proposal'
  const holders = holdersMatter
    ? (await stageHolders(snapshot, candidate.name, to)).filter(v => v.version !== candidate.version)
    : []
  const plan = planPromotion({
    policy,
    holders,
    candidate,
    to,
    actor: ctx.actor,
    via,
    now: ctx.now(),
    skipTransitionCheck: input.skipTransitionCheck
  })
  const verdict = evaluateGates({
    policy,
    candidate,
    stage: to,
    holders,
    channel: mode === 'proposal' ? 'pull-request' : ctx.channel,
    approvals: input.approvals,
    viaPullRequest: mode === 'proposal' || via.startsWith('pull/'),
    rollback: isRollbackVia(via) && heldBefore(candidate, to)
  })
  const blocking = verdict.results.filter(
    r => r.status === 'fail' && (mode === 'direct' || !REVIEW_GATES.has(r.gate))
  )
  if (blocking.length > 0) {
    throw refused(
      `cannot promote ${formatReference(candidate)} to ${to}: ${blocking.map(r => r.message).join('; ')}`,
      { gates: verdict.results }
    )
  }
  await verifyBeforeProtectedStage(ctx, policy, candidate, to)
  const verb: ProposalVerb = isRollbackVia(via) ? 'rollback' : 'promote'
  const [promoted] = plan.updated as [ModelVersion, ...ModelVersion[]]
  return {
    result: { version: promoted, from: plan.from, to, demoted: plan.demoted, gates: verdict.results },
    change: {
      ...promotionChange(candidate.name, plan.from, to, plan.updated, plan.demoted, via, verb),
      files: await layoutWrites(snapshot, { upserts: plan.updated })
    },
    candidate,
    holders,
    verb
  }
}

/** Per command run: the SHA-256s already verified, so a rebuilt change (lost race) does not re-hash. */
const verifiedFor = new WeakMap<CommandContext, Set<string>>()

/**
 * A version entering a protected or exclusive stage (production, canary, staging, shadow by
 * default) is about to be served: its stored bytes are re-hashed first, so a corrupt or missing
 * artifact is refused here (exit 3) instead of being found by the deploy job.
 */
async function verifyBeforeProtectedStage(
  ctx: CommandContext,
  policy: RegistryPolicy,
  candidate: ModelVersion,
  to: string
): Promise<void> {
  if (!policy.retention.protect_stages.includes(to) && !policy.exclusive_stages.includes(to)) return
  if (candidate.artifact.deleted) return
  const verified = verifiedFor.get(ctx) ?? new Set<string>()
  verifiedFor.set(ctx, verified)
  if (verified.has(candidate.artifact.sha256)) return
  const refuse = (why: string) =>
    integrityError(`cannot promote ${formatReference(candidate)} to ${to}: ${why}; run 'mreg doctor'`, {
      sha256: candidate.artifact.sha256
    })
  // Every stored file: a directory version's each on its own.
  const manifest = candidate.artifact.manifest
  for (const [i, result] of (await (await openStore(ctx)).verifyFiles(candidate.artifact)).entries()) {
    const what = manifest ? `artifact file ${manifest[i]?.path}` : 'artifact'
    if (result.error) throw refuse(result.error.message)
    if (!result.present) throw refuse(`its ${what} ${result.file.file_name} is missing from the store`)
    if (!result.ok) {
      throw refuse(
        `its stored ${what} has sha256 ${result.actual}, the registry records ${result.file.sha256}`
      )
    }
  }
  verified.add(candidate.artifact.sha256)
}

/**
 * The pull request path. The proposal's commit is built twice: first to give the pull request a
 * head to open on, then, once its number is known, with `via: pull/<n>` in stage_history and the
 * Via trailer, so the registry records which pull request made the move. Both builds come from
 * the registry's tip; the proposal branch simply moves to the second.
 */
async function proposePromotion(
  ctx: CommandContext,
  review: ReviewChannel,
  input: PromoteInput
): Promise<PromoteResult> {
  const backend = ctx.backend
  if (!backend.propose) {
    throw new RegistryError(
      'refused',
      `${backend.description} cannot carry proposals, so promotions cannot go through pull requests there`
    )
  }
  const snapshot = await backend.snapshot()
  const to = parseStage(snapshot.policy, input.to)
  const target = (await resolve(snapshot, input.reference)).version
  const branch = proposalBranch(target.name, target.version, to)

  const build =
    (via: string): ChangeBuilder<PlannedChange> =>
    async tip => {
      const planned = await planChange(ctx, tip, input, 'proposal', via)
      if (planned.candidate.name !== target.name || planned.candidate.version !== target.version) {
        // `name@staging` and the like can name another version by now: the branch would lie.
        throw new RegistryError(
          'conflict',
          `${input.reference} now names ${formatReference(planned.candidate)}, not ${formatReference(target)}; run the promotion again`
        )
      }
      // As updateRegistry does for direct commits: nothing invalid is ever proposed.
      for (const file of changeFiles(planned.change)) {
        if (file.content !== null) validateRegistryFile(file.path, file.content)
      }
      return { change: planned.change, result: planned }
    }
  const request = (planned: PlannedChange) => ({
    branch,
    base: backend.branch,
    title: proposalTitle(
      planned.verb,
      planned.candidate.name,
      planned.candidate.version,
      planned.result.from,
      planned.result.to
    ),
    body: proposalBody({
      verb: planned.verb,
      candidate: planned.candidate,
      from: planned.result.from,
      to: planned.result.to,
      holders: planned.holders,
      demoted: planned.result.demoted,
      gates: planned.result.gates,
      commitMessage: formatCommitMessage(planned.change)
    })
  })

  // A rollback says so in its stage_history entry (`rollback:pull/12`): the claim the policy
  // check verifies against the version's own history before waiving must_beat.
  const via = (how: string): string => (input.via === ROLLBACK_VIA ? `${ROLLBACK_VIA}:${how}` : how)
  const opening = await backend.propose(build(via('pull-request')), branch)
  const pull = await review.openOrUpdateProposal(request(opening.result))
  const final = await backend.propose(build(via(`pull/${pull.number}`)), branch)
  await review.openOrUpdateProposal(request(final.result))
  const checked = await check(ctx, { base: final.base, head: final.commit, pullNumber: pull.number })

  const planned = final.result
  const candidateRef = formatReference(planned.candidate)
  const gates = checked.gates.find(g => g.subject === candidateRef && g.stage === to)?.results
  return {
    ...planned.result,
    gates: gates ?? planned.result.gates,
    commit: final.commit,
    pull_request: { ...pull, branch, base: final.base },
    status: {
      state: checked.status.state,
      description: checked.status.description,
      context: checked.status.context
    }
  }
}

function promotionChange(
  name: string,
  from: string,
  to: string,
  updated: ModelVersion[],
  demoted: ModelVersion[],
  via: string,
  verb: ProposalVerb
): Omit<ChangeSet, 'files'> {
  const [promoted] = updated as [ModelVersion]
  const trailers: Record<string, string> = {
    'Model-Id': promoted.model_id,
    Stage: `${from} -> ${to}`,
    Via: via
  }
  if (demoted.length > 0)
    trailers.Demoted = demoted.map(d => `${d.version} -> ${d.deployment_stage}`).join(', ')
  return {
    subject: `${verb} ${name} ${promoted.version}: ${from} → ${to}`,
    body:
      demoted.length > 0
        ? demoted.map(d => `demote ${name} ${d.version}: ${to} → ${d.deployment_stage}`).join('\n')
        : undefined,
    trailers
  }
}
