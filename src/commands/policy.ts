/**
 * policy show / policy set: read and change registry.json without a worktree of the registry
 * branch. The new policy is validated against the schema and the consistency rules before
 * anything is written; locally it is one commit, with a review channel (GitHub) a pull request
 * labelled `registry-policy`, the label the policy check requires of a policy edit.
 */
import { RegistryError } from '../domain/errors.js'
import { checkPolicyConsistency } from '../domain/policy.js'
import {
  formatPolicyPath,
  parsePolicyPath,
  parsePolicyValue,
  valueAt,
  withValueAt
} from '../domain/policy-path.js'
import { jsonEqual } from '../domain/json-diff.js'
import { POLICY_LABEL } from '../domain/review.js'
import type { RegistryPolicy } from '../domain/types.js'
import { validatePolicy } from '../domain/validate.js'
import type { ChangeBuilder, ChangeSet } from '../registry/backend.js'
import { formatCommitMessage } from '../registry/commit-message.js'
import { check, type PostedStatus } from './check.js'
import type { CommandContext } from './context.js'
import type { Proposal } from './review-channel.js'
import { updateRegistry } from './update-registry.js'

export interface PolicyShowOutcome {
  policy: RegistryPolicy
  /** The registry commit the policy was read from. */
  commit: string | null
}

export async function showPolicy(ctx: CommandContext): Promise<PolicyShowOutcome> {
  const snapshot = await ctx.backend.snapshot()
  return { policy: snapshot.policy, commit: snapshot.commit }
}

export interface PolicySetInput {
  key: string
  /** As typed: JSON when it parses as JSON, else a string. */
  value: string
}

export interface PolicySetOutcome {
  /** The key in its canonical form, e.g. `gates.production.min_metrics.f1_score`. */
  key: string
  /** The value before (undefined when absent) and after. */
  before: unknown
  after: unknown
  /** False when registry.json already had the value: nothing was written or proposed. */
  changed: boolean
  policy: RegistryPolicy
  /** The registry's new commit; for a proposal, the proposal's commit. */
  commit: string
  pull_request?: Proposal & { branch: string; base: string }
  status?: PostedStatus
}

interface Planned {
  outcome: Omit<PolicySetOutcome, 'commit'>
  change: ChangeSet | null
}

function plan(current: RegistryPolicy, input: PolicySetInput): Planned {
  const path = parsePolicyPath(input.key)
  const key = formatPolicyPath(path)
  const value = parsePolicyValue(input.value)
  const before = valueAt(current, path)
  const edited = withValueAt(current, path, value, input.key)
  // The words of `policy set`: the key named as typed, the schema's or the consistency rule's reason.
  const where = `registry.json with ${key} = ${JSON.stringify(value)}`
  const policy = checkPolicyConsistency(
    validatePolicy(edited, where, 'invalid-input'),
    where,
    'invalid-input'
  )
  const changed = !jsonEqual(current, policy)
  return {
    outcome: { key, before, after: value, changed, policy },
    change: changed
      ? {
          subject: `policy: set ${key} = ${JSON.stringify(value)}`,
          trailers: { Policy: key },
          files: [{ path: 'registry.json', content: policy }]
        }
      : null
  }
}

export async function setPolicy(ctx: CommandContext, input: PolicySetInput): Promise<PolicySetOutcome> {
  // Parse and validate against the current policy first: bad input fails before any write or call.
  plan((await ctx.backend.snapshot()).policy, input)
  if (ctx.channel === 'pull-request' && ctx.review) return proposePolicy(ctx, input)
  const committed = await updateRegistry(ctx, async snapshot => {
    const planned = plan(snapshot.policy, input)
    return { change: planned.change, result: planned.outcome }
  })
  return { ...committed.result, commit: committed.commit }
}

/** The proposal branch for a key: setting the same key again updates its pull request. */
export function policyBranch(key: string): string {
  return `mreg/policy/${key.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '')}`
}

async function proposePolicy(ctx: CommandContext, input: PolicySetInput): Promise<PolicySetOutcome> {
  const { backend, review } = ctx
  if (!backend.propose || !review) {
    throw new RegistryError(
      'refused',
      `${backend.description} cannot carry proposals, so policy changes cannot go through pull requests there`
    )
  }
  const build: ChangeBuilder<Planned> = async tip => {
    const planned = plan(tip.policy, input)
    return { change: planned.change, result: planned }
  }
  const branch = policyBranch(formatPolicyPath(parsePolicyPath(input.key)))
  const proposed = await backend.propose(build, branch)
  const { outcome, change } = proposed.result
  if (!proposed.changed || !change) return { ...outcome, commit: proposed.commit }
  const before = outcome.before === undefined ? 'unset' : `\`${JSON.stringify(outcome.before)}\``
  const pull = await review.openOrUpdateProposal({
    branch,
    base: backend.branch,
    title: change.subject,
    body: [
      `Sets \`${outcome.key}\` in \`registry.json\`: ${before} → \`${JSON.stringify(outcome.after)}\`.`,
      '',
      'The new policy passed the schema and the consistency rules. A policy edit needs the',
      `\`${POLICY_LABEL}\` label (added by mreg) and the review the repository's rules ask for.`,
      '',
      '```',
      formatCommitMessage(change).trimEnd().replace(/```/g, "'''"),
      '```',
      ''
    ].join('\n'),
    labels: [POLICY_LABEL]
  })
  const checked = await check(ctx, { base: proposed.base, head: proposed.commit, pullNumber: pull.number })
  return {
    ...outcome,
    commit: proposed.commit,
    pull_request: { ...pull, branch, base: proposed.base },
    status: {
      state: checked.status.state,
      description: checked.status.description,
      context: checked.status.context
    }
  }
}
