/**
 * Reading the JSON files users hand to commands (metrics, config, training metadata). What is read
 * is bounded: only regular files (a FIFO would block forever, /dev/zero would never end), at most
 * MAX_JSON_FILE_BYTES, nested at most MAX_JSON_DEPTH deep (deeper documents overflow the stack of
 * every recursive reader after us: the schema validator, JSON.stringify).
 */
import { constants } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import { resolve } from 'node:path'
import { invalidInput, isRegistryError } from '../domain/errors.js'
import { MAX_JSON_DEPTH, nestingDepth, type JsonOrFile, type MetricsOrFile } from '../domain/json-input.js'
import { parseMetricsObject } from '../domain/metrics.js'
import type { Metrics } from '../domain/types.js'

/** Metadata, not data: 1 MiB holds any sensible configuration and keeps every later read cheap. */
export const MAX_JSON_FILE_BYTES = 1024 * 1024

export async function readJsonObjectFile(path: string, what: string): Promise<Record<string, unknown>> {
  const text = await readBoundedText(path, what)
  return parseJsonObject(text, `${what} "${path}"`)
}

async function readBoundedText(path: string, what: string): Promise<string> {
  let handle: FileHandle
  try {
    // O_NONBLOCK: opening a FIFO without a writer must not block; fstat below refuses it anyway
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch (error) {
    throw invalidInput(`${what} "${path}" ${openFailure(error)}: check the path`)
  }
  try {
    const info = await handle.stat()
    if (info.isDirectory()) throw invalidInput(`${what} "${path}" is a directory: give a JSON file`)
    if (!info.isFile()) throw invalidInput(`${what} "${path}" is not a regular file: give a JSON file`)
    if (info.size > MAX_JSON_FILE_BYTES) throw tooLarge(what, path)
    const buffer = Buffer.alloc(MAX_JSON_FILE_BYTES + 1)
    let length = 0
    // the size may change after fstat: read until end of file or one byte past the limit
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null)
      if (bytesRead === 0) break
      length += bytesRead
      if (length > MAX_JSON_FILE_BYTES) throw tooLarge(what, path)
    }
    return decodeUtf8(buffer.subarray(0, length), what, path)
  } catch (error) {
    if (isRegistryError(error)) throw error
    throw invalidInput(`${what} "${path}" ${openFailure(error)}: check the file`)
  } finally {
    await handle.close().catch(() => undefined)
  }
}

function openFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'not found'
    case 'EISDIR':
      return 'is a directory'
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read (permission denied)'
    default:
      return `cannot be read (${code ?? (error as Error).message})`
  }
}

function tooLarge(what: string, path: string) {
  return invalidInput(
    `${what} "${path}" is larger than ${MAX_JSON_FILE_BYTES / 1024 / 1024} MiB, the limit for metadata files: keep large data out of the registry`
  )
}

function decodeUtf8(bytes: Uint8Array, what: string, path: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw invalidInput(`${what} "${path}" is not valid UTF-8 text: save it as UTF-8 JSON`)
  }
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
  if (nestingDepth(value) > MAX_JSON_DEPTH) {
    throw invalidInput(`${where} is nested more than ${MAX_JSON_DEPTH} levels deep: flatten it`)
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
