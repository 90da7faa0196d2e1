/** Human output for history: commits, the stage timeline, and the state at a given time. */
import type { HistoryOutcome } from '../../commands/history.js'
import { table } from '../table.js'

export function renderHistory(outcome: HistoryOutcome): string {
  const title = outcome.version === null ? outcome.name : `${outcome.name}@${outcome.version}`
  const sections: string[] = []
  if (outcome.at) {
    const holders = Object.entries(outcome.at.holders)
    sections.push(
      holders.length === 0
        ? `At ${outcome.at.time}: no version of ${title} held any stage`
        : `At ${outcome.at.time} (commit ${outcome.at.commit?.slice(0, 12)}):\n` +
            table(
              [{ header: 'STAGE' }, { header: 'VERSIONS' }],
              holders.map(([stage, versions]) => [stage, versions.join(', ')])
            )
    )
  }
  sections.push(
    `Stages of ${title}:\n` +
      table(
        [
          { header: 'VERSION' },
          { header: 'STAGE' },
          { header: 'FROM' },
          { header: 'UNTIL' },
          { header: 'BY' },
          { header: 'VIA' }
        ],
        outcome.stages.map(s => [s.version, s.stage, s.from, s.until ?? 'now', s.by, s.via])
      )
  )
  sections.push(
    `Commits:\n` +
      table(
        [{ header: 'WHEN' }, { header: 'WHO' }, { header: 'COMMIT' }, { header: 'WHAT' }],
        outcome.events.map(e => [e.at, e.author, e.commit.slice(0, 12), e.subject])
      )
  )
  return sections.join('\n\n')
}
