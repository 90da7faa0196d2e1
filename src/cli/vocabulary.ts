/**
 * One vocabulary for both fronts: the CLI also accepts the Action's input names (action.yml) as
 * flags — `--model-type` for `--type`, `--path` for `--out`, `--min-metrics` for `--min`… — and
 * the JSON-valued ones take inline JSON or a path to a JSON file, as in the Action. README.md
 * ("One vocabulary") has the whole mapping.
 */
import { invalidInput } from '../domain/errors.js'
import { jsonOrFile, metricsOrFile, splitList } from '../domain/json-input.js'
import { mergeMetrics, parseMetricsObject } from '../domain/metrics.js'
import type { Metrics } from '../domain/types.js'
import { loadJsonInput, loadMetricsInput, readJsonObjectFile } from '../commands/json-file.js'

/** commander's parsed options of one command. */
type Values = object

const get = (o: Values, key: string): unknown => (o as Record<string, unknown>)[key]

/**
 * The value of a CLI flag or of its Action-named twin (`--type` / `--model-type`); giving both
 * with different values is refused rather than one silently winning.
 */
export function either(o: Values, flag: string, twin: string): string | undefined {
  const a = get(o, camel(flag)) as string | undefined
  const b = get(o, camel(twin)) as string | undefined
  if (a !== undefined && b !== undefined && a !== b)
    throw invalidInput(`--${flag} and --${twin} name the same thing: give one of them`, { field: flag })
  return a ?? b
}

/** Repeatable `--tag t` plus the Action's `--tags a,b` (comma- or newline-separated). */
export function tagsFrom(o: Values): string[] | undefined {
  const tags = [
    ...((get(o, 'tag') as string[] | undefined) ?? []),
    ...splitList(get(o, 'tags') as string | undefined)
  ]
  return tags.length > 0 ? tags : undefined
}

/**
 * Metrics from every way the CLI takes them, later ones winning: `--metrics-file F`, then
 * `--metrics` (JSON, k=v pairs or a file), then each `--metric k=v`.
 */
export async function metricsFrom(o: Values, assignments: Metrics): Promise<Metrics> {
  const file = get(o, 'metricsFile') as string | undefined
  const text = get(o, 'metrics') as string | undefined
  const fromFile = file
    ? parseMetricsObject(await readJsonObjectFile(file, 'metrics file'), `metrics file "${file}"`)
    : {}
  const inline =
    text === undefined
      ? {}
      : ((await loadMetricsInput(metricsOrFile(text, '--metrics'), process.cwd(), '--metrics')) ?? {})
  return mergeMetrics(fromFile, inline, assignments)
}

/** `--min-metrics` (JSON, k=v pairs or a file) merged with each `--min k=v` (which win). */
export async function minimumsFrom(o: Values, assignments: Metrics): Promise<Metrics | undefined> {
  const text = get(o, 'minMetrics') as string | undefined
  const given =
    text === undefined
      ? undefined
      : await loadMetricsInput(metricsOrFile(text, '--min-metrics'), process.cwd(), '--min-metrics')
  if (given === undefined && Object.keys(assignments).length === 0) return undefined
  return mergeMetrics(given ?? {}, assignments)
}

/**
 * A JSON object from the file flag (`--config-file F`) or the Action-named flag (`--config`,
 * inline JSON or a path); both at once is refused.
 */
export async function jsonFrom(
  o: Values,
  fileFlag: string,
  flag: string
): Promise<Record<string, unknown> | undefined> {
  const file = get(o, camel(fileFlag)) as string | undefined
  const value = get(o, camel(flag)) as string | undefined
  if (file !== undefined && value !== undefined)
    throw invalidInput(`--${fileFlag} and --${flag} name the same thing: give one of them`, { field: flag })
  if (file !== undefined) return readJsonObjectFile(file, `--${fileFlag}`)
  if (value === undefined) return undefined
  return loadJsonInput(jsonOrFile(value, `--${flag}`), process.cwd(), `--${flag}`)
}

function camel(flag: string): string {
  return flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())
}
