/**
 * One Action step: the parsed inputs → the same command the CLI runs → outputs and a job
 * summary. Pure of @actions/core: main.ts writes what this returns.
 */
import { cleanup } from '../commands/cleanup.js'
import { compare } from '../commands/compare.js'
import type { CommandContext } from '../commands/context.js'
import { deleteVersion } from '../commands/delete.js'
import { doctor } from '../commands/doctor.js'
import { editVersion } from '../commands/edit.js'
import { migrate } from '../commands/migrate.js'
import { fetchModel } from '../commands/fetch.js'
import { history } from '../commands/history.js'
import { init, initialisingOnFirstWrite } from '../commands/init.js'
import { loadJsonInput, loadMetricsInput } from '../commands/json-file.js'
import { listVersions } from '../commands/list.js'
import { register } from '../commands/register.js'
import { rollback } from '../commands/rollback.js'
import { apply } from '../commands/apply.js'
import { check } from '../commands/check.js'
import { promote, type PromoteResult } from '../commands/promote.js'
import { showVersion } from '../commands/show.js'
import { invalidInput, RegistryError } from '../domain/errors.js'
import { isRollbackVia } from '../domain/gates.js'
import { formatReference } from '../domain/references.js'
import { parseTime } from '../domain/time.js'
import type { ModelVersion } from '../domain/types.js'
import type { ActionInputs } from './inputs.js'
import { checkStage, criteria, fetchDestination, modelFile, onlyReference, required } from './step-inputs.js'
import {
  applySummary,
  checkSummary,
  cleanupSummary,
  compareSummary,
  historySummary,
  jsonSummary,
  listSummary,
  versionSummary,
  type Links
} from './summary.js'

export interface Annotation {
  level: 'error' | 'warning' | 'notice'
  message: string
  file?: string
}

export interface StepResult {
  outputs: Record<string, string>
  summary: string
  /** Shown on the run and, with `file`, on the pull request's files. */
  annotations?: Annotation[]
  /** A one-line reason to fail the step after its outputs and summary were written. */
  failure?: string
}

/** The parts of the workflow event (GITHUB_EVENT_PATH) that check and apply read. */
export interface WorkflowEvent {
  name: string
  payload: {
    pull_request?: { number: number; base: { sha: string; ref: string }; head: { sha: string; ref: string } }
    before?: string
    after?: string
    ref?: string
  }
}

export async function runStep(
  inputs: ActionInputs,
  ctx: CommandContext,
  links: Links,
  workspace: string,
  event: WorkflowEvent = { name: '', payload: {} }
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
      const file = await modelFile(required(inputs.modelPath, 'model-path', 'register'), workspace)
      const modelType = required(inputs.modelType, 'model-type', 'register')
      const metrics = await loadMetricsInput(inputs.metrics, workspace, 'input "metrics"')
      const config = await loadJsonInput(inputs.config, workspace, 'input "config"')
      const training = await loadJsonInput(inputs.trainingMetadata, workspace, 'input "training-metadata"')
      const version = await initialisingOnFirstWrite(ctx, 'github-release', async () => {
        await checkStage(ctx, inputs.stage)
        return register(ctx, {
          file,
          modelType,
          name: inputs.name,
          version: inputs.version,
          bump: inputs.bump,
          metrics,
          config,
          training,
          tags: inputs.tags,
          notes: inputs.notes,
          parent: inputs.parent,
          datasetVersion: inputs.datasetVersion,
          stage: inputs.stage
        })
      })
      return versionStep(`✅ Registered ${formatReference(version)}`, version, links)
    }
    case 'fetch': {
      if (inputs.references.length > 1) onlyReference(inputs, 'fetch')
      const reference = inputs.references[0]
      if (reference === undefined) await checkStage(ctx, inputs.stage)
      const outcome = await fetchModel(ctx, {
        reference,
        criteria: reference === undefined ? await criteria(inputs, workspace) : undefined,
        out: await fetchDestination(inputs.path, workspace)
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
      await checkStage(ctx, inputs.stage)
      const versions = await listVersions(ctx, { criteria: await criteria(inputs, workspace) })
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
      if (inputs.references.length > 1) onlyReference(inputs, 'history')
      const target = inputs.references[0] ?? required(inputs.name, 'reference or name', 'history')
      const outcome = await history(ctx, {
        target,
        at: inputs.at === undefined ? undefined : parseTime(inputs.at, ctx.now())
      })
      return { outputs: { json: JSON.stringify(outcome) }, summary: historySummary(outcome) }
    }
    case 'rollback': {
      await checkStage(ctx, inputs.stage)
      const result = await rollback(ctx, {
        name: required(inputs.name, 'name', 'rollback'),
        stage: inputs.stage ?? 'production'
      })
      return promotionStep(result, links)
    }
    case 'edit': {
      if (inputs.addTags.length === 0 && inputs.removeTags.length === 0 && inputs.notes === undefined)
        throw invalidInput('command "edit" needs input "add-tags", "remove-tags" or "notes"')
      const outcome = await editVersion(ctx, {
        reference: onlyReference(inputs, 'edit'),
        addTags: inputs.addTags,
        removeTags: inputs.removeTags,
        notes: inputs.notes
      })
      const title = outcome.changed
        ? `✏️ Edited ${formatReference(outcome.version)}`
        : `${formatReference(outcome.version)} is already as asked; nothing changed`
      const step = versionStep(title, outcome.version, links)
      return {
        outputs: { ...step.outputs, json: JSON.stringify(outcome) },
        summary: step.summary
      }
    }
    case 'delete': {
      const outcome = await deleteVersion(ctx, {
        reference: onlyReference(inputs, 'delete'),
        force: inputs.force
      })
      return versionStep(`🗑️ Deleted ${formatReference(outcome.version)}`, outcome.version, links)
    }
    case 'cleanup': {
      const run = () =>
        cleanup(ctx, { keepLast: inputs.keepLast, minAgeDays: inputs.minAgeDays, dryRun: inputs.dryRun })
      const outcome = inputs.dryRun ? await run() : await initialisingOnFirstWrite(ctx, 'github-release', run)
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
    case 'migrate': {
      const outcome = await migrate(ctx, { dryRun: inputs.dryRun })
      return {
        outputs: { json: JSON.stringify(outcome), changed: String(outcome.changed) },
        summary: jsonSummary(outcome.dry_run ? 'Registry migration (dry run)' : 'Registry migration', outcome)
      }
    }
    case 'promote': {
      const to = required(inputs.stage, 'stage', 'promote')
      await checkStage(ctx, to)
      const result = await promote(ctx, { reference: onlyReference(inputs, 'promote'), to })
      return promotionStep(result, links)
    }
    case 'check': {
      const pr = event.payload.pull_request
      if (!pr)
        throw invalidInput(
          `command "check" runs on pull_request or pull_request_review events to the registry branch, not on "${event.name || 'unknown'}"`
        )
      if (pr.base.ref !== links.branch) {
        return {
          outputs: { passed: 'true', json: '{}' },
          summary: `### Not a registry pull request

Base branch \`${pr.base.ref}\` is not \`${links.branch}\`: nothing to check.`
        }
      }
      const outcome = await check(ctx, {
        base: pr.base.sha,
        head: pr.head.sha,
        pullNumber: pr.number,
        headRef: pr.head.ref
      })
      return {
        outputs: {
          passed: String(outcome.passed),
          status: outcome.status.state,
          json: JSON.stringify(outcome)
        },
        summary: checkSummary(outcome),
        annotations: outcome.findings.map(f => ({
          // A missing approval is the pull request waiting for review (status pending), not an error.
          level: f.kind === 'gate' && f.gate === 'min_approvals' ? ('notice' as const) : f.severity,
          message: `${f.subject}: ${f.message}`,
          file: f.file
        })),
        failure:
          outcome.status.state === 'failure'
            ? `policy check failed: ${outcome.status.description}`
            : undefined
      }
    }
    case 'apply': {
      const { before, after, ref } = event.payload
      if (!after)
        throw invalidInput(
          `command "apply" runs on push events to the registry branch, not on "${event.name || 'unknown'}"`
        )
      if (ref !== undefined && ref !== `refs/heads/${links.branch}`) {
        return {
          outputs: { changed: '[]', json: '{}' },
          summary: `### Not a registry push

\`${ref}\` is not \`refs/heads/${links.branch}\`: nothing to apply.`
        }
      }
      const outcome = await apply(ctx, { before: before ?? null, after })
      return {
        outputs: {
          changed: JSON.stringify(outcome.changes),
          unreviewed: String(outcome.unreviewed.length),
          json: JSON.stringify(outcome)
        },
        summary: applySummary(outcome),
        annotations: outcome.unreviewed.map(u => ({
          level: 'warning' as const,
          message: `${u.name}@${u.version}: ${u.from} → ${u.to} in ${u.commit.slice(0, 12)} did not come through a merged pull request (${u.reason})`
        }))
      }
    }
  }
}

function promotionStep(result: PromoteResult, links: Links): StepResult {
  const pr = result.pull_request
  const verb = isRollbackVia(result.version.stage_history.at(-1)?.via) ? 'Rolled back' : 'Promoted'
  const title = pr
    ? `🔀 Proposed ${formatReference(result.version)}: ${result.from} → ${result.to} in [pull request #${pr.number}](${pr.url})`
    : `⬆️ ${verb} ${formatReference(result.version)}: ${result.from} → ${result.to}`
  // The summary's stage row, like the outputs, is the stage the version holds now.
  const now = pr ? { ...result.version, deployment_stage: result.from } : result.version
  const step = versionStep(
    title,
    now,
    links,
    pr
      ? [
          ['proposed stage', `${result.to} (once the pull request is merged)`],
          ['pull request', pr.url],
          ['policy', `${result.status?.state}: ${result.status?.description}`]
        ]
      : []
  )
  return {
    outputs: {
      ...step.outputs,
      // Outputs say what is true now: while the pull request is open the version is still in
      // `from`; `proposed-stage` is where merging it would take the version.
      stage: pr ? result.from : result.version.deployment_stage,
      'proposed-stage': pr ? result.to : '',
      'pull-request-number': pr ? String(pr.number) : '',
      'pull-request-url': pr?.url ?? '',
      'policy-status': result.status?.state ?? '',
      json: JSON.stringify(result)
    },
    summary: step.summary
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
      // A compressed artifact's asset is the gzip, not the model file, and a directory has one
      // asset per file: only `fetch` gives the model.
      'asset-url':
        version.artifact.store === 'github-release' &&
        version.artifact.compression !== 'gzip' &&
        !version.artifact.manifest
          ? version.file_path
          : '',
      json: JSON.stringify(version)
    },
    summary: versionSummary(title, version, links, extra)
  }
}
