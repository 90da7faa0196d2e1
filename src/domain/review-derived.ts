/**
 * The policy check's rule for layout 2's derived files: each derived file the reader compares (a
 * model's head.json and row shards, catalog.json) is in the proposed commit exactly as expected —
 * what the base's derived files become with the change's version files applied, or what the
 * models' version files derive to from scratch (src/commands/check-reads.ts) — and a committed
 * derived file nothing derives must not exist.
 */
import { integrityError, isRegistryError } from './errors.js'
import { firstDifference } from './json-diff.js'
import { CATALOG_PATH } from './layout.js'
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
  const committed = new Map(head.derived.committed.map(d => [d.path, d]))
  const expected = new Map(head.derived.expected.map(e => [e.path, e.content]))
  const skip = new Set(invalidModels)
  const mismatch = (subject: string, file: string, message: string): void => {
    findings.push({ severity: 'error', kind: 'index-mismatch', subject, file, message })
  }
  for (const path of [...new Set([...committed.keys(), ...expected.keys()])].sort()) {
    const document = committed.get(path)
    const present = document !== undefined && (document.content !== null || document.error !== undefined)
    const actual = document?.error === undefined ? document?.content : { unreadable: document.error }
    const want = expected.get(path)
    if (path === CATALOG_PATH) {
      const unusable = document ? unusableCatalog(document) : null
      if (unusable) {
        findings.push({
          severity: 'error',
          kind: 'invalid-document',
          subject: path,
          file: path,
          message: unusable
        })
        continue
      }
      if (!expected.has(path)) continue // the base's catalog is unusable: nothing to compare with
      const diff = firstDifference(actual, want)
      if (diff) mismatch(path, path, `${path} differs from what the version files derive at ${diff}`)
      continue
    }
    const name = DERIVED_PATH.exec(path)?.[1]
    // An invalid version file is reported already; comparing would only add noise about it.
    if (name === undefined || skip.has(name)) continue
    const file = `models/${name}`
    // A committed file nothing derives (want undefined) must not exist either.
    if (want === null || want === undefined) {
      if (present) mismatch(name, file, `${path} should not exist: no version file of ${name} derives it`)
    } else if (!present) {
      mismatch(name, file, `${path} is missing; the version files of ${name} derive it`)
    } else {
      const diff = firstDifference(actual, want)
      if (diff)
        mismatch(name, file, `${path} differs from what the version files of ${name} derive at ${diff}`)
    }
  }
}
