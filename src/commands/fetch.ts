/**
 * fetch: the seed's load_model() / load_latest_model(). The bytes are verified against the
 * recorded SHA-256 while they are copied; nothing is left at the destination on a mismatch.
 */
import { stat } from 'node:fs/promises'
import { join, resolve as resolvePath } from 'node:path'
import { invalidInput, RegistryError } from '../domain/errors.js'
import { formatReference } from '../domain/references.js'
import type { Criteria } from '../domain/selection.js'
import type { ModelVersion } from '../domain/types.js'
import { refuseSpecialFile, sweepStaleTempsBeside } from '../stores/atomic-file.js'
import type { CommandContext } from './context.js'
import { openStore } from './open-store.js'
import { resolve, resolveCriteria } from './resolve.js'

/**
 * A fetch in progress writes its temp file beside the destination continuously; one untouched for
 * this long was left by a killed fetch, and the next fetch to the same place removes it.
 */
export const STALE_FETCH_TEMP_MS = 15 * 60 * 1000

export interface FetchInput {
  reference?: string
  criteria?: Criteria
  /** A file path, or an existing directory to put `<model_id><ext>` in. */
  out: string
}

export interface FetchOutcome {
  version: ModelVersion
  path: string
}

export async function fetchModel(ctx: CommandContext, input: FetchInput): Promise<FetchOutcome> {
  if (input.reference === undefined && input.criteria === undefined) {
    throw invalidInput(
      'name a version (REF such as theft-detector@production) or criteria (--name, --type, --stage, --tag, --min)'
    )
  }
  const snapshot = await ctx.backend.snapshot()
  const version =
    input.reference !== undefined
      ? (await resolve(snapshot, input.reference)).version
      : await resolveCriteria(snapshot, input.criteria as Criteria)
  if (version.artifact.deleted) {
    throw new RegistryError(
      'not-found',
      `${formatReference(version)} is archived: its artifact was deleted by retention`
    )
  }
  const out = (await isDirectory(input.out)) ? join(input.out, version.artifact.file_name) : input.out
  await refuseSpecialFile(out, `the destination "${out}"`)
  const swept = await sweepStaleTempsBeside(resolvePath(out), STALE_FETCH_TEMP_MS)
  if (swept.length > 0) {
    ctx.notice?.(`removed ${swept.length} temporary file(s) an interrupted fetch left beside ${out}`)
  }
  const store = await openStore(ctx)
  const fetched = await store.fetch(version.artifact, out)
  return { version, path: fetched.path }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory()
  } catch {
    return false
  }
}
