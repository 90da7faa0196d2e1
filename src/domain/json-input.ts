/**
 * The JSON-valued inputs both fronts take (metrics, minimum metrics, config, training metadata):
 * inline JSON or a path to a JSON file, and for metrics also `k=v` pairs. Pure: a file is only
 * named here; the command runner reads it. `label` is how the front names the input
 * (`input "config"` in the Action, `--config` in the CLI).
 */
import { invalidInput } from './errors.js'
import { parseMetricAssignment, parseMetricsObject } from './metrics.js'
import type { Metrics } from './types.js'

/** Deeper documents overflow the stack of every recursive reader after us (the schema validator, JSON.stringify). */
export const MAX_JSON_DEPTH = 64

export type JsonOrFile = { json: Record<string, unknown> } | { file: string }
export type MetricsOrFile = { metrics: Metrics } | { file: string }

/** Newline- or comma-separated values, trimmed, empties dropped. */
export function splitList(text: string | undefined): string[] {
  if (text === undefined) return []
  return text
    .split(/[\n,]/)
    .map(item => item.trim())
    .filter(item => item !== '')
}

/** `{…}` is inline JSON, and must be an object; anything else that is not JSON is a file path. */
export function jsonOrFile(text: string, label: string): JsonOrFile {
  const trimmed = text.trim()
  // An array, a string or a literal is JSON, just not an object: say so rather than looking for
  // a file of that name.
  if (/^[["]/.test(trimmed) || ['true', 'false', 'null'].includes(trimmed)) {
    throw invalidInput(`${label} must be a JSON object or a path to a JSON file, not ${trimmed.slice(0, 40)}`)
  }
  if (!trimmed.startsWith('{')) return { file: trimmed }
  let value: unknown
  try {
    value = JSON.parse(trimmed)
  } catch (error) {
    throw invalidInput(
      `${label} is not valid JSON (${(error as Error).message}): give a JSON object or a path to a JSON file`
    )
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw invalidInput(`${label} must be a JSON object or a path to a JSON file`)
  }
  tooDeep(value, label)
  return { json: value as Record<string, unknown> }
}

/**
 * Metrics: a JSON object (`{"f1_score": 0.9}`), `k=v` pairs (newline- or comma-separated, spaces
 * around `=` allowed), or a path to a JSON file holding the object. Text with an `=` is pairs.
 */
export function metricsOrFile(text: string, label: string): MetricsOrFile {
  const trimmed = text.trim()
  if (!trimmed.startsWith('{') && !trimmed.includes('=')) {
    const named = jsonOrFile(trimmed, label)
    if ('file' in named) return named
  }
  return { metrics: parseMetricsText(trimmed, label) }
}

/** A JSON object of metrics or `k=v` pairs, inline. */
export function parseMetricsText(text: string, label: string): Metrics {
  if (text.startsWith('{')) {
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch (error) {
      throw invalidInput(
        `${label} is not valid JSON (${(error as Error).message}): give a JSON object, k=v pairs or a path to a JSON file`
      )
    }
    tooDeep(value, label)
    return parseMetricsObject(value, label)
  }
  const metrics: Metrics = {}
  for (const assignment of splitList(text)) {
    // YAML authors write `recall = 0.9` as readily as `recall=0.9`.
    const [key, value] = parseMetricAssignment(assignment.replace(/\s*=\s*/, '='))
    metrics[key] = value
  }
  return metrics
}

/** How deep arrays and objects nest, measured without recursion (the point is to survive deep input). */
export function nestingDepth(value: unknown): number {
  let deepest = 0
  const stack: [unknown, number][] = [[value, 1]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number]
    if (node === null || typeof node !== 'object') continue
    if (depth > deepest) deepest = depth
    if (deepest > MAX_JSON_DEPTH) return deepest
    for (const child of Object.values(node)) stack.push([child, depth + 1])
  }
  return deepest
}

function tooDeep(value: unknown, label: string): void {
  if (nestingDepth(value) > MAX_JSON_DEPTH)
    throw invalidInput(`${label} is nested more than ${MAX_JSON_DEPTH} levels deep: flatten it`)
}
