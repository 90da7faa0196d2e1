/**
 * The one step of `import` that knows the registry layout: new ModelVersion documents → the
 * files that hold them. Today that is each version file plus the model's index.json, re-derived
 * with the new versions in it (so a batch costs the size of each model it touches); a layout
 * with bounded-size derived files replaces this function and nothing else in the import.
 */
import { indexPath, upsertVersions, versionPath } from '../domain/model-index.js'
import type { ModelVersion } from '../domain/types.js'
import type { FileWrite, RegistrySnapshot } from '../registry/backend.js'

export async function versionWrites(snapshot: RegistrySnapshot, docs: ModelVersion[]): Promise<FileWrite[]> {
  const byName = new Map<string, ModelVersion[]>()
  for (const doc of docs) byName.set(doc.name, [...(byName.get(doc.name) ?? []), doc])
  const files: FileWrite[] = []
  for (const [name, versions] of byName) {
    for (const doc of versions) files.push({ path: versionPath(name, doc.version), content: doc })
    files.push({
      path: indexPath(name),
      content: upsertVersions(await snapshot.readIndex(name), name, versions)
    })
  }
  return files
}
