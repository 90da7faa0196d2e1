/**
 * Hand edits of a registry branch in a checkout (a clone with a working tree), made the way a
 * careful person would: the version files changed, and every derived file (the model's head and
 * row shards, the catalog) rebuilt from the version files, so only the edit itself is judged.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { CATALOG_PATH, rowOf, rowsDir, versionFilePath, type Catalog } from '../../src/domain/layout.js'
import { deriveHead, deriveModelFiles, withCatalogEntry } from '../../src/domain/model-head.js'
import type { ModelVersion } from '../../src/domain/types.js'

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...(await filesUnder(path)))
    else out.push(path)
  }
  return out
}

export async function readCheckoutVersion(dir: string, name: string, version: string): Promise<ModelVersion> {
  return JSON.parse(await readFile(join(dir, versionFilePath(name, version)), 'utf8')) as ModelVersion
}

/** Writes `edited` over their version files and rebuilds the model's derived files and the catalog. */
export async function rewriteVersions(dir: string, name: string, edited: ModelVersion[]): Promise<void> {
  for (const doc of edited) {
    const path = join(dir, versionFilePath(name, doc.version))
    await mkdir(dirname(path), { recursive: true })
    await writeFile(path, json(doc))
  }
  const docs: ModelVersion[] = []
  for (const file of await filesUnder(join(dir, 'models', name, 'versions'))) {
    docs.push(JSON.parse(await readFile(file, 'utf8')) as ModelVersion)
  }
  await rm(join(dir, rowsDir(name)), { recursive: true, force: true })
  for (const [path, content] of deriveModelFiles(name, docs)) {
    await mkdir(dirname(join(dir, path)), { recursive: true })
    await writeFile(join(dir, path), json(content))
  }
  const catalog = JSON.parse(await readFile(join(dir, CATALOG_PATH), 'utf8')) as Catalog
  await writeFile(
    join(dir, CATALOG_PATH),
    json(withCatalogEntry(catalog, name, deriveHead(name, docs.map(rowOf))))
  )
}
