/**
 * The mreg command line: argv → the same commands the Action runs → human or --json output.
 * Exit codes: 0 done, 1 refused or not found, 2 bad input, 3 integrity failure.
 */
import { Command, Option } from 'commander'
import { apply } from '../commands/apply.js'
import { check } from '../commands/check.js'
import { cleanup, type CleanupInput } from '../commands/cleanup.js'
import type { CommandContext } from '../commands/context.js'
import { compare } from '../commands/compare.js'
import { deleteVersion } from '../commands/delete.js'
import { doctor } from '../commands/doctor.js'
import { editVersion } from '../commands/edit.js'
import { fetchIfChanged, fetchModel, type FetchOutcome } from '../commands/fetch.js'
import { history } from '../commands/history.js'
import { DEFAULT_BATCH, importLegacy } from '../commands/import.js'
import { init, initialisingOnFirstWrite } from '../commands/init.js'
import { listVersions } from '../commands/list.js'
import { migrate } from '../commands/migrate.js'
import { setPolicy, showPolicy } from '../commands/policy.js'
import { promote, type PromoteResult } from '../commands/promote.js'
import { register, type RegisterInput } from '../commands/register.js'
import { rollback } from '../commands/rollback.js'
import { showVersion } from '../commands/show.js'
import { RegistryError, invalidInput } from '../domain/errors.js'
import { formatReference } from '../domain/references.js'
import type { Criteria } from '../domain/selection.js'
import { parseTime } from '../domain/time.js'
import { parseBump } from '../domain/versions.js'
import { mregVersion } from '../wiring/version.js'
import { commandContext, openFromCli, type GlobalOptions } from './environment.js'
import { EXIT_UNCHANGED, watchFetch } from './fetch-watch.js'
import { reportError } from './errors.js'
import { addServeCommand } from './serve-command.js'
import { safeForTerminal, stderrLine } from './terminal.js'
import type { CliIO } from './io.js'
import { cliWords, commandOf } from './words.js'
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
import { either, jsonFrom, metricsFrom, minimumsFrom, tagsFrom } from './vocabulary.js'
import { renderComparison } from './render/compare.js'
import { renderEdit, renderPolicySet } from './render/edits.js'
import { versionsCsv } from './render/csv.js'
import { renderHistory } from './render/history.js'
import { renderImport } from './render/import.js'
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
  mreg import ./model_registry --dry-run   # the Python registry this replaces: check, then import

mreg --version prints mreg's own version.
References: NAME@VERSION, NAME@latest (highest version), NAME@newest (last registered), NAME@STAGE
(e.g. theft-detector@production), or a model_id. A bare NAME means NAME@latest.
Exit codes: 0 done, 1 refused or not found, 2 bad input, 3 integrity failure, 4 fetch --if-changed: unchanged.`

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  if (asksForVersion(argv)) {
    io.stdout(`${mregVersion()}\n`)
    return 0
  }
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
    const { command, github } = commandOf(argv)
    return reportError(error, io, json, cliWords(command, github ?? io.env.MREG_GITHUB))
  }
}

/** Global options that take a value: their value is not a command name. */
const GLOBAL_VALUE_OPTIONS = new Set([
  '--registry',
  '--store',
  '--branch',
  '--registry-branch',
  '--github',
  '--api-url',
  '--server-url'
])

/**
 * `mreg --version` / `mreg -V`, before any command. Not commander's .version(): that would also
 * take `register --version 1.2.0`, the version being registered.
 */
function asksForVersion(argv: string[]): boolean {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--version' || arg === '-V') return true
    if (GLOBAL_VALUE_OPTIONS.has(arg)) i++
    else if (!arg.startsWith('-')) return false
  }
  return false
}

function buildProgram(io: CliIO, setExit: (code: number) => void, isJson: () => boolean): Command {
  const program = new Command('mreg')
    .description('A Git-backed model registry: register, promote, fetch, compare and audit ML models.')
    .option(
      '--registry <dir>',
      'the Git repository holding the registry branch (default: the one around the current directory; env MREG_REGISTRY)'
    )
    .option('--store <dir>', 'the local artifact store (default: <gitdir>/mreg/objects; env MREG_STORE)')
    .option('--branch <name>', 'the registry branch (default: model-registry)')
    .option('--registry-branch <name>', 'same as --branch (the Action input name)')
    .option(
      '--github <owner/repo>',
      'use a GitHub repository instead: registry branch there, artifacts as release assets (token in GITHUB_TOKEN)'
    )
    .option('--api-url <url>', 'GitHub API URL (GitHub Enterprise; env GITHUB_API_URL)')
    .option('--server-url <url>', 'GitHub web/git URL (GitHub Enterprise; env GITHUB_SERVER_URL)')
    .option('--json', 'machine-readable output on stdout')
    .addHelpText('after', EXAMPLES)
    .exitOverride()
    .configureOutput(output(io))
  program.configureHelp({ sortSubcommands: false })

  const globals = (): GlobalOptions => {
    const options = program.opts<GlobalOptions & { registryBranch?: string }>()
    return { ...options, branch: either(options, 'branch', 'registry-branch') ?? 'model-registry' }
  }
  /** `json` is what --json prints when it differs from what the human rendering shows. */
  const emit = <T>(value: T, human: (value: T) => string, json: unknown = value) => {
    io.stdout(
      isJson() || globals().json ? JSON.stringify(json, null, 2) + '\n' : safeForTerminal(human(value)) + '\n'
    )
  }
  // A proposal is not the version as it is: --json gives the pull request along with it.
  const emitPromotion = (result: PromoteResult) =>
    emit(result, renderPromotion, result.pull_request ? result : result.version)
  const context = (create = false, withProvenance = false) =>
    commandContext(globals(), io, create, withProvenance)
  const githubMode = (): boolean => (globals().github ?? io.env.MREG_GITHUB) !== undefined
  /** In GitHub mode a write creates the missing registry branch itself (initialisingOnFirstWrite). */
  const firstWrite = async <T>(
    write: (ctx: CommandContext) => Promise<T>,
    withProvenance = false
  ): Promise<T> => {
    const ctx = await context(false, withProvenance)
    return githubMode() ? initialisingOnFirstWrite(ctx, 'github-release', () => write(ctx)) : write(ctx)
  }

  program
    .command('init')
    .description(
      'create the registry branch (model-registry) with the default policy; creates the Git repository if needed'
    )
    .action(async () => {
      // GitHub mode: the branch on the repository, artifacts as release assets (never a local registry).
      emit(await init(await context(true), githubMode() ? 'github-release' : 'local'), renderInit)
    })

  program
    .command('register')
    .description(
      'store a model file or directory (SHA-256 recorded; a directory file by file, with a manifest) and commit its metadata as a new version'
    )
    .argument('[file]', 'the model file, or a directory of files (or --model-path)')
    .option('--model-path <file>', 'same as the FILE argument (the Action input name)')
    .option('--type <type>', 'model type / algorithm, e.g. isolation_forest (required)')
    .option('--model-type <type>', 'same as --type (the Action input name)')
    .option('--name <name>', 'model name (default: the type)')
    .option('--version <semver>', 'explicit version (default: next patch)')
    .addOption(
      new Option('--bump <part>', 'which part to bump when no --version').choices(['patch', 'minor', 'major'])
    )
    .option('--metric <k=v>', 'a performance metric (repeatable)', collect)
    .option(
      '--metrics <metrics>',
      'performance metrics: inline JSON object, k=v pairs, or a path to a JSON file'
    )
    .option('--metrics-file <file>', 'performance metrics as a JSON object')
    .option('--config <json>', 'model configuration: inline JSON object, or a path to a JSON file')
    .option('--config-file <file>', 'model configuration (hyperparameters) as a JSON object')
    .option('--training-metadata <json>', 'training metadata: inline JSON object, or a path to a JSON file')
    .option('--training-file <file>', 'training metadata as a JSON object')
    .option('--tag <tag>', 'a tag (repeatable)', collect)
    .option('--tags <list>', 'tags, comma-separated (the Action input name)')
    .option('--notes <text>', 'free-text notes')
    .option('--parent <ref>', 'the version this model was derived from')
    .option('--dataset-version <id>', 'the dataset version it was trained on')
    .option('--stage <stage>', 'initial stage (default: the policy initial stage)')
    .option('--media-type <type>', 'media type of the file', 'application/octet-stream')
    .action(async (fileArgument: string | undefined, o: Record<string, string | string[] | undefined>) => {
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
      emit(await firstWrite(ctx => register(ctx, input), true), renderRegistered)
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
        criteria: await criteriaOf(o),
        sort: sortFrom(o.sort),
        limit: o.limit === undefined ? undefined : positiveInteger(o.limit, '--limit')
      })
      if (o.csv) io.stdout(versionsCsv(versions) + '\n')
      else emit(versions, v => renderList(v, ctx.now()))
    })

  program
    .command('show')
    .description('show one version: metadata, metrics, stage history')
    .argument('<ref>', 'NAME@VERSION, NAME@latest, NAME@newest, NAME@STAGE or a model_id')
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
    .option(
      '--out <path>',
      'destination file (in an existing directory), or a directory (existing, or DIR/ with --mkdir) that receives <model_id><ext>'
    )
    .option('--path <path>', 'same as --out (the Action input name)')
    .option('--mkdir', 'create the destination directory when missing (the last one only, never its parents)')
    .option(
      '--if-changed',
      `download only when --out does not hold the version already (exit ${EXIT_UNCHANGED} then)`
    )
    .option('--watch', 'keep --out at the current match: replace it atomically whenever the registry changes')
    .option(
      '--interval <seconds>',
      'with --watch: how often to look (default: at once locally, 15 s on GitHub)'
    )
    .option(
      '--exec <command>',
      'with --watch: run this after each change (MREG_VERSION, MREG_MODEL_ID, MREG_PATH set)'
    )
    .action(
      async (
        reference: string | undefined,
        o: CriteriaOptions & {
          out?: string
          mkdir?: boolean
          ifChanged?: boolean
          watch?: boolean
          interval?: string
          exec?: string
        }
      ) => {
        if (reference !== undefined && hasCriteria(o))
          throw invalidInput('give either REF or criteria (--name/--type/--stage/--tag/--min), not both')
        const out = either(o, 'out', 'path')
        if (out === undefined)
          throw invalidInput("required option '--out <path>' not specified (or --path)", { field: 'out' })
        if (!o.watch && (o.interval !== undefined || o.exec !== undefined))
          throw invalidInput('--interval and --exec go with --watch')
        const input = {
          reference,
          criteria: reference === undefined ? await criteriaOf(o) : undefined,
          out,
          mkdir: o.mkdir
        }
        const json = (outcome: FetchOutcome) => ({ ...outcome.version, path: outcome.path })
        if (o.watch) {
          const interval =
            o.interval === undefined ? undefined : nonNegativeNumber(o.interval, '--interval') * 1000
          const stop = new Promise<void>(resolve => {
            process.once('SIGINT', () => resolve())
            process.once('SIGTERM', () => resolve())
          })
          await watchFetch(await openFromCli(globals(), io, false, interval), input, io, {
            exec: o.exec,
            stop,
            emit: outcome => emit(outcome, renderFetched, json(outcome))
          })
          return
        }
        if (o.ifChanged) {
          const outcome = await fetchIfChanged(await context(), input)
          emit(
            outcome,
            o =>
              o.changed
                ? renderFetched(o)
                : `unchanged: ${o.path} already holds ${formatReference(o.version)}`,
            { ...json(outcome), changed: outcome.changed }
          )
          if (!outcome.changed) setExit(EXIT_UNCHANGED)
          return
        }
        const outcome = await fetchModel(await context(), input)
        emit(outcome, renderFetched, json(outcome))
      }
    )

  program
    .command('promote')
    .description(
      'move a version to another stage (transition and gates checked; exclusive stages demote the old holder)'
    )
    .argument('<ref>', 'the version to promote')
    .option('--to <stage>', 'target stage (required)')
    .option('--stage <stage>', 'same as --to (the Action input name)')
    .action(async (reference: string, o: { to?: string; stage?: string }) => {
      const to = either(o, 'to', 'stage')
      if (to === undefined)
        throw invalidInput("required option '--to <stage>' not specified (or --stage)", { field: 'to' })
      emitPromotion(await promote(await context(), { reference, to }))
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
    .command('edit')
    .description('change the mutable metadata of a version: tags and notes (one commit)')
    .argument('<ref>', 'the version')
    .option('--add-tag <tag>', 'add a tag (repeatable)', collect)
    .option('--remove-tag <tag>', 'remove a tag (repeatable)', collect)
    .option('--notes <text>', 'replace the notes ("" clears them)')
    .action(async (reference: string, o: { addTag?: string[]; removeTag?: string[]; notes?: string }) => {
      const outcome = await editVersion(await context(), {
        reference,
        addTags: o.addTag,
        removeTags: o.removeTag,
        notes: o.notes
      })
      emit(outcome, renderEdit)
    })

  const policy = program.command('policy').description('show or change registry.json (the policy)')
  policy
    .command('show')
    .description('print registry.json as it is on the registry branch')
    .action(async () => {
      const outcome = await showPolicy(await context())
      emit(outcome, o => JSON.stringify(o.policy, null, 2), outcome.policy)
    })
  policy
    .command('set')
    .description(
      'set one value of registry.json, checked against the schema and consistency rules first (one commit; a registry-policy pull request on GitHub)'
    )
    .argument('<key>', 'a JSON path, e.g. retention.keep_last or gates.production.min_metrics.f1_score')
    .argument('<value>', 'JSON (10, true, ["a","b"], {"metric":"f1"}), else taken as a string')
    .action(async (key: string, value: string) => {
      emit(await setPolicy(await context(), { key, value }), renderPolicySet)
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
      const input: CleanupInput = {
        keepLast: o.keepLast === undefined ? undefined : positiveInteger(o.keepLast, '--keep-last'),
        minAgeDays:
          o.minAgeDays === undefined ? undefined : nonNegativeNumber(o.minAgeDays, '--min-age-days'),
        dryRun: o.dryRun
      }
      const outcome = o.dryRun
        ? await cleanup(await context(), input)
        : await firstWrite(ctx => cleanup(ctx, input))
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
    .command('import')
    .description(
      'import the Python registry this replaces from its directory (models/<type>/<id>.pkl, metadata/<type>/<id>.json), every SHA-256 verified'
    )
    .argument('<dir>', 'the Python registry root (holds models/ and metadata/)')
    .option('--dry-run', 'check every file and checksum, print the summary, change nothing')
    .option('--batch <n>', 'versions per commit', String(DEFAULT_BATCH))
    .action(async (dir: string, o: { dryRun?: boolean; batch: string }) => {
      const batchSize = positiveInteger(o.batch, '--batch')
      emit(await firstWrite(ctx => importLegacy(ctx, { dir, dryRun: o.dryRun, batchSize })), renderImport)
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

  addServeCommand(program, io, globals)

  for (const command of [...program.commands, ...policy.commands]) {
    command.exitOverride().configureOutput(output(io))
  }
  return program
}

/**
 * Where commander writes. Its usage errors ("error: unknown option '--x'", sometimes with a second
 * line of suggestions) become one line with the hint appended, like every other mreg error.
 */
function output(io: CliIO) {
  return {
    writeOut: io.stdout,
    writeErr: io.stderr,
    outputError: (text: string, write: (text: string) => void) =>
      write(stderrLine(`${text.replace(/^error:\s*/, '')} (run with --help for usage)`))
  }
}

function addCriteria(command: Command): Command {
  return command
    .option('--name <name>', 'model name')
    .option('--type <type>', 'model type')
    .option('--model-type <type>', 'same as --type (the Action input name)')
    .option('--stage <stage>', 'deployment stage')
    .option('--tag <tag>', 'required tag (repeatable; all must match)', collect)
    .option('--tags <list>', 'required tags, comma-separated (the Action input name)')
    .option('--min <k=v>', 'minimum metric value (repeatable)', collect)
    .option(
      '--min-metrics <metrics>',
      'minimum metric values: inline JSON object, k=v pairs, or a path to a JSON file (the Action input name)'
    )
}

/** The criteria of list and fetch, the Action-named flags folded in. */
async function criteriaOf(o: CriteriaOptions): Promise<Criteria> {
  const criteria = criteriaFrom({
    ...o,
    type: either(o, 'type', 'model-type'),
    tag: tagsFrom(o),
    min: undefined
  })
  const minimums = await minimumsFrom(o, metricsFromAssignments(o.min))
  if (minimums !== undefined) criteria.min_metrics = minimums
  return criteria
}

// Keep RegistryError importable from here for tests that assert on kinds.
export { RegistryError }
