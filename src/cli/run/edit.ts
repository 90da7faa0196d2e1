import { editVersion } from '../../commands/edit.js'
import { renderEdit } from '../render/edits.js'
import type { CliRuntime } from '../runtime.js'

export async function run(
  cli: CliRuntime,
  reference: string,
  o: { addTag?: string[]; removeTag?: string[]; notes?: string }
): Promise<void> {
  const outcome = await editVersion(await cli.context(), {
    reference,
    addTags: o.addTag,
    removeTags: o.removeTag,
    notes: o.notes
  })
  cli.emit(outcome, renderEdit)
}
