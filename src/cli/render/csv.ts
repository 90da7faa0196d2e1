/**
 * CSV for spreadsheets and data frames (the Python registry's list_models() returned a DataFrame):
 * one row per version, one column per metric, RFC 4180 quoting.
 */
import type { ModelVersion } from '../../domain/types.js'
import { safeLine } from '../terminal.js'

const FIXED = [
  'model_id',
  'name',
  'model_type',
  'version',
  'deployment_stage',
  'registered_at',
  'deployed_at',
  'checksum',
  'size',
  'tags',
  'parent_model_id',
  'dataset_version',
  'notes'
] as const

export function versionsCsv(versions: ModelVersion[]): string {
  const metrics = [...new Set(versions.flatMap(v => Object.keys(v.performance_metrics)))].sort()
  return [csvHeader(metrics), ...versions.map(v => csvRow(v, metrics))].join('\n')
}

/** The header line: the fixed columns, then one per metric name. */
export function csvHeader(metrics: string[]): string {
  return [...FIXED, ...metrics].map(quote).join(',')
}

/** One version's line, its metrics in the header's columns (empty where it records none). */
export function csvRow(v: ModelVersion, metrics: string[]): string {
  return [
    v.model_id,
    v.name,
    v.model_type,
    v.version,
    v.deployment_stage,
    v.registered_at,
    v.deployed_at ?? '',
    v.checksum,
    String(v.artifact.size),
    v.tags.join(' '),
    v.parent_model_id ?? '',
    v.dataset_version ?? '',
    v.notes,
    ...metrics.map(m => (v.performance_metrics[m] === undefined ? '' : String(v.performance_metrics[m])))
  ]
    .map(quote)
    .join(',')
}

/**
 * A cell that is a number stays as it is. Any other cell loses what a terminal or a spreadsheet
 * would act on: control characters, line breaks included, become visible escapes (`\x1b`, `\n`),
 * so every version is exactly one line; and a cell starting with `=`, `+`, `-`, `@` or a tab —
 * a formula to Excel, LibreOffice and Google Sheets — gets a leading `'` (OWASP's advice against
 * CSV injection). Then RFC 4180 quoting for commas and quotes.
 */
function quote(raw: string): string {
  const cell = isNumber(raw) ? raw : neutralise(raw)
  return /[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell
}

function isNumber(cell: string): boolean {
  return cell.trim() !== '' && Number.isFinite(Number(cell))
}

function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${safeLine(cell)}` : safeLine(cell)
}
