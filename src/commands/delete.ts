/**
 * delete: the Python registry's delete_model(), with its production safety check. The metadata goes
 * first, then the bytes, so no committed version ever points at a deleted artifact.
 */
import { refused } from '../domain/errors.js'
import { formatReference } from '../domain/references.js'
import type { ModelVersion } from '../domain/types.js'
import type { CommandContext } from './context.js'
import { fileArtifacts } from './directory.js'
import { openStore } from './open-store.js'
import { updateRegistry } from './update-registry.js'
import { layoutWrites } from './layout-writes.js'
import { allVersions, resolve } from './resolve.js'
import { storedBytesInUse } from './store-audit.js'

export interface DeleteInput {
  reference: string
  force?: boolean
}

export interface DeleteOutcome {
  version: ModelVersion
  commit: string
  artifact_removed: boolean
}

export async function deleteVersion(ctx: CommandContext, input: DeleteInput): Promise<DeleteOutcome> {
  const outcome = await updateRegistry(ctx, async snapshot => {
    const { version } = await resolve(snapshot, input.reference)
    const protectedStages = snapshot.policy.retention.protect_stages
    if (!input.force && protectedStages.includes(version.deployment_stage)) {
      throw refused(
        w =>
          `${formatReference(version)} is in ${version.deployment_stage}, a protected stage: demote it first, or set ${w.field('force')}`,
        { field: 'force', value: false, reason: 'protected-stage', stage: version.deployment_stage }
      )
    }
    return {
      change: {
        subject: `delete ${version.name} ${version.version} (${version.deployment_stage})`,
        trailers: { 'Model-Id': version.model_id, Sha256: version.checksum },
        files: await layoutWrites(snapshot, { removals: [version] })
      },
      result: version
    }
  })
  const version = outcome.result
  const artifact_removed = await removeUnreferencedArtifact(ctx, version)
  return { version, commit: outcome.commit, artifact_removed }
}

/** Bytes shared with another live version (same content, content-addressed store) stay. */
export async function removeUnreferencedArtifact(
  ctx: CommandContext,
  version: ModelVersion
): Promise<boolean> {
  if (version.artifact.deleted) return false
  const store = await openStore(ctx)
  // A release holds one version's assets, a directory's all of them: removing it removes them.
  if (store.kind !== 'local') {
    await store.remove(version.artifact, storedBytesInUse(ctx))
    return true
  }
  // Each file of a directory version is its own object, shared like any other.
  const used = new Set(
    (await allVersions(await ctx.backend.snapshot()))
      .filter(v => !v.artifact.deleted)
      .flatMap(v => fileArtifacts(v.artifact).map(a => a.sha256))
  )
  const own = fileArtifacts(version.artifact).filter(a => !used.has(a.sha256))
  if (own.length === 0) return false
  for (const artifact of own) await store.remove(artifact, storedBytesInUse(ctx))
  return true
}
