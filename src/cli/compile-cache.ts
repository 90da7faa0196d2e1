/**
 * How the program tells the launcher (src/cli/launcher.ts) which command it ran: an event on
 * `process`, which both share, emitted once the command succeeded. The launcher keeps one code
 * cache per build and rewrites it when a command it does not yet hold has run.
 */
export const COMMAND_RAN_EVENT = 'mreg:command-ran'

/** `command`: the command's name, `mreg` for `mreg --version` / `--help` without one. */
export function reportCommandRan(command: string): void {
  ;(process as NodeJS.EventEmitter).emit(COMMAND_RAN_EVENT, command)
}
