/**
 * The Action's inputs, parsed and checked before anything runs (pure: `read` is
 * core.getInput in production and a map in tests). Every invalid value is a one-line
 * invalid-input error naming the input.
 */
import { invalidInput, RegistryError } from '../domain/errors.js'
import { parseMetricAssignment, parseMetricsObject } from '../domain/metrics.js'
import { parseModelType, parseName, parseTag } from '../domain/names.js'
import { parseReference } from '../domain/references.js'
import { parseTime } from '../domain/time.js'
import { parseBump, parseVersion, type Bump } from '../domain/versions.js'
import type { Metrics } from '../domain/types.js'

export const COMMANDS = [
  'init',
  'register',
  'fetch',
  'list',
  'show',
  'compare',
  'history',
  'promote',
  'rollback',
  'check',
  'apply',
  'cleanup',
  'delete',
  'doctor',
  'migrate'
] as const
export type ActionCommand = (typeof COMMANDS)[number]

export interface ActionInputs {
  command: ActionCommand
  token: string
  registryBranch: string
  modelPath?: string
  name?: string
  modelType?: string
  version?: string
  bump?: Bump
  metrics?: Metrics
  /** JSON object given inline, or a path to a JSON file (read later, by the command runner). */
  config?: JsonOrFile
  trainingMetadata?: JsonOrFile
  tags: string[]
  notes?: string
  parent?: string
  datasetVersion?: string
  /** One or more references (compare takes several: one per line or comma-separated). */
  references: string[]
  stage?: string
  minMetrics?: Metrics
  path?: string
  at?: string
  dryRun: boolean
  keepLast?: number
  minAgeDays?: number
  force: boolean
}

export type JsonOrFile = { json: Record<string, unknown> } | { file: string }

export type InputReader = (name: string) => string

/** `$defs.stage` of schemas/registry.schema.json. */
const STAGE_PATTERN = /^[a-z][a-z0-9_-]{0,31}$/

export function parseActionInputs(read: InputReader): ActionInputs {
  const optional = (name: string): string | undefined => {
    const value = read(name).trim()
    return value === '' ? undefined : value
  }
  const command = optional('command')
  if (command === undefined) throw invalidInput(`input "command" is required: one of ${COMMANDS.join(', ')}`)
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw invalidInput(`input "command" is "${command}": use one of ${COMMANDS.join(', ')}`)
  }
  const token = optional('token')
  if (token === undefined)
    throw invalidInput('input "token" is empty: pass ${{ github.token }} or a token with contents: write')
  const version = withInput('version', optional('version'), parseVersion)
  const bump = withInput('bump', optional('bump'), parseBump)
  if (version !== undefined && bump !== undefined)
    throw invalidInput('inputs "version" and "bump" exclude each other: give one of them')
  return {
    command: command as ActionCommand,
    token,
    registryBranch: branchName(optional('registry-branch') ?? 'model-registry'),
    modelPath: optional('model-path'),
    name: withInput('name', optional('name'), text => parseName(text)),
    modelType: withInput('model-type', optional('model-type'), parseModelType),
    version,
    bump,
    metrics: withInput('metrics', optional('metrics'), text => parseMetricsText(text, 'metrics')),
    config: withInput('config', optional('config'), text => jsonOrFile(text, 'config')),
    trainingMetadata: withInput('training-metadata', optional('training-metadata'), text =>
      jsonOrFile(text, 'training-metadata')
    ),
    tags: withInput('tags', optional('tags'), text => list(text).map(parseTag)) ?? [],
    notes: optional('notes'),
    parent: withInput('parent', optional('parent'), reference),
    datasetVersion: optional('dataset-version'),
    references: withInput('reference', optional('reference'), text => list(text).map(reference)) ?? [],
    stage: withInput('stage', optional('stage'), stageName),
    minMetrics: withInput('min-metrics', optional('min-metrics'), text =>
      parseMetricsText(text, 'min-metrics')
    ),
    path: optional('path'),
    at: withInput('at', optional('at'), text => (parseTime(text, new Date()), text)),
    dryRun: boolean(read, 'dry-run'),
    keepLast: withInput('keep-last', optional('keep-last'), text => wholeNumber(text, 'keep-last')),
    minAgeDays: withInput('min-age-days', optional('min-age-days'), text => days(text)),
    force: boolean(read, 'force')
  }
}

/** Prefixes a parser's message with the input's name, so users know which input to fix. */
function withInput<T>(name: string, value: string | undefined, parse: (value: string) => T): T | undefined {
  if (value === undefined) return undefined
  try {
    return parse(value)
  } catch (error) {
    if (error instanceof RegistryError && !error.message.startsWith('input "')) {
      throw invalidInput(`input "${name}": ${error.message}`)
    }
    throw error
  }
}

/** A JSON object (`{"f1_score": 0.9}`) or `k=v` lines / comma-separated pairs. */
export function parseMetricsText(text: string, input: string): Metrics {
  if (text.startsWith('{')) {
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch (error) {
      throw invalidInput(
        `input "${input}" is not valid JSON (${(error as Error).message}): give a JSON object or k=v lines`
      )
    }
    return parseMetricsObject(value, `input "${input}"`)
  }
  const metrics: Metrics = {}
  for (const assignment of list(text)) {
    // YAML authors write `recall = 0.9` as readily as `recall=0.9`.
    const [key, value] = parseMetricAssignment(assignment.replace(/\s*=\s*/, '='))
    metrics[key] = value
  }
  return metrics
}

function jsonOrFile(text: string, input: string): JsonOrFile {
  // An array, a string or a literal is JSON, just not an object: say so rather than looking for
  // a file of that name.
  if (/^[["]/.test(text) || ['true', 'false', 'null'].includes(text)) {
    throw invalidInput(
      `input "${input}" must be a JSON object or a path to a JSON file, not ${text.slice(0, 40)}`
    )
  }
  if (!text.startsWith('{')) return { file: text }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw invalidInput(
      `input "${input}" is not valid JSON (${(error as Error).message}): give a JSON object or a path to a JSON file`
    )
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw invalidInput(`input "${input}" must be a JSON object or a path to a JSON file`)
  }
  return { json: value as Record<string, unknown> }
}

/** Newline- or comma-separated values, trimmed, empties dropped. */
export function list(text: string | undefined): string[] {
  if (text === undefined) return []
  return text
    .split(/[\n,]/)
    .map(item => item.trim())
    .filter(item => item !== '')
}

function boolean(read: InputReader, name: string): boolean {
  const value = read(name).trim().toLowerCase()
  if (value === '' || value === 'false') return false
  if (value === 'true') return true
  throw invalidInput(`input "${name}" is "${value}": use true or false`)
}

function wholeNumber(text: string, input: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1)
    throw invalidInput(`input "${input}" is "${text}": use a whole number ≥ 1`)
  return Number(text)
}

function days(text: string): number {
  const value = Number(text)
  if (!Number.isFinite(value) || value < 0)
    throw invalidInput(`input "min-age-days" is "${text}": use a number of days ≥ 0`)
  return value
}

/** Checked for form only: whether the version exists is the command's business. */
function reference(text: string): string {
  parseReference(text)
  return text
}

/** The form registry.json's schema allows; whether the registry has that stage is checked when it is read. */
function stageName(text: string): string {
  if (!STAGE_PATTERN.test(text))
    throw invalidInput(`invalid stage "${text}": use a stage of registry.json, e.g. staging or production`)
  return text
}

/** Git refuses these in branch names; refusing them here gives the clearer message. */
function branchName(text: string): string {
  if (
    !/^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/.test(text) ||
    text.includes('..') ||
    text.endsWith('.lock') ||
    text.endsWith('/')
  ) {
    throw invalidInput(`input "registry-branch" is "${text}": use a plain branch name such as model-registry`)
  }
  return text
}
