/** Human output for edit and policy show/set. */
import type { EditOutcome } from '../../commands/edit.js'
import type { PolicySetOutcome } from '../../commands/policy.js'
import { formatReference } from '../../domain/references.js'

export function renderEdit(outcome: EditOutcome): string {
  const ref = formatReference(outcome.version)
  if (!outcome.changed) return `${ref} is already as asked; nothing changed`
  const what = [
    ...outcome.added_tags.map(t => `added tag ${t}`),
    ...outcome.removed_tags.map(t => `removed tag ${t}`),
    ...(outcome.notes_changed ? ['notes replaced'] : [])
  ]
  const tags = outcome.version.tags.length > 0 ? outcome.version.tags.join(', ') : 'none'
  return `Edited ${ref}: ${what.join(', ')}; tags now: ${tags}; commit ${outcome.commit.slice(0, 12)}`
}

export function renderPolicySet(outcome: PolicySetOutcome): string {
  const change = `${outcome.key}: ${JSON.stringify(outcome.before)} → ${JSON.stringify(outcome.after)}`
  if (!outcome.changed)
    return `registry.json already has ${outcome.key} = ${JSON.stringify(outcome.after)}; nothing changed`
  const pull = outcome.pull_request
  return pull
    ? `${pull.created ? 'Opened' : 'Updated'} pull request #${pull.number} (label registry-policy) to set ${change}\n${pull.url}`
    : `Set ${change}; commit ${outcome.commit.slice(0, 12)}`
}
