/**
 * The one step of `import` that knows the registry layout: new ModelVersion documents → the
 * files that hold them, through layout 2's batch writer (src/commands/layout-writes.ts): the
 * version files, one re-layout per touched day, one head per model and the catalog once.
 */
import type { ModelVersion } from '../domain/types.js'
import type { FileWrite, RegistrySnapshot } from '../registry/backend.js'
import { layoutWrites } from './layout-writes.js'

export async function versionWrites(snapshot: RegistrySnapshot, docs: ModelVersion[]): Promise<FileWrite[]> {
  return layoutWrites(snapshot, { upserts: docs })
}
