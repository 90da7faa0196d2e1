/** Turning any failure into one line on stderr and an exit code; stack traces only for bugs. */
import { CommanderError } from 'commander'
import { EXIT_CODES, isRegistryError, NEUTRAL_WORDS, type FrontWords } from '../domain/errors.js'
import type { CliIO } from './io.js'

export const EXIT_BUG = 70

/** `words`: the CLI's terms for fields and commands (cliWords), so no message names an Action input. */
export function reportError(
  error: unknown,
  io: CliIO,
  json: boolean,
  words: FrontWords = NEUTRAL_WORDS
): number {
  if (isRegistryError(error)) {
    const message = error.wordedFor(words)
    io.stderr(`mreg: ${oneLine(message)}\n`)
    if (json)
      io.stdout(JSON.stringify({ error: { kind: error.kind, message, ...error.details } }, null, 2) + '\n')
    return EXIT_CODES[error.kind]
  }
  if (error instanceof CommanderError) {
    // commander has printed its own message for usage errors already.
    return error.exitCode === 0 ? 0 : 2
  }
  const message = error instanceof Error ? error.message : String(error)
  io.stderr(`mreg: internal error: ${oneLine(message)} (this is a bug; set MREG_DEBUG=1 for details)\n`)
  if (io.env.MREG_DEBUG && error instanceof Error && error.stack) io.stderr(error.stack + '\n')
  return EXIT_BUG
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim()
}
