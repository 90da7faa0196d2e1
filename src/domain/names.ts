/**
 * Parsing of the identifiers users type: model names, model types, tags, metric names, stages.
 * Names become path segments on the registry branch and parts of release tags, so the rules are
 * strict and checked before anything else touches them.
 */
import { invalidInput } from './errors.js'
import type { RegistryPolicy } from './types.js'

export const NAME_PATTERN = /^[a-z0-9][a-z0-9_.-]{0,62}$/
export const TAG_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:+-]{0,63}$/
export const METRIC_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/

const NAME_RULE = "use lowercase letters, digits, '.', '_' or '-', starting with a letter or digit (max 63)"

/** A model name (or any other slug, per `what`): one safe path segment. */
export function parseName(input: string, what = 'model name'): string {
  if (input === '') throw invalidInput(`${what} is empty: ${NAME_RULE}`)
  // '..' is refused even though the pattern would allow it inside a name: it reads like a path
  // escape in models/<name>/ and in release tags, and nothing legitimate needs it.
  if (input.includes('..')) {
    throw invalidInput(`invalid ${what} "${input}": '..' is not allowed; ${NAME_RULE}`)
  }
  if (!NAME_PATTERN.test(input)) {
    throw invalidInput(`invalid ${what} "${input}": ${NAME_RULE}`)
  }
  return input
}

export function parseModelType(input: string): string {
  return parseName(input, 'model type')
}

export function parseTag(input: string): string {
  if (!TAG_PATTERN.test(input)) {
    throw invalidInput(
      `invalid tag "${input}": use letters, digits, '_', '.', ':', '+' or '-', starting with a letter or digit (max 64)`
    )
  }
  return input
}

export function parseMetricName(input: string): string {
  if (!METRIC_NAME_PATTERN.test(input)) {
    throw invalidInput(
      `invalid metric name "${input}": use letters, digits, '_', '.' or '-', starting with a letter (max 64)`
    )
  }
  return input
}

export function parseStage(policy: RegistryPolicy, input: string): string {
  if (!policy.stages.includes(input)) {
    throw invalidInput(`unknown stage "${input}": use one of ${policy.stages.join(', ')}`)
  }
  return input
}
