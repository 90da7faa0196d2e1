/**
 * The mreg command line: argv → the same commands the Action runs → human or --json output.
 * Exit codes: 0 done, 1 refused or not found, 2 bad input, 3 integrity failure.
 */
import { Command, Option } from 'commander'
import { apply } from '../commands/apply.js'
import { check } from '../commands/check.js'
import { cleanup } from '../commands/cleanup.js'
import { compare } from '../commands/compare.js'
import { deleteVersion } from '../commands/delete.js'
import { doctor } from '../commands/doctor.js'
import { fetchModel } from '../commands/fetch.js'
import { history } from '../commands/history.js'
import { init } from '../commands/init.js'
import { readJsonObjectFile } from '../commands/json-file.js'
import { listVersions } from '../commands/list.js'
import { migrate } from '../commands/migrate.js'
import { promote, type PromoteResult } from '../commands/promote.js'
import { register } from '../commands/register.js'
import { rollback } from '../commands/rollback.js'
import { showVersion } from '../commands/show.js'
import { RegistryError, invalidInput } from '../domain/errors.js'
import { parseMetricsObject, mergeMetrics } from '../domain/metrics.js'
import { parseTime } from '../domain/time.js'
import { parseBump } from '../domain/versions.js'
import { commandContext, type GlobalOptions } from './environment.js'
import { reportError } from './errors.js'
import type { CliIO } from './io.js'
import {
  collect,
  criteriaFrom,
  hasCriteria,
  metricsFromAssignments,
  nonNegativeNumber,
  positiveInteger,
  sortFrom,
  type CriteriaOptions
} from './options.js'
import { renderComparison } from './render/compare.js'
import { versionsCsv } from './render/csv.js'
import { renderHistory } from './render/history.js'
import { renderCleanup, renderDelete, renderDoctor, renderInit, renderMigrate } from './render/maintenance.js'
import { renderPromotion } from './render/promotion.js'
import { renderApply, renderCheck } from './render/review.js'
import { renderFetched, renderList, renderRegistered, renderVersion } from './render/versions.js'

const EXAMPLES = `
Examples:
  mreg init
  mreg register model.pkl --type isolation_forest --metric f1_score=0.90 --tag high_recall
  mreg list --stage production --min f1_score=0.85
  mreg promote isolation_forest@1.1.0 --to staging
  mreg fetch isolation_forest@production --out ./model.pkl
  mreg fetch --type isolation_forest --stage production --tag high_recall --min f1_score=0.85 --out .
  mreg compare isolation_forest@1.0.0 isolation_forest@1.1.0
  mreg history isolation_forest --at 2026-11-27T12:00:00Z
  mreg check 4f1c2e9 model-registry        # policy check of the change between two commits
  mreg apply 4f1c2e9 model-registry        # which versions a push moved

References: NAME@VERSION, NAME@latest, NAME@STAGE (e.g. theft-detector@production), or a model_id.
Exit codes: 0 done, 1 refused or not found, 2 bad input, 3 integrity failure.`

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  let json = argv.includes('--json')
  let exitCode = 0
  const program = buildProgram(
    io,
    (code: number) => (exitCode = code),
    () => json
  )
  try {
    await program.parseAsync(argv, { from: 'user' })
    json = Boolean(program.opts<GlobalOptions>().json)
    return exitCode
  } catch (error) {
    return reportError(error, io, json)
  }
}

function buildProgram(io: CliIO, setExit: (code: number) => void, isJson: () => boolean): Command {
  const program = new Command('mreg')
    .description('A Git-backed model registry: register, promote, fetch, compare and audit ML models.')
    .option(
      '--registry <dir>',
      'the Git repository holding the registry branch (default: the one around the current directory; env MREG_REGISTRY)'
    )
    .option('--store <dir>', 'the local artifact store (default: <gitdir>/mreg/objects; env MREG_STORE)')
    .option('--branch <name>', 'the registry branch', 'model-registry')
    .option(
      '--github <owner/repo>',
      'use a GitHub repository instead: registry branch there, artifacts as release assets (token in GITHUB_TOKEN)'
    )
    .option('--api-url <url>', 'GitHub API URL (GitHub Enterprise; env GITHUB_API_URL)')
    .option('--server-url <url>', 'GitHub web/git URL (GitHub Enterprise; env GITHUB_SERVER_URL)')
    .option('--json', 'machine-readable output on stdout')
    .addHelpText('after', EXAMPLES)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
  program.configureHelp({ sortSubcommands: false })

  const globals = (): GlobalOptions => program.opts<GlobalOptions>()
  /** `json` is what --json prints when it differs from what the human rendering shows. */
  const emit = <T>(value: T, human: (value: T) => string, json: unknown = value) => {
    io.stdout(isJson() || globals().json ? JSON.stringify(json, null, 2) + '\n' : human(value) + '\n')
  }
  // A proposal is not the version as it is: --json gives the pull request along with it.
  const emitPromotion = (result: PromoteResult) =>
    emit(result, renderPromotion, result.pull_request ? result : result.version)
  const context = (create = false) => commandContext(globals(), io, create)

  program
    .command('init')
    .description(
      'create the registry branch (model-registry) with the default policy; creates the Git repository if needed'
    )
    .action(async () => {
      emit(await init(await context(true)), renderInit)
    })

  program
    .command('register')
    .description('store a model file (SHA-256 recorded) and commit its metadata as a new version')
    .argument('<file>', 'the model file')
    .requiredOption('--type <type>', 'model type / algorithm, e.g. isolation_forest')
    .option('--name <name>', 'model name (default: the type)')
    .option('--version <semver>', 'explicit version (default: next patch)')
    .addOption(
      new Option('--bump <part>', 'which part to bump when no --version').choices(['patch', 'minor', 'major'])
    )
    .option('--metric <k=v>', 'a performance metric (repeatable)', collect)
    .option('--metrics-file <file>', 'performance metrics as a JSON object')
    .option('--config-file <file>', 'model configuration (hyperparameters) as a JSON object')
    .option('--training-file <file>', 'training metadata as a JSON object')
    .option('--tag <tag>', 'a tag (repeatable)', collect)
    .option('--notes <text>', 'free-text notes')
    .option('--parent <ref>', 'the version this model was derived from')
    .option('--dataset-version <id>', 'the dataset version it was trained on')
    .option('--stage <stage>', 'initial stage (default: the policy initial stage)')
    .option('--media-type <type>', 'media type of the file', 'application/octet-stream')
    .action(async (file: string, o: Record<string, string | string[] | undefined>) => {
      const fromFile = o.metricsFile
        ? parseMetricsObject(
            await readJsonObjectFile(o.metricsFile as string, 'metrics file'),
            `metrics file "${o.metricsFile}"`
          )
        : {}
      const version = await register(await context(), {
        file,
        modelType: o.type as string,
        name: o.name as string | undefined,
        version: o.version as string | undefined,
        bump: o.bump ? parseBump(o.bump as string) : undefined,
        metrics: mergeMetrics(fromFile, metricsFromAssignments(o.metric as string[] | undefined)),
        config: o.configFile ? await readJsonObjectFile(o.configFile as string, 'config file') : undefined,
        training: o.trainingFile
          ? await readJsonObjectFile(o.trainingFile as string, 'training file')
          : undefined,
        tags: o.tag as string[] | undefined,
        notes: o.notes as string | undefined,
        parent: o.parent as string | undefined,
        datasetVersion: o.datasetVersion as string | undefined,
        stage: o.stage as string | undefined,
        mediaType: o.mediaType as string
      })
      emit(version, renderRegistered)
    })

  addCriteria(
    program
      .command('list')
      .description('list versions, newest first, filtered by name, type, stage, tags and minimum metrics')
  )
    .option('--sort <key>', 'registered | version | metric:NAME', 'registered')
    .option('--limit <n>', 'at most this many')
    .option('--include-archived', 'include versions archived by retention')
    .option('--csv', 'CSV on stdout, one column per metric (for spreadsheets and data frames)')
    .action(async (o: CriteriaOptions & { sort?: string; limit?: string; csv?: boolean }) => {
      const ctx = await context()
      const versions = await listVersions(ctx, {
        criteria: criteriaFrom(o),
        sort: sortFrom(o.sort),
        limit: o.limit === undefined ? undefined : positiveInteger(o.limit, '--limit')
      })
      if (o.csv) io.stdout(versionsCsv(versions) + '\n')
      else emit(versions, v => renderList(v, ctx.now()))
    })

  program
    .command('show')
    .description('show one version: metadata, metrics, stage history')
    .argument('<ref>', 'NAME@VERSION, NAME@latest, NAME@STAGE or a model_id')
    .action(async (reference: string) => {
      const ctx = await context()
      emit(await showVersion(ctx, reference), v => renderVersion(v, ctx.now()))
    })

  addCriteria(
    program
      .command('fetch')
      .description('download a version, verify its SHA-256, and write it to --out (a file or a directory)')
      .argument('[ref]', 'the version; or give criteria (newest match)')
  )
    .requiredOption('--out <path>', 'destination file, or an existing directory')
    .action(async (reference: string | undefined, o: CriteriaOptions & { out: string }) => {
      if (reference !== undefined && hasCriteria(o))
        throw invalidInput('give either REF or criteria (--name/--type/--stage/--tag/--min), not both')
      const outcome = await fetchModel(await context(), {
        reference,
        criteria: reference === undefined ? criteriaFrom(o) : undefined,
        out: o.out
      })
      emit(outcome, renderFetched, { ...outcome.version, path: outcome.path })
    })

  program
    .command('promote')
    .description(
      'move a version to another stage (transition and gates checked; exclusive stages demote the old holder)'
    )
    .argument('<ref>', 'the version to promote')
    .requiredOption('--to <stage>', 'target stage')
    .action(async (reference: string, o: { to: string }) => {
      emitPromotion(await promote(await context(), { reference, to: o.to }))
    })

  program
    .command('rollback')
    .description('put back the version that held a stage before its current holder')
    .argument('<name>', 'the model')
    .option('--stage <stage>', 'the stage to roll back', 'production')
    .action(async (name: string, o: { stage: string }) => {
      emitPromotion(await rollback(await context(), { name, stage: o.stage }))
    })

  program
    .command('compare')
    .description('compare versions side by side: metrics, deltas against the first, best per metric')
    .argument('<refs...>', 'two or more versions')
    .action(async (references: string[]) => {
      emit(await compare(await context(), references), renderComparison)
    })

  program
    .command('history')
    .description(
      "a version's or a model's audit trail from the registry branch; --at: what held each stage then"
    )
    .argument('<target>', 'NAME@VERSION, a model_id, or a model NAME')
    .option('--at <time>', 'ISO time, or relative: 3d, 12h, 30m ago')
    .action(async (target: string, o: { at?: string }) => {
      const ctx = await context()
      emit(
        await history(ctx, { target, at: o.at === undefined ? undefined : parseTime(o.at, ctx.now()) }),
        renderHistory
      )
    })

  program
    .command('delete')
    .description('delete a version and its artifact (protected stages need --force)')
    .argument('<ref>', 'the version')
    .option('--force', 'delete even from a protected stage (production, canary, staging, shadow)')
    .action(async (reference: string, o: { force?: boolean }) => {
      emit(await deleteVersion(await context(), { reference, force: o.force }), renderDelete)
    })

  program
    .command('cleanup')
    .description('retention: keep the last N versions per model, never touch protected stages')
    .option('--keep-last <n>', 'versions to keep per model (default: registry.json retention.keep_last)')
    .option('--min-age-days <days>', 'never delete versions younger than this')
    .option('--dry-run', 'print the plan, change nothing')
    .action(async (o: { keepLast?: string; minAgeDays?: string; dryRun?: boolean }) => {
      const outcome = await cleanup(await context(), {
        keepLast: o.keepLast === undefined ? undefined : positiveInteger(o.keepLast, '--keep-last'),
        minAgeDays:
          o.minAgeDays === undefined ? undefined : nonNegativeNumber(o.minAgeDays, '--min-age-days'),
        dryRun: o.dryRun
      })
      emit(outcome, renderCleanup)
    })

  program
    .command('check')
    .description(
      'policy check of a change to the registry branch, BASE → HEAD: immutable fields, transitions, gates, index, policy edits (exit 1 when it fails)'
    )
    .argument('<base>', 'the commit (or branch) the change is judged against')
    .argument('<head>', 'the proposed commit (or branch), e.g. mreg/promote/NAME/VERSION-to-STAGE')
    .option(
      '--pull <number>',
      'the pull request (GitHub): approvals and labels come from it, the verdict is posted'
    )
    .action(async (base: string, head: string, o: { pull?: string }) => {
      const outcome = await check(await context(), {
        base,
        head,
        pullNumber: o.pull === undefined ? undefined : positiveInteger(o.pull, '--pull')
      })
      emit(outcome, renderCheck)
      if (!outcome.passed) setExit(1)
    })

  program
    .command('apply')
    .description(
      'what moved between two commits of the registry branch (after a push): stage changes, and those not through a merged pull request'
    )
    .argument('<before>', 'the branch tip before (a commit or ref; 0000… for a new branch)')
    .argument('<after>', 'the branch tip after')
    .action(async (before: string, after: string) => {
      emit(await apply(await context(), { before, after }), renderApply)
    })

  program
    .command('doctor')
    .description('check indexes against version files and every artifact against its SHA-256')
    .action(async () => {
      const outcome = await doctor(await context())
      emit(outcome, renderDoctor)
      if (!outcome.healthy) setExit(3)
    })

  program
    .command('migrate')
    .description('upgrade a layout 1 registry branch to layout 2 in one commit (idempotent)')
    .option('--dry-run', 'say what would change, change nothing')
    .action(async (o: { dryRun?: boolean }) => {
      emit(await migrate(await context(), { dryRun: o.dryRun }), renderMigrate)
    })

  for (const command of program.commands) {
    command
      .exitOverride()
      .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
      .showHelpAfterError('(run with --help for usage)')
  }
  return program
}

function addCriteria(command: Command): Command {
  return command
    .option('--name <name>', 'model name')
    .option('--type <type>', 'model type')
    .option('--stage <stage>', 'deployment stage')
    .option('--tag <tag>', 'required tag (repeatable; all must match)', collect)
    .option('--min <k=v>', 'minimum metric value (repeatable)', collect)
}

// Keep RegistryError importable from here for tests that assert on kinds.
export { RegistryError }
