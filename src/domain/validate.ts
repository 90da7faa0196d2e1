/**
 * Schema validation for every document the registry reads or writes. The schemas in schemas/
 * are the contract; scripts/generate-validators.mjs precompiles them (ajv standalone) into
 * ./generated/validators.js, so no command pays for compiling them at start-up.
 */
import type { ErrorObject, ValidateFunction } from 'ajv'
import { RegistryError, type ErrorKind } from './errors.js'
import * as compiled from './generated/validators.js'
import type { Catalog, ModelHead, RowShard } from './layout.js'
import type { ModelIndex, ModelVersion, RegistryPolicy } from './types.js'

/** `/performance_metrics/f1` → `$.performance_metrics.f1`; the JSON path users can search for. */
function jsonPath(error: ErrorObject): string {
  const segments = error.instancePath.split('/').slice(1)
  if (error.keyword === 'required') segments.push(String(error.params.missingProperty))
  if (error.keyword === 'additionalProperties') segments.push(String(error.params.additionalProperty))
  return (
    '$' +
    segments.map(s => (/^\d+$/.test(s) ? `[${s}]` : `.${s.replace(/~1/g, '/').replace(/~0/g, '~')}`)).join('')
  )
}

function describe(error: ErrorObject): string {
  switch (error.keyword) {
    case 'required':
      return 'is required'
    case 'additionalProperties':
      return 'is not a known field'
    case 'pattern':
      return `does not match ${error.params.pattern}`
    default:
      return error.message ?? 'is invalid'
  }
}

function check<T>(validate: ValidateFunction, doc: unknown, where: string, kind: ErrorKind): T {
  if (validate(doc)) return doc as T
  const first = validate.errors?.[0]
  const detail = first ? `${jsonPath(first)} ${describe(first)}` : 'does not match its schema'
  throw new RegistryError(kind, `${where}: ${detail}`, { file: where, path: first ? jsonPath(first) : '$' })
}

/**
 * `kind` says whose fault an invalid document is: 'integrity' for a file already on the
 * registry branch (corrupt registry), 'invalid-input' for what a user handed us.
 */
export function validateModelVersion(
  doc: unknown,
  where: string,
  kind: ErrorKind = 'integrity'
): ModelVersion {
  return check<ModelVersion>(compiled.modelVersion, doc, where, kind)
}

export function validateModelIndex(doc: unknown, where: string, kind: ErrorKind = 'integrity'): ModelIndex {
  return check<ModelIndex>(compiled.modelIndex, doc, where, kind)
}

export function validatePolicy(doc: unknown, where: string, kind: ErrorKind = 'integrity'): RegistryPolicy {
  return check<RegistryPolicy>(compiled.registry, doc, where, kind)
}

export function validateModelHead(doc: unknown, where: string, kind: ErrorKind = 'integrity'): ModelHead {
  return check<ModelHead>(compiled.modelHead, doc, where, kind)
}

export function validateRowShard(doc: unknown, where: string, kind: ErrorKind = 'integrity'): RowShard {
  return check<RowShard>(compiled.rowShard, doc, where, kind)
}

export function validateCatalog(doc: unknown, where: string, kind: ErrorKind = 'integrity'): Catalog {
  return check<Catalog>(compiled.catalog, doc, where, kind)
}

const VERSION_FILE = /^models\/[^/]+\/versions\/[0-9a-f]\/[0-9a-f]\/[0-9a-f]\/[^/]+\.json$/
const HEAD_FILE = /^models\/[^/]+\/head\.json$/
const ROW_SHARD = /^models\/[^/]+\/rows\/[0-9]{4}\/[0-9]{2}\/[0-9]{2}(\/[0-9]{2}){0,3}\.json$/

/**
 * Every document the registry writes is checked against its schema on the way in, by its path
 * (layout 2, src/domain/layout.ts): a bug that builds an invalid document fails before it
 * reaches the branch.
 */
export function validateRegistryFile(path: string, content: unknown): void {
  if (path === 'registry.json') validatePolicy(content, path, 'invalid-input')
  else if (path === 'catalog.json') validateCatalog(content, path, 'invalid-input')
  else if (HEAD_FILE.test(path)) validateModelHead(content, path, 'invalid-input')
  else if (ROW_SHARD.test(path)) validateRowShard(content, path, 'invalid-input')
  else if (VERSION_FILE.test(path)) validateModelVersion(content, path, 'invalid-input')
  else
    throw new RegistryError(
      'invalid-input',
      `${path}: not a file the registry branch holds (registry.json, catalog.json, models/<name>/head.json, models/<name>/rows/…, models/<name>/versions/…/<version>.json)`
    )
}
