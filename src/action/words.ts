/**
 * The Action's words for a command's fields and commands (see FrontWords in src/domain/errors.ts):
 * an input of the step, and a step with `command:`. Never a CLI flag.
 */
import { isRegistryError, type FrontWords } from '../domain/errors.js'
import { oneLine, safeLine } from '../domain/printable.js'

export const ACTION_WORDS: FrontWords = {
  field: field => `input "${field}"`,
  command: (name, inputs = {}) =>
    `a step with command: ${name}${Object.entries(inputs)
      .map(([field, value]) => `, ${field}: ${value}`)
      .join('')}`
}

/**
 * The one line a failed step reports (core.setFailed): worded for the Action, line breaks folded
 * and control characters shown as escapes, so a hostile input cannot forge log lines or colours.
 */
export function failureLine(error: unknown): string {
  const message = isRegistryError(error)
    ? error.wordedFor(ACTION_WORDS)
    : `internal error: ${(error as Error)?.message ?? String(error)}`
  return safeLine(oneLine(message))
}
