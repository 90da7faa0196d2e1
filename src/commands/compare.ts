/** compare: the Python registry's compare_models(): metrics side by side, deltas against the first. */
import { compareModels } from '../domain/comparison.js'
import { invalidInput } from '../domain/errors.js'
import type { CompareOutcome } from '../domain/shapes.js'
import type { CommandContext } from './context.js'
import { resolve } from './resolve.js'

export type { CompareOutcome } from '../domain/shapes.js'

export async function compare(ctx: CommandContext, references: string[]): Promise<CompareOutcome> {
  if (references.length < 2)
    throw invalidInput(
      w => `compare needs at least two versions in ${w.field('reference')}, e.g. m@1.0.0 and m@1.1.0`,
      { field: 'reference', value: references.length, reason: 'fewer-than-two' }
    )
  const snapshot = await ctx.backend.snapshot()
  const versions = await Promise.all(
    references.map(async reference => (await resolve(snapshot, reference)).version)
  )
  return { versions, comparison: compareModels(versions, snapshot.policy) }
}
