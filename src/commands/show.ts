/** show: the Python registry's get_model_info(). */
import type { ModelVersion } from '../domain/types.js'
import type { CommandContext } from './context.js'
import { resolve } from './resolve.js'

export async function showVersion(ctx: CommandContext, reference: string): Promise<ModelVersion> {
  return (await resolve(await ctx.backend.snapshot(), reference)).version
}
