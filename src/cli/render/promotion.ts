/** Human output for promote and rollback. */
import type { PromoteResult } from '../../commands/promote.js'
import { isRollbackVia } from '../../domain/gates.js'
import { formatReference } from '../../domain/references.js'
import { table } from '../table.js'

export function renderPromotion(result: PromoteResult): string {
  const verb = isRollbackVia(result.version.stage_history.at(-1)?.via) ? 'Rolled back' : 'Promoted'
  const pull = result.pull_request
  const lines = pull
    ? [
        `${pull.created ? 'Opened' : 'Updated'} pull request #${pull.number} to move ${formatReference(result.version)}: ${result.from} → ${result.to}`,
        pull.url
      ]
    : [`${verb} ${formatReference(result.version)}: ${result.from} → ${result.to}`]
  for (const demoted of result.demoted) {
    lines.push(
      `${pull ? 'Would demote' : 'Demoted'} ${formatReference(demoted)}: ${result.to} → ${demoted.deployment_stage}`
    )
  }
  if (result.gates.length > 0) {
    lines.push(
      '',
      table(
        [{ header: 'GATE' }, { header: 'RESULT' }, { header: 'DETAIL' }],
        result.gates.map(g => [g.gate, g.status, g.message])
      )
    )
  }
  if (pull) {
    lines.push('', `proposal ${result.commit.slice(0, 12)} on ${pull.branch}`)
    if (result.status)
      lines.push(`status ${result.status.context}: ${result.status.state} — ${result.status.description}`)
  } else {
    lines.push('', `commit ${result.commit.slice(0, 12)}`)
  }
  return lines.join('\n')
}
