/**
 * The Action's inputs, parsed and checked before anything runs (pure: `read` is
 * core.getInput in production and a map in tests). Every invalid value is a one-line
 * invalid-input error naming the input.
 */
import { invalidInput, RegistryError } from '../domain/errors.js'
import {
  jsonOrFile,
  metricsOrFile,
  splitList,
  type JsonOrFile,
  type MetricsOrFile
} from '../domain/json-input.js'
import { parseModelType, parseName, parseTag } from '../domain/names.js'
import { parseReference } from '../domain/references.js'
import { parseTime } from '../domain/time.js'
import { parseBump, parseVersion, type Bump } from '../domain/versions.js'

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
  'edit',
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
  /** Inline (JSON or k=v), or a path to a JSON file (read later, by the command runner). */
  metrics?: MetricsOrFile
  /** JSON object given inline, or a path to a JSON file (read later, by the command runner). */
  config?: JsonOrFile
  trainingMetadata?: JsonOrFile
  tags: string[]
  /** edit: tags to add and to remove. */
  addTags: string[]
  removeTags: string[]
  notes?: string
  parent?: string
  datasetVersion?: string
  /** One or more references (compare takes several: one per line or comma-separated). */
  references: string[]
  stage?: string
  minMetrics?: MetricsOrFile
  path?: string
  at?: string
  dryRun: boolean
  keepLast?: number
  minAgeDays?: number
  force: boolean
}

export type { JsonOrFile, MetricsOrFile }

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
    metrics: withInput('metrics', optional('metrics'), text => metricsOrFile(text, 'input "metrics"')),
    config: withInput('config', optional('config'), text => jsonOrFile(text, 'input "config"')),
    trainingMetadata: withInput('training-metadata', optional('training-metadata'), text =>
      jsonOrFile(text, 'input "training-metadata"')
    ),
    tags: withInput('tags', optional('tags'), text => list(text).map(parseTag)) ?? [],
    addTags: withInput('add-tags', optional('add-tags'), text => list(text).map(parseTag)) ?? [],
    removeTags: withInput('remove-tags', optional('remove-tags'), text => list(text).map(parseTag)) ?? [],
    notes: optional('notes'),
    parent: withInput('parent', optional('parent'), reference),
    datasetVersion: optional('dataset-version'),
    references: withInput('reference', optional('reference'), text => list(text).map(reference)) ?? [],
    stage: withInput('stage', optional('stage'), stageName),
    minMetrics: withInput('min-metrics', optional('min-metrics'), text =>
      metricsOrFile(text, 'input "min-metrics"')
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

/** Newline- or comma-separated values, trimmed, empties dropped. */
export const list = splitList

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
