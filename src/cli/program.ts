/**
 * The mreg command line: argv → the same commands the Action runs → human or --json output.
 * Exit codes: 0 done, 1 refused or not found, 2 bad input, 3 integrity failure.
 *
 * What loads at start-up is this file, commander and the command definitions (src/cli/define):
 * enough for every --help. A command's action (src/cli/run) and the registry behind it are
 * imported when the command runs (src/cli/runtime.ts).
 */
import { Command } from 'commander'
import { RegistryError } from '../domain/errors.js'
import { mregVersion } from '../wiring/version.js'
import type { GlobalOptions } from './environment.js'
import { defineAuditCommands } from './define/audit.js'
import { defineStageCommands } from './define/stages.js'
import { defineVersionCommands } from './define/versions.js'
import { reportError } from './errors.js'
import type { CliIO } from './io.js'
import { cliRuntime } from './runtime.js'
import { addServeCommand } from './serve-command.js'
import { stderrLine } from './terminal.js'
import { cliWords, commandOf } from './words.js'

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

  const cli = cliRuntime(program, io, setExit, isJson)
  defineVersionCommands(program, cli)
  const policy = defineStageCommands(program, cli)
  defineAuditCommands(program, cli)
  addServeCommand(program, io, cli.globals)

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

// Keep RegistryError importable from here for tests that assert on kinds.
export { RegistryError }
