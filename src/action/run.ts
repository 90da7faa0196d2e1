/**
 * One Action step: the parsed inputs → the same command the CLI runs → outputs and a job
 * summary. Pure of @actions/core: main.ts writes what this returns.
 */
import { cleanup } from '../commands/cleanup.js'
import { compare } from '../commands/compare.js'
import type { CommandContext } from '../commands/context.js'
import { deleteVersion } from '../commands/delete.js'
import { doctor } from '../commands/doctor.js'
import { fetchModel } from '../commands/fetch.js'
import { history } from '../commands/history.js'
import { init } from '../commands/init.js'
import { readJsonObjectFile } from '../commands/json-file.js'
import { listVersions } from '../commands/list.js'
import { register } from '../commands/register.js'
import { rollback } from '../commands/rollback.js'
import { showVersion } from '../commands/show.js'
import { invalidInput, RegistryError } from '../domain/errors.js'
import { formatReference } from '../domain/references.js'
import type { Criteria } from '../domain/selection.js'
import { parseTime } from '../domain/time.js'
import type { ModelVersion } from '../domain/types.js'
import type { ActionInputs, JsonOrFile } from './inputs.js'
import {
  cleanupSummary,
  compareSummary,
  historySummary,
  jsonSummary,
  listSummary,
  versionSummary,
  type Links
} from './summary.js'

export interface StepResult {
  outputs: Record<string, string>
  summary: string
}

export async function runStep(
  inputs: ActionInputs,
  ctx: CommandContext,
  links: Links,
  workspace: string
): Promise<StepResult> {
  switch (inputs.command) {
    case 'init': {
      const outcome = await init(ctx, 'github-release')
      return {
        outputs: { json: JSON.stringify(outcome) },
        summary: `### Model registry ${outcome.created ? 'created' : 'already present'} on branch \`${links.branch}\``
      }
    }
    case 'register': {
      const version = await register(ctx, {
        file: required(inputs.modelPath, 'model-path', 'register'),
        modelType: required(inputs.modelType, 'model-type', 'register'),
        name: inputs.name,
        version: inputs.version,
        bump: inputs.bump,
        metrics: inputs.metrics,
        config: await jsonInput(inputs.config, 'config'),
        training: await jsonInput(inputs.trainingMetadata, 'training-metadata'),
        tags: inputs.tags,
        notes: inputs.notes,
        parent: inputs.parent,
        datasetVersion: inputs.datasetVersion,
        stage: inputs.stage
      })
      return versionStep(`✅ Registered ${formatReference(version)}`, version, links)
    }
    case 'fetch': {
      const reference = inputs.references[0]
      const outcome = await fetchModel(ctx, {
        reference,
        criteria: reference === undefined ? criteria(inputs) : undefined,
        out: inputs.path ?? workspace
      })
      const step = versionStep(`⬇️ Fetched ${formatReference(outcome.version)}`, outcome.version, links, [
        ['path', outcome.path]
      ])
      return {
        outputs: {
          ...step.outputs,
          path: outcome.path,
          json: JSON.stringify({ ...outcome.version, path: outcome.path })
        },
        summary: step.summary
      }
    }
    case 'show': {
      const version = await showVersion(ctx, onlyReference(inputs, 'show'))
      return versionStep(formatReference(version), version, links)
    }
    case 'list': {
      const versions = await listVersions(ctx, { criteria: criteria(inputs) })
      return {
        outputs: { json: JSON.stringify(versions), count: String(versions.length) },
        summary: listSummary(versions)
      }
    }
    case 'compare': {
      if (inputs.references.length < 2)
        throw invalidInput('input "reference" needs two or more versions for compare (one per line)')
      const outcome = await compare(ctx, inputs.references)
      return { outputs: { json: JSON.stringify(outcome) }, summary: compareSummary(outcome) }
    }
    case 'history': {
      const target = inputs.references[0] ?? required(inputs.name, 'reference or name', 'history')
      const outcome = await history(ctx, {
        target,
        at: inputs.at === undefined ? undefined : parseTime(inputs.at, ctx.now())
      })
      return { outputs: { json: JSON.stringify(outcome) }, summary: historySummary(outcome) }
    }
    case 'rollback': {
      const result = await rollback(ctx, {
        name: required(inputs.name, 'name', 'rollback'),
        stage: inputs.stage ?? 'production'
      })
      return versionStep(
        `↩️ Rolled back ${formatReference(result.version)} into ${result.to}`,
        result.version,
        links
      )
    }
    case 'delete': {
      const outcome = await deleteVersion(ctx, {
        reference: onlyReference(inputs, 'delete'),
        force: inputs.force
      })
      return versionStep(`🗑️ Deleted ${formatReference(outcome.version)}`, outcome.version, links)
    }
    case 'cleanup': {
      const outcome = await cleanup(ctx, {
        keepLast: inputs.keepLast,
        minAgeDays: inputs.minAgeDays,
        dryRun: inputs.dryRun
      })
      return {
        outputs: {
          json: JSON.stringify(outcome),
          'deleted-count': String(outcome.deleted_count),
          'freed-bytes': String(outcome.freed_bytes)
        },
        summary: cleanupSummary(outcome)
      }
    }
    case 'doctor': {
      const outcome = await doctor(ctx)
      if (!outcome.healthy) {
        throw new RegistryError(
          'integrity',
          `registry has ${outcome.findings.filter(f => f.severity === 'problem').length} problem(s): ${outcome.findings[0]?.message}`
        )
      }
      return { outputs: { json: JSON.stringify(outcome) }, summary: jsonSummary('Registry check', outcome) }
    }
    case 'promote':
    case 'check':
    case 'apply':
      throw new RegistryError(
        'refused',
        `command "${inputs.command}" is not available in the Action yet: pull-request promotion is still being built; use the mreg CLI locally`
      )
  }
}

function versionStep(
  title: string,
  version: ModelVersion,
  links: Links,
  extra: [string, string][] = []
): StepResult {
  return {
    outputs: {
      'model-id': version.model_id,
      version: version.version,
      sha256: version.checksum,
      stage: version.deployment_stage,
      'release-url': version.artifact.release?.url ?? '',
      'asset-url': version.artifact.store === 'github-release' ? version.file_path : '',
      json: JSON.stringify(version)
    },
    summary: versionSummary(title, version, links, extra)
  }
}

function required(value: string | undefined, input: string, command: string): string {
  if (value === undefined) throw invalidInput(`input "${input}" is required for command "${command}"`)
  return value
}

function onlyReference(inputs: ActionInputs, command: string): string {
  if (inputs.references.length !== 1)
    throw invalidInput(
      `input "reference" must name exactly one version for command "${command}", e.g. my-model@1.2.0`
    )
  return inputs.references[0] as string
}

function criteria(inputs: ActionInputs): Criteria {
  const result: Criteria = {}
  if (inputs.name) result.name = inputs.name
  if (inputs.modelType) result.model_type = inputs.modelType
  if (inputs.stage) result.stage = inputs.stage
  if (inputs.tags.length) result.tags = inputs.tags
  if (inputs.minMetrics) result.min_metrics = inputs.minMetrics
  return result
}

async function jsonInput(
  value: JsonOrFile | undefined,
  input: string
): Promise<Record<string, unknown> | undefined> {
  if (value === undefined) return undefined
  return 'json' in value ? value.json : readJsonObjectFile(value.file, `input "${input}" file`)
}
