/** Job summaries as Markdown (pure): what each command did, with links to the release and the branch. */
import type { ApplyOutcome } from '../commands/apply.js'
import type { CheckOutcome } from '../commands/check.js'
import type { CleanupOutcome } from '../commands/cleanup.js'
import type { CompareOutcome } from '../commands/compare.js'
import type { HistoryOutcome } from '../commands/history.js'
import { describeBest, describeMetric } from '../domain/comparison.js'
import { formatReference } from '../domain/references.js'
import { formatBytes } from '../domain/time.js'
import type { ModelVersion } from '../domain/types.js'
import { byKey } from '../domain/ordering.js'

export interface Links {
  /** e.g. https://github.com/acme/meters */
  repositoryUrl: string
  branch: string
}

const escape = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')

export function markdownTable(headers: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(escape).join(' | ')} |`
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n')
}

export function versionSummary(
  title: string,
  v: ModelVersion,
  links: Links,
  extra: [string, string][] = []
): string {
  const metadataUrl = `${links.repositoryUrl}/blob/${links.branch}/${v.metadata_path}`
  const rows: [string, string][] = [
    ['reference', `\`${formatReference(v)}\``],
    ['model_id', `\`${v.model_id}\``],
    ['stage', v.deployment_stage],
    ['sha256', `\`${v.checksum}\``],
    ['size', formatBytes(v.artifact.size)],
    ['metadata', `[${v.metadata_path}](${metadataUrl})`]
  ]
  if (v.artifact.release?.url)
    rows.push(['release', `[${v.artifact.release.tag}](${v.artifact.release.url})`])
  if (v.artifact.compression === 'gzip')
    rows.push([
      'file',
      `${v.artifact.file_name} (stored gzip-compressed; \`fetch\` restores and verifies it)`
    ])
  else if (v.artifact.store === 'github-release')
    rows.push(['asset', `[${v.artifact.file_name}](${v.file_path})`])
  if (v.tags.length) rows.push(['tags', v.tags.join(', ')])
  if (v.parent_model_id) rows.push(['parent', v.parent_model_id])
  if (v.source.commit) rows.push(['source commit', `${links.repositoryUrl}/commit/${v.source.commit}`])
  rows.push(...extra)
  const sections = [`### ${title}`, markdownTable(['field', 'value'], rows)]
  const metrics = Object.entries(v.performance_metrics).sort(byKey)
  if (metrics.length)
    sections.push(
      markdownTable(
        ['metric', 'value'],
        metrics.map(([k, n]) => [k, String(n)])
      )
    )
  return sections.join('\n\n')
}

export function listSummary(versions: ModelVersion[]): string {
  if (versions.length === 0) return '### No model versions match'
  return [
    `### ${versions.length} model version${versions.length === 1 ? '' : 's'}`,
    markdownTable(
      ['reference', 'stage', 'registered', 'metrics', 'tags'],
      versions.map(v => [
        formatReference(v),
        v.deployment_stage,
        v.registered_at,
        Object.entries(v.performance_metrics)
          .map(([k, n]) => `${k}=${n}`)
          .join(' '),
        v.tags.join(', ')
      ])
    )
  ].join('\n\n')
}

export function compareSummary({ versions, comparison }: CompareOutcome): string {
  const headers = ['metric', ...versions.map(formatReference), 'best']
  const refs = versions.map(formatReference)
  const rows = comparison.metrics.map(row => [
    describeMetric(row),
    ...row.values.map((value, i) => {
      if (value === null) return '—'
      const delta = row.deltas[i]
      return i === 0 || delta === null || delta === undefined
        ? String(value)
        : `${value} (${delta >= 0 ? '+' : ''}${Number(delta.toPrecision(4))})`
    }),
    describeBest(row, refs)
  ])
  return [`### Comparison`, markdownTable(headers, rows)].join('\n\n')
}

export function historySummary(outcome: HistoryOutcome): string {
  const title = outcome.version === null ? outcome.name : `${outcome.name}@${outcome.version}`
  const sections = [`### History of ${title}`]
  if (outcome.at) {
    sections.push(
      `At ${outcome.at.time}:`,
      markdownTable(
        ['stage', 'versions'],
        Object.entries(outcome.at.holders).map(([stage, held]) => [stage, held.join(', ')])
      )
    )
  }
  sections.push(
    markdownTable(
      ['when', 'who', 'what', 'commit'],
      outcome.events.map(e => [e.at, e.author, e.subject, e.commit.slice(0, 12)])
    )
  )
  return sections.join('\n\n')
}

export function cleanupSummary(outcome: CleanupOutcome): string {
  const verb = outcome.dry_run ? 'would delete' : outcome.mode === 'remove' ? 'removed' : 'archived'
  return [
    `### Cleanup${outcome.dry_run ? ' (dry run)' : ''}: ${verb} ${outcome.deleted_count}, ${outcome.dry_run ? 'would free' : 'freed'} ${formatBytes(outcome.freed_bytes)}`,
    markdownTable(
      ['version', 'stage', 'action', 'reason', 'size'],
      outcome.decisions.map(d => [d.reference, d.stage, d.action, d.reason, formatBytes(d.bytes)])
    )
  ].join('\n\n')
}

export function jsonSummary(title: string, value: unknown): string {
  return `### ${title}\n\n\`\`\`json\n${JSON.stringify(value, null, 2)}\n\`\`\``
}

export function checkSummary(outcome: CheckOutcome): string {
  const icon = outcome.status.state === 'success' ? '✅' : outcome.status.state === 'pending' ? '⏳' : '❌'
  const sections = [`### ${icon} Registry policy: ${outcome.status.state} — ${outcome.status.description}`]
  if (outcome.changes.length) {
    sections.push(
      markdownTable(
        ['version', 'from', 'to'],
        outcome.changes.map(c => [`${c.name}@${c.version}`, c.from ?? '—', c.to ?? '—'])
      )
    )
  }
  if (outcome.findings.length) {
    sections.push(
      markdownTable(
        ['severity', 'subject', 'finding'],
        outcome.findings.map(f => [f.severity, f.subject, f.message])
      )
    )
  }
  if (outcome.approvals)
    sections.push(`Approvals: ${outcome.approvals.length ? outcome.approvals.join(', ') : 'none'}`)
  return sections.join('\n\n')
}

export function applySummary(outcome: ApplyOutcome): string {
  const sections = [
    `### Registry push: ${outcome.changes.length} stage change${outcome.changes.length === 1 ? '' : 's'}`
  ]
  if (outcome.changes.length) {
    sections.push(
      markdownTable(
        ['version', 'model_id', 'from', 'to', 'commit'],
        outcome.changes.map(c => [
          `${c.name}@${c.version}`,
          c.model_id,
          c.from ?? '—',
          c.to,
          c.commit.slice(0, 12)
        ])
      )
    )
  }
  if (outcome.unreviewed.length) {
    sections.push(
      `⚠️ Not through a merged pull request:`,
      markdownTable(
        ['version', 'from', 'to', 'commit', 'why'],
        outcome.unreviewed.map(u => [
          `${u.name}@${u.version}`,
          u.from ?? '—',
          u.to,
          u.commit.slice(0, 12),
          u.reason
        ])
      )
    )
  }
  return sections.join('\n\n')
}
