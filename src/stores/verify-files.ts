/**
 * verifyFiles() by one verify() per file: what a store does when checking one file tells it
 * nothing about the next (the local store re-hashes each object on its own).
 */
import { isRegistryError } from '../domain/errors.js'
import { fileArtifacts } from '../domain/manifest.js'
import type { Artifact } from '../domain/types.js'
import type { ArtifactStore, FileVerification } from './artifact-store.js'

export async function verifyEachFile(
  verify: ArtifactStore['verify'],
  artifact: Artifact
): Promise<FileVerification[]> {
  const results: FileVerification[] = []
  for (const file of fileArtifacts(artifact)) {
    try {
      results.push({ file, ...(await verify(file)) })
    } catch (error) {
      if (!isRegistryError(error) || error.kind !== 'integrity') throw error
      results.push({ file, ok: false, actual: null, present: true, error })
    }
  }
  return results
}
