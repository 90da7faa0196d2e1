/**
 * edit: change what stays mutable after registration — tags and notes — in one commit. Stage
 * fields have promote; everything else is fixed at registration, and the policy check
 * (src/domain/review.ts, MUTABLE_FIELDS) refuses changing it.
 */
import { invalidInput, refused } from '../domain/errors.js'
import { parseTag } from '../domain/names.js'
import { formatReference } from '../domain/references.js'
import type { ModelVersion } from '../domain/types.js'
import type { CommandContext } from './context.js'
import { layoutWrites } from './layout-writes.js'
import { resolve } from './resolve.js'
import { updateRegistry } from './update-registry.js'

export interface EditInput {
  reference: string
  addTags?: string[]
  removeTags?: string[]
  /** Replaces the notes; '' clears them. */
  notes?: string
}

export interface EditOutcome {
  version: ModelVersion
  /** False when the version already was as asked: nothing was committed. */
  changed: boolean
  /** The new commit, or the registry's tip when nothing changed. */
  commit: string
  added_tags: string[]
  removed_tags: string[]
  notes_changed: boolean
}

/** schemas/model-version.schema.json: notes maxLength. */
export const MAX_NOTES = 10000

export async function editVersion(ctx: CommandContext, input: EditInput): Promise<EditOutcome> {
  const add = (input.addTags ?? []).map(parseTag)
  const remove = (input.removeTags ?? []).map(parseTag)
  if (add.length === 0 && remove.length === 0 && input.notes === undefined) {
    throw invalidInput('nothing to edit: give --add-tag, --remove-tag or --notes', { field: 'edit' })
  }
  const both = add.filter(t => remove.includes(t))
  if (both.length > 0) {
    throw invalidInput(`tag "${both[0]}" is both added and removed: give it once`, { field: 'tags' })
  }
  if (input.notes !== undefined && input.notes.length > MAX_NOTES) {
    throw invalidInput(`notes are ${input.notes.length} characters: at most ${MAX_NOTES}`, { field: 'notes' })
  }

  const outcome = await updateRegistry(ctx, async snapshot => {
    const { version } = await resolve(snapshot, input.reference)
    const missing = remove.filter(t => !version.tags.includes(t))
    if (missing.length > 0) {
      const has = version.tags.length > 0 ? `its tags: ${version.tags.join(', ')}` : 'it has no tags'
      throw refused(`${formatReference(version)} has no tag "${missing[0]}" to remove (${has})`, {
        field: 'tags'
      })
    }
    const added = [...new Set(add)].filter(t => !version.tags.includes(t))
    const tags = [...version.tags.filter(t => !remove.includes(t)), ...added]
    const notes = input.notes ?? version.notes
    const facts = {
      added_tags: added,
      removed_tags: [...new Set(remove)],
      notes_changed: notes !== version.notes
    }
    if (added.length === 0 && remove.length === 0 && !facts.notes_changed) {
      return { change: null, result: { version, ...facts } }
    }
    const edited: ModelVersion = { ...version, tags, notes }
    const what = [
      ...added.map(t => `+${t}`),
      ...facts.removed_tags.map(t => `-${t}`),
      ...(facts.notes_changed ? ['notes'] : [])
    ]
    return {
      change: {
        subject: `edit ${version.name} ${version.version}: ${what.join(' ')}`,
        trailers: { 'Model-Id': version.model_id },
        files: await layoutWrites(snapshot, { upserts: [edited] })
      },
      result: { version: edited, ...facts }
    }
  })
  return { ...outcome.result, changed: outcome.changed, commit: outcome.commit }
}
