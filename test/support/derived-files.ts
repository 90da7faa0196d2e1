/**
 * The layout's promise, checked: every derived file on the branch (heads, row shards, catalog)
 * is byte for byte what the version files derive to (src/domain/layout.ts), and none is left over.
 */
import { expect } from '@jest/globals'
import { readDerivedFiles } from '../../src/commands/registry-reads.js'
import { CATALOG_PATH, rowOf, type ModelHead } from '../../src/domain/layout.js'
import { deriveCatalog, deriveHead, deriveModelFiles } from '../../src/domain/model-head.js'
import type { ModelVersion } from '../../src/domain/types.js'
import type { RegistrySnapshot } from '../../src/registry/backend.js'
import { serialiseJson } from '../../src/registry/tree-writer.js'

export async function versionDocs(snapshot: RegistrySnapshot, name: string): Promise<ModelVersion[]> {
  const docs: ModelVersion[] = []
  for (const version of await snapshot.versionFileNames(name)) {
    docs.push((await snapshot.readVersion(name, version)) as ModelVersion)
  }
  return docs
}

export async function expectDerivedExact(snapshot: RegistrySnapshot): Promise<void> {
  const heads: ModelHead[] = []
  for (const name of await snapshot.modelNames()) {
    const docs = await versionDocs(snapshot, name)
    const expected = new Map(
      [...deriveModelFiles(name, docs)].map(([p, d]) => [p, serialiseJson(d).toString()])
    )
    const committed = new Map(
      [...(await readDerivedFiles(snapshot, name))].map(([p, d]) => [p, serialiseJson(d).toString()])
    )
    expect(committed).toEqual(expected)
    const head = deriveHead(name, docs.map(rowOf))
    if (head) heads.push(head)
  }
  expect(serialiseJson(await snapshot.readJson(CATALOG_PATH)).toString()).toBe(
    serialiseJson(deriveCatalog(heads)).toString()
  )
}
