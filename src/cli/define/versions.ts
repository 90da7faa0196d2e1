/** The definitions (arguments, options, help) of init, register, list, show and fetch; their actions are src/cli/run/*. */
import { Option, type Command } from 'commander'
import { EXIT_UNCHANGED } from '../exit-codes.js'
import { collect } from '../options.js'
import { TABLE_PAGE } from '../table.js'
import { lazy, type CliRuntime } from '../runtime.js'

export function defineVersionCommands(program: Command, cli: CliRuntime): void {
  program
    .command('init')
    .description(
      'create the registry branch (model-registry) with the default policy; creates the Git repository if needed'
    )
    .action(lazy(cli, () => import('../run/init.js')))

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
    .action(lazy(cli, () => import('../run/register.js')))

  addCriteria(
    program
      .command('list')
      .description('list versions, newest first, filtered by name, type, stage, tags and minimum metrics')
  )
    .option('--sort <key>', 'registered | version | metric:NAME', 'registered')
    .option('--limit <n>', 'at most this many')
    .option('--include-archived', 'include versions archived by retention')
    .option('--csv', 'CSV on stdout, one column per metric (for spreadsheets and data frames)')
    .addHelpText(
      'after',
      `
Output streams: each version is printed as it is read (the table's columns are as wide as its first
${TABLE_PAGE} rows need; --json is one array, written element by element; --csv has one column per metric
the listed models record). Memory stays bounded, except that --sort version or metric:NAME without
--limit holds every selected row (the compact rows, not the documents) before printing the first.`
    )
    .action(lazy(cli, () => import('../run/list.js')))

  program
    .command('show')
    .description('show one version: metadata, metrics, stage history')
    .argument('<ref>', 'NAME@VERSION, NAME@latest, NAME@newest, NAME@STAGE or a model_id')
    .action(lazy(cli, () => import('../run/show.js')))

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
      `download only when --out does not hold the version already (exit ${EXIT_UNCHANGED} then); a directory version: every file compared with its manifest, and --out without a trailing / is the directory itself`
    )
    .option(
      '--watch',
      'keep --out at the current match, a file or a directory version: replaced whenever the registry changes, only by verified bytes (a file atomically; a directory renamed in over the old one)'
    )
    .option(
      '--interval <seconds>',
      'with --watch: how often to look (default: at once locally, 15 s on GitHub)'
    )
    .option(
      '--exec <command>',
      'with --watch: run this after each change (MREG_VERSION, MREG_MODEL_ID, MREG_PATH set)'
    )
    .action(lazy(cli, () => import('../run/fetch.js')))
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
