/** Reading the JSON files users hand to commands (metrics, config, training metadata). */
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { invalidInput } from '../domain/errors.js'
import type { JsonOrFile, MetricsOrFile } from '../domain/json-input.js'
import { parseMetricsObject } from '../domain/metrics.js'
import type { Metrics } from '../domain/types.js'

export async function readJsonObjectFile(path: string, what: string): Promise<Record<string, unknown>> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const why =
      code === 'ENOENT' ? 'not found' : code === 'EISDIR' ? 'is a directory' : `cannot be read (${code})`
    throw invalidInput(`${what} "${path}" ${why}: check the path`)
  }
  return parseJsonObject(text, `${what} "${path}"`)
}

export function parseJsonObject(text: string, where: string): Record<string, unknown> {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw invalidInput(`${where} is not valid JSON (${(error as Error).message}): fix the JSON`)
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw invalidInput(`${where} must be a JSON object ({"key": value, …})`)
  }
  return value as Record<string, unknown>
}

/** An inline-or-file JSON input, a relative path taken from `base` (the workspace, the cwd). */
export async function loadJsonInput(
  value: JsonOrFile | undefined,
  base: string,
  label: string
): Promise<Record<string, unknown> | undefined> {
  if (value === undefined) return undefined
  return 'json' in value ? value.json : readJsonObjectFile(resolve(base, value.file), `${label} file`)
}

/** Inline metrics, or a JSON file of them (relative to `base`). */
export async function loadMetricsInput(
  value: MetricsOrFile | undefined,
  base: string,
  label: string
): Promise<Metrics | undefined> {
  if (value === undefined) return undefined
  if ('metrics' in value) return value.metrics
  const where = `${label} file`
  return parseMetricsObject(
    await readJsonObjectFile(resolve(base, value.file), where),
    `${where} "${value.file}"`
  )
}
