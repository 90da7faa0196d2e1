/**
 * The Action's words for a command's fields and commands (see FrontWords in src/domain/errors.ts):
 * an input of the step, and a step with `command:`. Never a CLI flag.
 */
import type { FrontWords } from '../domain/errors.js'

export const ACTION_WORDS: FrontWords = {
  field: field => `input "${field}"`,
  command: (name, inputs = {}) =>
    `a step with command: ${name}${Object.entries(inputs)
      .map(([field, value]) => `, ${field}: ${value}`)
      .join('')}`
}
