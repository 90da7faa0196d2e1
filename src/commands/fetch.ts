/**
 * fetch: the seed's load_model() / load_latest_model(). The bytes are verified against the
 * recorded SHA-256 while they are copied; nothing is left at the destination on a mismatch.
 */
import { mkdir, stat } from 'node:fs/promises'
import { dirname, join, resolve as resolvePath } from 'node:path'
import { invalidInput, RegistryError } from '../domain/errors.js'
import { formatReference } from '../domain/references.js'
import type { Criteria } from '../domain/selection.js'
import type { ModelVersion } from '../domain/types.js'
import type { CommandContext } from './context.js'
import { fetchDirectory } from './directory.js'
import { openStore } from './open-store.js'
import { resolve, resolveCriteria } from './resolve.js'

export interface FetchInput {
  reference?: string
  criteria?: Criteria
  /**
   * A file path, or a directory to put `<model_id><ext>` in (an existing one, or a path ending
   * in `/`). The directory that receives the file must exist unless `mkdir` is set.
   */
  out: string
  /** Create the receiving directory when it is missing: only that one, never its parents. */
  mkdir?: boolean
}

export interface FetchOutcome {
  version: ModelVersion
  path: string
}

export async function fetchModel(ctx: CommandContext, input: FetchInput): Promise<FetchOutcome> {
  if (input.reference === undefined && input.criteria === undefined) {
    throw invalidInput(
      w =>
        `name a version (${w.field('reference')}, such as theft-detector@production) or criteria (${['name', 'model-type', 'stage', 'tags', 'min-metrics'].map(f => w.field(f)).join(', ')})`,
      { field: 'reference', reason: 'missing' }
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
  const out = await destination(input.out, version.artifact.file_name, input.mkdir === true)
  const store = await openStore(ctx)
  if (version.artifact.manifest) return { version, path: await fetchDirectory(store, version.artifact, out) }
  const fetched = await store.fetch(version.artifact, out)
  return { version, path: fetched.path }
}

/**
 * Where the file goes. `dir/` or an existing directory receives `<model_id><ext>`; any other
 * path is the file itself. The receiving directory is never created silently, and `mkdir`
 * creates that one directory only: a mistyped path must not grow a tree from the root.
 */
async function destination(out: string, fileName: string, create: boolean): Promise<string> {
  const namesDirectory = /[\\/]$/.test(out) || (await kindOf(out)) === 'directory'
  const directory = resolvePath(namesDirectory ? out : dirname(out))
  const kind = await kindOf(directory)
  if (kind === 'other') throw invalidInput(`"${directory}" is not a directory`, { field: 'out' })
  if (kind === 'missing') {
    if (!create)
      throw invalidInput(`directory "${directory}" does not exist: create it, or pass --mkdir`, {
        field: 'out'
      })
    if ((await kindOf(dirname(directory))) !== 'directory')
      throw invalidInput(
        `"${dirname(directory)}" does not exist: --mkdir creates only the last directory (${directory})`,
        { field: 'out' }
      )
    try {
      await mkdir(directory)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
        throw invalidInput(`cannot create "${directory}": ${(error as Error).message}`, { field: 'out' })
    }
  }
  return namesDirectory ? join(directory, fileName) : resolvePath(out)
}

async function kindOf(path: string): Promise<'directory' | 'other' | 'missing'> {
  try {
    return (await stat(path)).isDirectory() ? 'directory' : 'other'
  } catch {
    return 'missing'
  }
}
