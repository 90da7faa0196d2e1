/** Human output for import: one row per model, then what was rewritten, demoted and committed. */
import type { ImportOutcome } from '../../commands/import.js'
import { formatBytes } from '../../domain/time.js'
import { table } from '../table.js'

export function renderImport(outcome: ImportOutcome): string {
  const rows = outcome.models.map(m => [
    m.name,
    String(m.imported),
    String(m.skipped),
    Object.entries(m.stages)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([stage, count]) => `${stage} ${count}`)
      .join(', ')
  ])
  const lines = [
    table(
      [
        { header: 'MODEL' },
        { header: 'IMPORTED', align: 'right' },
        { header: 'SKIPPED', align: 'right' },
        { header: 'STAGES' }
      ],
      rows
    ),
    ''
  ]
  for (const d of outcome.demoted)
    lines.push(`${d.reference}: ${d.from} is kept by ${d.kept_by}, so it lands in ${d.to}`)
  const { version, model_id } = outcome.rewritten
  if (version + model_id > 0) {
    lines.push(`rewritten to fit: ${version} version string(s), ${model_id} model_id(s)`)
  }
  const verb = outcome.dry_run ? 'Dry run: would import' : 'Imported'
  const commits = outcome.commits.length
  lines.push(
    `${verb} ${outcome.imported} version(s) (${formatBytes(outcome.bytes)}, every SHA-256 verified) from ${outcome.directory}` +
      (outcome.skipped ? `; ${outcome.skipped} already imported` : '') +
      (outcome.dry_run
        ? '; nothing changed'
        : `; ${commits} commit${commits === 1 ? '' : 's'} of at most ${outcome.batch_size}`)
  )
  return lines.join('\n')
}
