/** Performance metrics as users hand them over: `name=value` arguments and JSON objects. */
import { invalidInput } from './errors.js'
import { METRIC_NAME_PATTERN, parseMetricName } from './names.js'
import type { Metrics } from './types.js'

// Number() alone accepts '', ' 1 ', '0x10' and 'Infinity'; a metric is a plain decimal.
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/

/** `f1_score=0.91` → ['f1_score', 0.91]. */
export function parseMetricAssignment(input: string): [string, number] {
  const eq = input.indexOf('=')
  if (eq < 0) {
    throw invalidInput(`invalid metric "${input}": write it as name=value, e.g. f1_score=0.91`)
  }
  const name = parseMetricName(input.slice(0, eq))
  const raw = input.slice(eq + 1)
  const value = DECIMAL.test(raw) ? Number(raw) : NaN
  if (!Number.isFinite(value)) {
    throw invalidInput(`invalid metric "${input}": the value must be a finite number, e.g. ${name}=0.91`)
  }
  return [name, value]
}

/** A JSON object of finite numbers (a metrics file, a gate's thresholds…); `where` names its origin. */
export function parseMetricsObject(value: unknown, where: string): Metrics {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidInput(`${where}: metrics must be a JSON object of numbers, e.g. {"f1_score": 0.91}`)
  }
  const entries: [string, number][] = []
  for (const [key, v] of Object.entries(value)) {
    if (!METRIC_NAME_PATTERN.test(key)) {
      throw invalidInput(
        `${where}: invalid metric name "${key}": use letters, digits, '_', '.' or '-', starting with a letter (max 64)`
      )
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw invalidInput(
        `${where}: metric "${key}" must be a finite number, got ${JSON.stringify(v) ?? String(v)}`
      )
    }
    entries.push([key, v])
  }
  return Object.fromEntries(entries)
}

/** Later sets win. Object.fromEntries defines own properties, so no key can reach a prototype. */
export function mergeMetrics(...sets: Metrics[]): Metrics {
  return Object.fromEntries(sets.flatMap(set => Object.entries(set)))
}
