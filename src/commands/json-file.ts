/** Reading the JSON files users hand to commands (metrics, config, training metadata). */
import { readFile } from 'node:fs/promises'
import { invalidInput } from '../domain/errors.js'

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
