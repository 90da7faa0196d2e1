/** Human output for compare: one column per version, deltas against the first. */
import type { CompareOutcome } from '../../commands/compare.js'
import { describeBest, describeMetric } from '../../domain/comparison.js'
import { formatReference } from '../../domain/references.js'
import { formatNumber, formatSigned, table } from '../table.js'

export function renderComparison({ versions, comparison }: CompareOutcome): string {
  const columns = [
    { header: 'METRIC' },
    ...versions.map(v => ({ header: formatReference(v), align: 'right' as const })),
    { header: 'BEST' }
  ]
  const refs = versions.map(formatReference)
  const rows = comparison.metrics.map(row => [
    describeMetric(row),
    ...row.values.map((value, i) => {
      if (value === null) return '—'
      const delta = row.deltas[i]
      const relative = row.relative[i]
      if (i === 0 || delta === null || delta === undefined) return formatNumber(value)
      const percent =
        relative === null || relative === undefined
          ? ''
          : ` ${formatSigned(Number((relative * 100).toFixed(1)))}%`
      return `${formatNumber(value)} (${formatSigned(delta)}${percent})`
    }),
    describeBest(row, refs)
  ])
  const stages = versions.map(
    v => `${formatReference(v)}: ${v.deployment_stage}, registered ${v.registered_at}`
  )
  return [table(columns, rows), '', ...stages].join('\n')
}
