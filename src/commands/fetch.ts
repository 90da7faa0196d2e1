/**
 * fetch: the seed's load_model() / load_latest_model(). The bytes are verified against the
 * recorded SHA-256 while they are copied; nothing is left at the destination on a mismatch.
 */
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { invalidInput, RegistryError } from '../domain/errors.js'
import { formatReference } from '../domain/references.js'
import type { Criteria } from '../domain/selection.js'
import type { ModelVersion } from '../domain/types.js'
import type { CommandContext } from './context.js'
import { hashFile } from '../stores/hashing.js'
import { openStore } from './open-store.js'
import { resolve, resolveCriteria } from './resolve.js'

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
  const { version, out } = await choose(ctx, input)
  const store = await openStore(ctx)
  const fetched = await store.fetch(version.artifact, out)
  return { version, path: fetched.path }
}

export interface FetchIfChangedOutcome extends FetchOutcome {
  /** False when the destination already held exactly the chosen version's bytes: nothing was downloaded. */
  changed: boolean
}

/**
 * fetch --if-changed / --watch: the destination is left alone when it already holds the chosen
 * version's bytes (its SHA-256 is the recorded one); otherwise it is replaced atomically by the
 * verified download.
 */
export async function fetchIfChanged(ctx: CommandContext, input: FetchInput): Promise<FetchIfChangedOutcome> {
  const { version, out } = await choose(ctx, input)
  const present = await hashFile(out).catch(() => null)
  if (present?.sha256 === version.artifact.sha256) return { version, path: out, changed: false }
  const store = await openStore(ctx)
  const fetched = await store.fetch(version.artifact, out)
  return { version, path: fetched.path, changed: true }
}

async function choose(
  ctx: CommandContext,
  input: FetchInput
): Promise<{ version: ModelVersion; out: string }> {
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
  return { version, out }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory()
  } catch {
    return false
  }
}
