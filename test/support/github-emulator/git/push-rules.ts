/**
 * What GitHub checks when a token pushes over git: whether the token may push at all (contents:
 * write), and the repository's rulesets on the branch (a pull request required, required status
 * checks), with the ruleset's bypass list. A push the rules refuse is answered as GitHub does —
 * `ng <ref> push declined due to repository rule violations` with `remote:` lines naming each rule
 * (rules.ts: push-ruleset-violation) — and never reaches `git http-backend`, so nothing changes.
 *
 * Which tokens exist and whether they may push at all (contents: write) is the token table's
 * (tokens.ts); rulesets name tokens in their bypass lists.
 */
import { gunzipSync } from 'node:zlib'
import type { StatusRecord } from '../state.js'

export type RulesetRule =
  | { type: 'pull_request'; parameters?: { required_approving_review_count?: number } }
  | { type: 'required_status_checks'; parameters: { required_status_checks: { context: string }[] } }

export interface Ruleset {
  name: string
  /** Branch names the ruleset targets (exact names; `*` matches within a path segment). */
  branches: string[]
  rules: RulesetRule[]
  /** Tokens of the actors in the bypass list (e.g. a GitHub App's installation token). */
  bypass: string[]
  /**
   * A classic branch protection rule instead of a ruleset: refusals say GH006 and "protected
   * branch hook declined", and its bypass list only exempts from the pull-request requirement
   * ("Allow specified actors to bypass required pull requests"), never from status checks.
   */
  classic?: boolean
}

export interface Refusal {
  lines: string[]
  classic: boolean
}

export interface PushCommand {
  oldSha: string
  newSha: string
  ref: string
}

const ZERO = '0'.repeat(40)

export class PushRules {
  readonly rulesets: Ruleset[] = []

  addRuleset(ruleset: Ruleset): void {
    this.rulesets.push(ruleset)
  }

  /** Rulesets targeting `ref` that `token` does not bypass (a classic rule is never bypassed whole). */
  enforced(ref: string, token: string): Ruleset[] {
    const branch = ref.replace(/^refs\/heads\//, '')
    if (branch === ref) return []
    return this.rulesets.filter(
      r => (r.classic || !r.bypass.includes(token)) && r.branches.some(p => matches(p, branch))
    )
  }

  /** The refusal of `command`, or undefined when it may land. */
  refusal(command: PushCommand, token: string, statuses: StatusRecord[]): Refusal | undefined {
    const lines = this.violations(command, token, statuses)
    if (lines.length === 0) return undefined
    return { lines, classic: this.enforced(command.ref, token).some(r => r.classic === true) }
  }

  /**
   * The rule lines GitHub prints for a push of `command` by `token`, empty when it may land.
   * A pull-request rule refuses any direct update of an existing branch; a status-check rule
   * refuses a commit whose required contexts have not succeeded (GitHub: "commits must first be
   * pushed to another branch … after status checks have passed").
   */
  violations(command: PushCommand, token: string, statuses: StatusRecord[]): string[] {
    const lines: string[] = []
    for (const ruleset of this.enforced(command.ref, token)) {
      for (const rule of ruleset.rules) {
        const bypassed = ruleset.classic === true && ruleset.bypass.includes(token)
        if (rule.type === 'pull_request' && command.oldSha !== ZERO && !bypassed) {
          lines.push('Changes must be made through a pull request.')
        }
        if (rule.type === 'required_status_checks' && command.newSha !== ZERO) {
          const contexts = rule.parameters.required_status_checks.map(c => c.context)
          const missing = contexts.filter(context => !succeeded(statuses, command.newSha, context))
          if (missing.length === 1 && contexts.length === 1)
            lines.push(`Required status check "${missing[0]}" is expected.`)
          else if (missing.length > 0)
            lines.push(`${missing.length} of ${contexts.length} required status checks are expected.`)
        }
      }
    }
    return [...new Set(lines)]
  }
}

/**
 * What a ruleset on the base branch still requires before a pull request may merge: approvals
 * (each reviewer's latest review, the author's own never counted) and the required statuses on
 * the head commit. Empty when it may merge (rules.ts: merge-ruleset-violation).
 */
export function mergeViolations(
  rules: PushRules,
  merge: { base: string; headSha: string; author: string; token: string },
  reviews: { user: string; state: string }[],
  statuses: StatusRecord[]
): string[] {
  const lines: string[] = []
  for (const ruleset of rules.enforced(`refs/heads/${merge.base}`, merge.token)) {
    for (const rule of ruleset.rules) {
      if (rule.type === 'pull_request') {
        const required = rule.parameters?.required_approving_review_count ?? 0
        const latest = new Map<string, string>()
        for (const review of reviews) if (review.user !== merge.author) latest.set(review.user, review.state)
        const approvals = [...latest.values()].filter(state => state === 'APPROVED').length
        if (approvals < required)
          lines.push(
            `At least ${required} approving review${required === 1 ? ' is' : 's are'} required by reviewers with write access.`
          )
      }
      if (rule.type === 'required_status_checks') {
        const contexts = rule.parameters.required_status_checks.map(c => c.context)
        const missing = contexts.filter(context => !succeeded(statuses, merge.headSha, context))
        if (missing.length === 1 && contexts.length === 1)
          lines.push(`Required status check "${missing[0]}" is expected.`)
        else if (missing.length > 0)
          lines.push(`${missing.length} of ${contexts.length} required status checks are expected.`)
      }
    }
  }
  return [...new Set(lines)]
}

function matches(pattern: string, branch: string): boolean {
  const regex = new RegExp(`^${pattern.split('*').map(escape).join('[^/]*')}$`)
  return regex.test(branch)
}

const escape = (text: string): string => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&')

/** The latest status of `context` on `sha` is success. */
function succeeded(statuses: StatusRecord[], sha: string, context: string): boolean {
  const latest = statuses.filter(s => s.sha === sha && s.context === context).at(-1)
  return latest?.state === 'success'
}

/** The ref updates at the head of a receive-pack request (pkt-lines up to the first flush). */
export function parsePushCommands(
  body: Buffer,
  encoding: string | undefined
): {
  commands: PushCommand[]
  capabilities: string[]
} {
  const data = encoding === 'gzip' ? gunzipSync(body) : body
  const commands: PushCommand[] = []
  let capabilities: string[] = []
  for (let at = 0; at + 4 <= data.length;) {
    const length = Number.parseInt(data.subarray(at, at + 4).toString('latin1'), 16)
    if (!Number.isFinite(length) || length === 0) break
    let line = data.subarray(at + 4, at + length).toString('latin1')
    at += length
    const nul = line.indexOf('\0')
    if (nul >= 0) {
      capabilities = line
        .slice(nul + 1)
        .trim()
        .split(' ')
      line = line.slice(0, nul)
    }
    const [oldSha, newSha, ref] = line.trim().split(' ')
    if (oldSha && newSha && ref) commands.push({ oldSha, newSha, ref })
  }
  return { commands, capabilities }
}

const pkt = (payload: Buffer | string): Buffer => {
  const bytes = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload
  return Buffer.concat([Buffer.from((bytes.length + 4).toString(16).padStart(4, '0'), 'latin1'), bytes])
}
const FLUSH = Buffer.from('0000', 'latin1')

/**
 * GitHub's answer to a push a ruleset refuses: the `remote:` text on side band 2 and the
 * report-status (`unpack ok`, one `ng` per ref) on band 1, or plain when the client asked for no
 * side band. Wording as GitHub prints it (rules.ts: push-ruleset-violation).
 */
export function declinedPushResponse(
  commands: PushCommand[],
  refused: Map<string, Refusal>,
  capabilities: string[],
  rulesUrl: (ref: string) => string
): Buffer {
  const messages: string[] = []
  for (const [ref, { lines, classic }] of refused) {
    if (classic) {
      messages.push(`error: GH006: Protected branch update failed for ${ref}.`)
      for (const line of lines) messages.push(`error: ${line}`)
      continue
    }
    messages.push(`error: GH013: Repository rule violations found for ${ref}.`)
    messages.push(`Review all repository rules at ${rulesUrl(ref)}`)
    messages.push('')
    for (const line of lines) messages.push(`- ${line}`, '')
  }
  const classic = [...refused.values()].some(r => r.classic)
  const reason = classic
    ? 'protected branch hook declined'
    : 'push declined due to repository rule violations'
  const status = [
    pkt('unpack ok\n'),
    // The push is atomic here: when one ref breaks a rule, none of them lands.
    ...commands.map(c => pkt(`ng ${c.ref} ${reason}\n`)),
    FLUSH
  ]
  if (!capabilities.includes('side-band-64k') && !capabilities.includes('side-band')) {
    return Buffer.concat(status)
  }
  const band = (n: number, payload: Buffer): Buffer => pkt(Buffer.concat([Buffer.from([n]), payload]))
  return Buffer.concat([
    ...messages.map(line => band(2, Buffer.from(`${line}\n`, 'utf8'))),
    band(1, Buffer.concat(status)),
    FLUSH
  ])
}
