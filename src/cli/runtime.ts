/**
 * What every command's action gets from the program: the global options, output, and the
 * registry's context. Loading is the point of this split: the program (src/cli/program.ts) and
 * the command definitions (src/cli/define) carry only commander and the help text; a command's
 * action (src/cli/run/<command>.ts) and the registry's wiring are imported when that command
 * runs, so `mreg --help` never loads Git, and `mreg list` never loads the server or GitHub's client.
 */
import type { Command } from 'commander'
import type { CommandContext } from '../commands/context.js'
import type { PromoteResult } from '../commands/promote.js'
import type { OpenedRegistry } from '../wiring/open-registry.js'
import type { GlobalOptions } from './environment.js'
import type { CliIO } from './io.js'
import { safeForTerminal } from './terminal.js'
import { either } from './vocabulary.js'

export interface CliRuntime {
  io: CliIO
  globals: () => GlobalOptions
  /** Whether --json was given (before or after the command). */
  json: () => boolean
  /** `json` is what --json prints when it differs from what the human rendering shows. */
  emit: <T>(value: T, human: (value: T) => string, json?: unknown) => void
  setExit: (code: number) => void
  /** The registry's context (opened on first use by the command that needs it). */
  context: (create?: boolean, withProvenance?: boolean) => Promise<CommandContext>
  open: (create?: boolean, pollIntervalMs?: number) => Promise<OpenedRegistry>
  githubMode: () => boolean
  /** In GitHub mode a write creates the missing registry branch itself (initialisingOnFirstWrite). */
  firstWrite: <T>(write: (ctx: CommandContext) => Promise<T>, withProvenance?: boolean) => Promise<T>
  /** A promotion's --json output: a proposal is not the version as it is, so it carries the pull request. */
  emitPromotion: (result: PromoteResult, render: (result: PromoteResult) => string) => void
}

export function cliRuntime(
  program: Command,
  io: CliIO,
  setExit: (code: number) => void,
  jsonFromArgv: () => boolean
): CliRuntime {
  const globals = (): GlobalOptions => {
    const options = program.opts<GlobalOptions & { registryBranch?: string }>()
    return { ...options, branch: either(options, 'branch', 'registry-branch') ?? 'model-registry' }
  }
  const json = () => jsonFromArgv() || Boolean(globals().json)
  const emit = <T>(value: T, human: (value: T) => string, jsonValue: unknown = value) => {
    io.stdout(json() ? JSON.stringify(jsonValue, null, 2) + '\n' : safeForTerminal(human(value)) + '\n')
  }
  const environment = () => import('./environment.js')
  const context = async (create = false, withProvenance = false) =>
    (await environment()).commandContext(globals(), io, create, withProvenance)
  const githubMode = (): boolean => (globals().github ?? io.env.MREG_GITHUB) !== undefined
  return {
    io,
    globals,
    json,
    emit,
    setExit,
    context,
    open: async (create = false, pollIntervalMs?: number) =>
      (await environment()).openFromCli(globals(), io, create, pollIntervalMs),
    githubMode,
    firstWrite: async (write, withProvenance = false) => {
      const ctx = await context(false, withProvenance)
      if (!githubMode()) return write(ctx)
      const { initialisingOnFirstWrite } = await import('../commands/init.js')
      return initialisingOnFirstWrite(ctx, 'github-release', () => write(ctx))
    },
    emitPromotion: (result, render) => emit(result, render, result.pull_request ? result : result.version)
  }
}

/** A command's action, loaded when the command runs. */
export type Action<A extends unknown[]> = (cli: CliRuntime, ...args: A) => Promise<void>

export function lazy<A extends unknown[]>(
  cli: CliRuntime,
  load: () => Promise<{ run: Action<A> }>
): (...args: A) => Promise<void> {
  return async (...args: A) => (await load()).run(cli, ...args)
}
