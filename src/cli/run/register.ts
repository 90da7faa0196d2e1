import { register, type RegisterInput } from '../../commands/register.js'
import { invalidInput } from '../../domain/errors.js'
import { parseBump } from '../../domain/versions.js'
import { metricsFromAssignments } from '../options.js'
import { renderRegistered } from '../render/versions.js'
import type { CliRuntime } from '../runtime.js'
import { either, jsonFrom, metricsFrom, tagsFrom } from '../vocabulary.js'

export async function run(
  cli: CliRuntime,
  fileArgument: string | undefined,
  o: Record<string, string | string[] | undefined>
): Promise<void> {
  const file = either({ file: fileArgument, modelPath: o.modelPath }, 'file', 'model-path')
  if (file === undefined) throw invalidInput('name the model file: mreg register FILE --type TYPE')
  const modelType = either(o, 'type', 'model-type')
  if (modelType === undefined)
    throw invalidInput("required option '--type <type>' not specified (or --model-type)", {
      field: 'type'
    })
  const input: RegisterInput = {
    file,
    modelType,
    name: o.name as string | undefined,
    version: o.version as string | undefined,
    bump: o.bump ? parseBump(o.bump as string) : undefined,
    metrics: await metricsFrom(o, metricsFromAssignments(o.metric as string[] | undefined)),
    config: await jsonFrom(o, 'config-file', 'config'),
    training: await jsonFrom(o, 'training-file', 'training-metadata'),
    tags: tagsFrom(o),
    notes: o.notes as string | undefined,
    parent: o.parent as string | undefined,
    datasetVersion: o.datasetVersion as string | undefined,
    stage: o.stage as string | undefined,
    mediaType: o.mediaType as string
  }
  cli.emit(await cli.firstWrite(ctx => register(ctx, input), true), renderRegistered)
}
