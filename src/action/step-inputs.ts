/**
 * The Action's inputs as a step needs them: required ones, the one reference, selection criteria,
 * the workspace paths, the stage. Refused here, so each message names the input, not a CLI flag.
 */
import { mkdir, stat } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import type { CommandContext } from '../commands/context.js'
import { loadMetricsInput } from '../commands/json-file.js'
import { invalidInput } from '../domain/errors.js'
import type { Criteria } from '../domain/selection.js'
import type { ActionInputs } from './inputs.js'

export function required(value: string | undefined, input: string, command: string): string {
  if (value === undefined) throw invalidInput(`input "${input}" is required for command "${command}"`)
  return value
}

export function onlyReference(inputs: ActionInputs, command: string): string {
  if (inputs.references.length !== 1)
    throw invalidInput(
      `input "reference" must name exactly one version for command "${command}", e.g. my-model@1.2.0`
    )
  return inputs.references[0] as string
}

export async function criteria(inputs: ActionInputs, workspace: string): Promise<Criteria> {
  const result: Criteria = {}
  if (inputs.name) result.name = inputs.name
  if (inputs.modelType) result.model_type = inputs.modelType
  if (inputs.stage) result.stage = inputs.stage
  if (inputs.tags.length) result.tags = inputs.tags
  const minMetrics = await loadMetricsInput(inputs.minMetrics, workspace, 'input "min-metrics"')
  if (minMetrics) result.min_metrics = minMetrics
  return result
}

/**
 * Where fetch writes, relative to the workspace: `dir/` (trailing slash) is a directory, made
 * when missing, that receives the file under its registry name; any other path is the file
 * itself, its directory made when missing (a workflow names where the next step expects it).
 */
export async function fetchDestination(path: string | undefined, workspace: string): Promise<string> {
  if (path === undefined) return workspace
  const absolute = resolve(workspace, path)
  const directory = /[\\/]$/.test(path)
  try {
    await mkdir(directory ? absolute : dirname(absolute), { recursive: true })
  } catch (error) {
    throw invalidInput(`input "path" is "${path}": cannot create its directory (${(error as Error).message})`)
  }
  return absolute
}

/** The model file or directory, relative to the workspace; refused here so the message names the input. */
export async function modelFile(path: string, workspace: string): Promise<string> {
  const absolute = resolve(workspace, path)
  let info
  try {
    info = await stat(absolute)
  } catch {
    throw invalidInput(`input "model-path" is "${path}": no such file in the workspace (${absolute})`)
  }
  // A directory is one version of many files (src/commands/directory.ts): one asset per file.
  if (info.isDirectory()) return absolute
  if (!info.isFile()) throw invalidInput(`input "model-path" is "${path}": not a regular file`)
  return absolute
}

/** The stage must be one of registry.json's (read before anything is written). */
export async function checkStage(ctx: CommandContext, stage: string | undefined): Promise<void> {
  if (stage === undefined) return
  const { policy } = await ctx.backend.snapshot()
  if (!policy.stages.includes(stage))
    throw invalidInput(`input "stage" is "${stage}": registry.json has ${policy.stages.join(', ')}`)
}
