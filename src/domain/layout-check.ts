/**
 * Whether a commit's derived files (head.json, row shards, catalog.json) are exactly what its
 * version files derive to (src/domain/layout.ts): doctor and the policy check of a pull request
 * refuse a derived file that disagrees, naming the first difference.
 */
import { firstDifference } from './json-diff.js'
import { CATALOG_PATH, type Catalog } from './layout.js'
import { deriveModelFiles } from './model-head.js'
import type { ModelVersion } from './types.js'

/**
 * Human-readable problems, empty when `committed` (every derived file of the model in a commit:
 * head.json and the row shards) is exactly what the version files derive to.
 */
export function checkDerivedFiles(
  name: string,
  versions: ModelVersion[],
  committed: ReadonlyMap<string, unknown>
): string[] {
  return compareDerivedFiles(name, deriveModelFiles(name, versions), committed)
}

/**
 * The same, against derived files already known (`expected`: path → document): each must be
 * committed as it is, and a committed file not among them must not exist.
 */
export function compareDerivedFiles(
  name: string,
  expected: ReadonlyMap<string, unknown>,
  committed: ReadonlyMap<string, unknown>
): string[] {
  const problems: string[] = []
  for (const [path, doc] of expected) {
    if (!committed.has(path)) {
      problems.push(`${path} is missing; the version files of ${name} derive it`)
      continue
    }
    const diff = firstDifference(committed.get(path), doc)
    if (diff) problems.push(`${path} differs from what the version files of ${name} derive at ${diff}`)
  }
  for (const path of committed.keys()) {
    if (!expected.has(path)) problems.push(`${path} should not exist: no version file of ${name} derives it`)
  }
  return problems
}

/** Problems with catalog.json against the catalog the version files derive. */
export function checkCatalog(committed: unknown, expected: Catalog): string[] {
  const diff = firstDifference(committed, expected)
  return diff ? [`${CATALOG_PATH} differs from what the version files derive at ${diff}`] : []
}
