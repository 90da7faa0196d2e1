/**
 * The policy check's rule for layout 2's derived files: in the proposed commit, each reviewed
 * model's head and row shards are exactly what its version files derive to, and the catalog is
 * the base's with those models' entries re-derived (an entry of a model the change did not touch
 * must stay as it was).
 */
import { integrityError, isRegistryError } from './errors.js'
import { CATALOG_PATH, EMPTY_CATALOG, deriveHead, rowOf, withCatalogEntry, type Catalog } from './layout.js'
import { checkCatalog, checkDerivedFiles } from './layout-check.js'
import type { BaseState, DocumentAt, HeadState, ReviewFinding } from './review-model.js'
import type { ModelVersion } from './types.js'
import { validateCatalog } from './validate.js'

const DERIVED_PATH = /^models\/([^/]+)\/(?:head\.json|rows\/.+\.json)$/

function readCatalog(document: DocumentAt | undefined, side: string): Catalog | string {
  if (!document || document.content === null) return `${CATALOG_PATH} is missing in the ${side}`
  try {
    if (document.error !== undefined) throw integrityError(document.error)
    return validateCatalog(document.content, `${CATALOG_PATH} (${side})`)
  } catch (error) {
    if (isRegistryError(error)) return error.message
    throw error
  }
}

export function checkDerived(
  base: BaseState,
  head: HeadState,
  versions: ModelVersion[],
  invalidModels: string[],
  findings: ReviewFinding[]
): void {
  const committed = new Map<string, Map<string, unknown>>()
  for (const document of head.derived ?? []) {
    const name = DERIVED_PATH.exec(document.path)?.[1]
    if (!name) continue
    const files = committed.get(name) ?? new Map<string, unknown>()
    files.set(document.path, document.error === undefined ? document.content : { unreadable: document.error })
    committed.set(name, files)
  }
  const names = [...new Set([...versions.map(v => v.name), ...committed.keys()])].sort()
  const skip = new Set(invalidModels)
  const baseCatalog = readCatalog(base.catalog, 'base')
  let expected: Catalog = typeof baseCatalog === 'string' ? EMPTY_CATALOG : baseCatalog
  for (const name of names) {
    const mine = versions.filter(v => v.name === name)
    expected = withCatalogEntry(expected, name, deriveHead(name, mine.map(rowOf)))
    // An invalid version file is reported already; comparing would only add noise about it.
    if (skip.has(name)) continue
    for (const message of checkDerivedFiles(name, mine, committed.get(name) ?? new Map())) {
      findings.push({
        severity: 'error',
        kind: 'index-mismatch',
        subject: name,
        file: `models/${name}`,
        message
      })
    }
  }
  const headCatalog = readCatalog(head.catalog, 'proposed commit')
  if (typeof headCatalog === 'string') {
    findings.push({
      severity: 'error',
      kind: 'invalid-document',
      subject: CATALOG_PATH,
      file: CATALOG_PATH,
      message: headCatalog
    })
    return
  }
  if (typeof baseCatalog === 'string') return
  for (const message of checkCatalog(headCatalog, expected)) {
    findings.push({
      severity: 'error',
      kind: 'index-mismatch',
      subject: CATALOG_PATH,
      file: CATALOG_PATH,
      message
    })
  }
}
