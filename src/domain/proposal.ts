/**
 * A promotion proposed as a pull request: its branch, title and body. The body is what a reviewer
 * decides on, so it compares the candidate with the version it would replace (metrics with
 * deltas), lists the gates and where they stand, and shows the artifact's checksum, the lineage
 * and the exact commit message that would land.
 */
import { compareModels } from './comparison.js'
import type { GateResult } from './gates.js'
import { formatReference } from './references.js'
import type { ModelVersion } from './types.js'
import { byKey } from './ordering.js'

export type ProposalVerb = 'promote' | 'rollback'

/**
 * `mreg/promote/<name>/<version>-to-<stage>`: one proposal per version and target, so running
 * promote again updates it instead of opening another. `+` (semver build metadata) is not
 * allowed in our branch names and becomes `_`, which semver never uses.
 */
export function proposalBranch(name: string, version: string, stage: string): string {
  return `mreg/promote/${name}/${version.replace(/\+/g, '_')}-to-${stage}`
}

export function proposalTitle(
  verb: ProposalVerb,
  name: string,
  version: string,
  from: string,
  to: string
): string {
  return `${verb} ${name} ${version}: ${from} → ${to}`
}

export interface ProposalFacts {
  verb: ProposalVerb
  /** The candidate as it is now (before the move). */
  candidate: ModelVersion
  from: string
  to: string
  /** Versions holding the target stage now, newest registration first. */
  holders: ModelVersion[]
  /** Versions the move would demote (exclusive stages), as they would be after it. */
  demoted: ModelVersion[]
  gates: GateResult[]
  /** The commit message the proposal's commit carries, subject and trailers included. */
  commitMessage: string
}

const num = (n: number): string => String(Number(n.toPrecision(6)))
const signed = (n: number): string => (n > 0 ? `+${num(n)}` : n < 0 ? `−${num(-n)}` : '±0')
const code = (text: string): string => `\`${text.replace(/`/g, "'")}\``

/** A table cell: pipes and line breaks would break the row. */
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ')

function metricsSection(candidate: ModelVersion, holder: ModelVersion | undefined): string[] {
  if (!holder) {
    const rows = Object.entries(candidate.performance_metrics)
      .sort(byKey)
      .map(([metric, value]) => `| ${cell(metric)} | ${num(value)} |`)
    return [
      '### Metrics',
      '',
      'Nothing holds the stage now: there is no current version to compare with.',
      '',
      ...(rows.length > 0
        ? ['| metric | candidate |', '| --- | ---: |', ...rows]
        : ['The candidate has no recorded metrics.'])
    ]
  }
  const comparison = compareModels([holder, candidate])
  const rows = comparison.metrics.map(row => {
    const [was, now] = row.values
    const delta = row.deltas[1]
    const relative = row.relative[1]
    const change =
      delta === null || delta === undefined
        ? '—'
        : `${signed(delta)}${relative === null || relative === undefined ? '' : ` (${signed(relative * 100)} %)`}`
    const show = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : num(v))
    return `| ${cell(row.metric)} | ${show(was)} | ${show(now)} | ${change} |`
  })
  return [
    `### Metrics: candidate vs current ${formatReference(holder)}`,
    '',
    ...(rows.length > 0
      ? [
          `| metric | ${cell(holder.version)} (now) | ${cell(candidate.version)} (candidate) | Δ |`,
          '| --- | ---: | ---: | ---: |',
          ...rows
        ]
      : ['Neither version has recorded metrics.'])
  ]
}

function gateStatus(result: GateResult): string {
  if (result.status === 'pass') return '✅ pass'
  if (result.status === 'not-applicable') return '➖ not applicable'
  if (result.status === 'exempt') return '⏭️ exempt (rollback)'
  return result.gate === 'min_approvals' ? '⏳ waiting for review' : '❌ fail'
}

export function proposalBody(facts: ProposalFacts): string {
  const { candidate, from, to } = facts
  const ref = formatReference(candidate)
  const action =
    facts.verb === 'rollback'
      ? `Rolls **${ref}** back from ${code(from)} into ${code(to)}, which it held before.`
      : `Promotes **${ref}** from ${code(from)} to ${code(to)}.`
  const lines = [action, '']
  for (const d of facts.demoted) {
    lines.push(
      `Demotes **${formatReference(d)}** from ${code(to)} to ${code(d.deployment_stage)} (${code(to)} is exclusive).`,
      ''
    )
  }
  const others = facts.holders.slice(1).map(formatReference)
  lines.push(...metricsSection(candidate, facts.holders[0]))
  if (others.length > 0) lines.push('', `Also in ${code(to)}: ${others.join(', ')}.`)
  lines.push('', `### Gates for ${code(to)}`, '')
  if (facts.gates.some(g => g.status === 'exempt')) {
    lines.push(
      `A rollback is exempt from \`must_beat\`: ${ref} held ${code(to)} before (its \`stage_history\` shows it, and the policy check verifies that), so it need not beat the version it replaces. Every other gate applies.`,
      ''
    )
  }
  if (facts.gates.length === 0) lines.push(`${code(to)} has no gates.`)
  else {
    lines.push('| gate | status | detail |', '| --- | --- | --- |')
    for (const g of facts.gates) lines.push(`| ${cell(g.gate)} | ${gateStatus(g)} | ${cell(g.message)} |`)
  }
  const artifact = candidate.artifact
  lines.push(
    '',
    '### Artifact',
    '',
    `- model_id: ${code(candidate.model_id)}`,
    `- SHA-256: ${code(candidate.checksum)}`,
    `- file: ${code(artifact.file_name)} (${artifact.size} bytes, ${artifact.store})`
  )
  if (artifact.release?.url) lines.push(`- release: ${artifact.release.url}`)
  lines.push(
    '',
    '### Lineage',
    '',
    `- parent_model_id: ${candidate.parent_model_id ? code(candidate.parent_model_id) : 'none'}`,
    `- dataset_version: ${candidate.dataset_version ? code(candidate.dataset_version) : 'none'}`
  )
  if (candidate.source.commit) lines.push(`- trained at commit: ${code(candidate.source.commit)}`)
  if (candidate.source.workflow_run) lines.push(`- training run: ${candidate.source.workflow_run}`)
  lines.push(
    '',
    '### Commit',
    '',
    '```',
    facts.commitMessage.trimEnd().replace(/```/g, "'''"),
    '```',
    '',
    '<sub>Opened by mreg. The `model-registry/policy` status is the policy check; merging applies the change.</sub>'
  )
  return lines.join('\n') + '\n'
}
