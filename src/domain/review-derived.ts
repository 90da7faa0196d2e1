/**
 * The policy check's rule for layout 2's derived files: each derived file the reader compares (a
 * model's head.json and row shards, catalog.json) is in the proposed commit exactly as expected —
 * what the base's derived files become with the change's version files applied, or what the
 * models' version files derive to from scratch (src/commands/check-reads.ts) — and a committed
 * derived file nothing derives must not exist. The messages are doctor's (layout-check.ts).
 */
import { integrityError, isRegistryError } from './errors.js'
import { CATALOG_PATH, type Catalog } from './layout.js'
import { checkCatalog, compareDerivedFiles } from './layout-check.js'
import type { DocumentAt, HeadState, ReviewFinding } from './review-model.js'
import { validateCatalog } from './validate.js'

const DERIVED_PATH = /^models\/([^/]+)\/(?:head\.json|rows\/.+\.json)$/

/** Why the committed catalog cannot be compared at all, or null when it can. */
function unusableCatalog(document: DocumentAt): string | null {
  if (document.content === null && document.error === undefined)
    return `${CATALOG_PATH} is missing in the proposed commit`
  try {
    if (document.error !== undefined) throw integrityError(document.error)
    validateCatalog(document.content, `${CATALOG_PATH} (proposed commit)`)
    return null
  } catch (error) {
    if (isRegistryError(error)) return error.message
    throw error
  }
}

export function checkDerived(head: HeadState, invalidModels: string[], findings: ReviewFinding[]): void {
  if (!head.derived) return
  const mismatch = (subject: string, file: string, message: string): void => {
    findings.push({ severity: 'error', kind: 'index-mismatch', subject, file, message })
  }
  const catalog = head.derived.committed.find(d => d.path === CATALOG_PATH)
  const unusable = catalog ? unusableCatalog(catalog) : null
  if (unusable) {
    findings.push({
      severity: 'error',
      kind: 'invalid-document',
      subject: CATALOG_PATH,
      file: CATALOG_PATH,
      message: unusable
    })
  }
  // No expected catalog: the base's is unusable, so there is nothing to compare it with.
  const wanted = head.derived.expected.find(e => e.path === CATALOG_PATH)
  if (catalog && !unusable && wanted)
    for (const message of checkCatalog(catalog.content, wanted.content as Catalog))
      mismatch(CATALOG_PATH, CATALOG_PATH, message)

  // Per model, the files present in the commit and the files that must be (a null expected
  // document is a file that must not exist), compared as doctor compares them.
  const models = new Map<string, { expected: Map<string, unknown>; committed: Map<string, unknown> }>()
  const filesOf = (path: string) => {
    const name = DERIVED_PATH.exec(path)?.[1]
    if (name === undefined) return undefined
    let files = models.get(name)
    if (!files) models.set(name, (files = { expected: new Map(), committed: new Map() }))
    return files
  }
  for (const document of head.derived.committed) {
    const files = filesOf(document.path)
    if (!files || (document.content === null && document.error === undefined)) continue
    files.committed.set(
      document.path,
      document.error === undefined ? document.content : { unreadable: document.error }
    )
  }
  for (const file of head.derived.expected) {
    const files = filesOf(file.path)
    if (files && file.content !== null) files.expected.set(file.path, file.content)
  }
  const skip = new Set(invalidModels)
  for (const [name, files] of [...models].sort(([a], [b]) => (a < b ? -1 : 1))) {
    // An invalid version file is reported already; comparing would only add noise about it.
    if (skip.has(name)) continue
    for (const message of compareDerivedFiles(name, files.expected, files.committed))
      mismatch(name, `models/${name}`, message)
  }
}
