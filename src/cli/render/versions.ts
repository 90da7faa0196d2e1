/** Human output for single versions and lists of them. */
import type { FetchOutcome } from '../../commands/fetch.js'
import { formatReference } from '../../domain/references.js'
import { formatBytes, relativeTime } from '../../domain/time.js'
import type { ModelVersion } from '../../domain/types.js'
import { columnWidths, fields, formatNumber, safeCells, TABLE_PAGE, table, tableLine } from '../table.js'
import { byKey } from '../../domain/ordering.js'

export function metricsSummary(metrics: Record<string, number>): string {
  return Object.entries(metrics)
    .sort(byKey)
    .map(([k, v]) => `${k}=${formatNumber(v)}`)
    .join(' ')
}

const LIST_COLUMNS = [
  { header: 'NAME' },
  { header: 'VERSION' },
  { header: 'STAGE' },
  { header: 'REGISTERED' },
  { header: 'SIZE', align: 'right' as const },
  { header: 'METRICS' },
  { header: 'TAGS' }
]

const NO_MATCH = "No model versions match. Register one with 'mreg register FILE --type TYPE'."

function listCells(v: ModelVersion, now: Date): string[] {
  return [
    v.name,
    v.version,
    v.deployment_stage,
    relativeTime(v.registered_at, now),
    formatBytes(v.artifact.size),
    metricsSummary(v.performance_metrics),
    v.tags.join(',')
  ]
}

const countLine = (n: number) => `${n} version${n === 1 ? '' : 's'}`

export function renderList(versions: ModelVersion[], now: Date): string {
  if (versions.length === 0) return NO_MATCH
  return `${table(
    LIST_COLUMNS,
    versions.map(v => listCells(v, now))
  )}\n${countLine(versions.length)}`
}

/**
 * The list table as the versions arrive: the first TABLE_PAGE rows set the column widths (a
 * list that short prints exactly as renderList), each later row is written as it comes.
 * `write` resolves when the output has taken the text (so a slow reader bounds memory).
 */
export async function writeList(
  versions: AsyncIterable<ModelVersion>,
  now: Date,
  write: (text: string) => Promise<void>
): Promise<number> {
  const page: string[][] = []
  let widths: number[] | null = null
  let count = 0
  for await (const v of versions) {
    count++
    const cells = safeCells(listCells(v, now))
    if (widths) {
      await write(tableLine(LIST_COLUMNS, widths, cells) + '\n')
      continue
    }
    page.push(cells)
    if (page.length < TABLE_PAGE) continue
    const fitted = columnWidths(LIST_COLUMNS, page)
    const header = LIST_COLUMNS.map(c => c.header)
    await write([header, ...page].map(row => tableLine(LIST_COLUMNS, fitted, row) + '\n').join(''))
    widths = fitted
    page.length = 0
  }
  if (count === 0) await write(NO_MATCH + '\n')
  else if (!widths) await write(table(LIST_COLUMNS, page) + '\n')
  if (count > 0) await write(countLine(count) + '\n')
  return count
}

export function renderVersion(v: ModelVersion, now: Date): string {
  const entries: [string, string][] = [
    ['reference', formatReference(v)],
    ['model_id', v.model_id],
    ['model_type', v.model_type],
    ['stage', v.deployment_stage + (v.deployed_at ? ` (since ${relativeTime(v.deployed_at, now)})` : '')],
    ['registered', `${v.registered_at} (${relativeTime(v.registered_at, now)})`],
    ['created', v.created_at],
    ['checksum', `sha256:${v.checksum}`],
    ['size', formatBytes(v.artifact.size)],
    ['file', v.file_path + (v.artifact.deleted ? ' (deleted by retention)' : compressedNote(v))],
    ['metadata', v.metadata_path]
  ]
  if (v.tags.length) entries.push(['tags', v.tags.join(', ')])
  if (v.notes) entries.push(['notes', v.notes])
  if (v.parent_model_id) entries.push(['parent', v.parent_model_id])
  if (v.dataset_version) entries.push(['dataset', v.dataset_version])
  if (v.source.repository || v.source.commit) {
    entries.push([
      'source',
      [
        v.source.repository,
        v.source.commit?.slice(0, 12),
        v.source.dirty ? '(working tree dirty)' : '',
        v.source.workflow_run
      ]
        .filter(Boolean)
        .join(' ')
    ])
  }
  if (v.archived_at) entries.push(['archived', `${v.archived_at}${v.reason ? ` — ${v.reason}` : ''}`])
  const sections = [fields(entries)]
  const metrics = Object.entries(v.performance_metrics).sort(byKey)
  if (metrics.length) {
    sections.push(
      table(
        [{ header: 'METRIC' }, { header: 'VALUE', align: 'right' }],
        metrics.map(([k, n]) => [k, formatNumber(n)])
      )
    )
  }
  for (const [title, object] of [
    ['config', v.model_config],
    ['training', v.training_metadata]
  ] as const) {
    if (Object.keys(object).length) sections.push(`${title}: ${JSON.stringify(object)}`)
  }
  sections.push(
    table(
      [{ header: 'STAGE' }, { header: 'AT' }, { header: 'BY' }, { header: 'VIA' }],
      v.stage_history.map(e => [e.stage, e.at, e.by, e.via])
    )
  )
  return sections.join('\n\n')
}

/** A compressed artifact has no model file in the store: say where the model file comes from. */
function compressedNote(v: ModelVersion): string {
  return v.artifact.compression === 'gzip' ? " (stored gzip-compressed; 'mreg fetch' restores it)" : ''
}

export function renderRegistered(v: ModelVersion): string {
  return [
    `Registered ${formatReference(v)} in ${v.deployment_stage}`,
    fields([
      ['model_id', v.model_id],
      ['sha256', v.checksum],
      ['size', formatBytes(v.artifact.size)],
      ['stored', v.file_path + compressedNote(v)],
      ['metrics', metricsSummary(v.performance_metrics) || '(none)']
    ])
  ].join('\n')
}

export function renderFetched(outcome: FetchOutcome): string {
  const v = outcome.version
  return `Fetched ${formatReference(v)} (${v.deployment_stage}) → ${outcome.path}\nsha256 ${v.checksum} verified, ${formatBytes(v.artifact.size)}`
}
