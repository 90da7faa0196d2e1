/**
 * fetch: the Python registry's load_model() / load_latest_model(). The bytes are verified against the
 * recorded SHA-256 while they are copied; nothing is left at the destination on a mismatch.
 */
import { lstat, mkdir, readdir, stat } from 'node:fs/promises'
import {
  basename,
  dirname,
  isAbsolute,
  join,
  relative as relativePath,
  resolve as resolvePath
} from 'node:path'
import { invalidInput, RegistryError } from '../domain/errors.js'
import { formatReference } from '../domain/references.js'
import type { Criteria } from '../domain/selection.js'
import type { ModelVersion } from '../domain/types.js'
import { refuseSpecialFile, sweepStaleTempsBeside, writeFileAtomic } from '../stores/atomic-file.js'
import type { CommandContext } from './context.js'
import { hashFile } from '../stores/hashing.js'
import { directoryMatches, fetchDirectory } from './directory.js'
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
  const { version, out } = await choose(ctx, input)
  return { version, path: await download(ctx, version, out) }
}

async function download(
  ctx: CommandContext,
  version: ModelVersion,
  out: string,
  replace = false
): Promise<string> {
  const store = await openStore(ctx)
  if (version.artifact.manifest) return fetchDirectory(store, version.artifact, out, { replace })
  return (await store.fetch(version.artifact, out)).path
}

export interface FetchIfChangedOutcome extends FetchOutcome {
  /** False when the destination already held exactly the chosen version's bytes: nothing was downloaded. */
  changed: boolean
}

/**
 * fetch --if-changed / --watch: the destination is left alone when it already holds the chosen
 * version — a file whose SHA-256 is the recorded one, or for a directory version a directory
 * holding exactly the manifest's files (nothing more, each the recorded size and SHA-256).
 * Otherwise it is replaced by the verified download: a file atomically by the store, a directory
 * by fetchDirectory's replace mode (the new tree verified beside it before the old one goes).
 *
 * For a directory version, `out` without a trailing `/` names the directory kept in place even
 * when it exists (it is what an earlier run put there); `out/` still receives `<model_id>`.
 * A directory version never replaces a file, or anything that is not a directory, nor a
 * non-empty directory no earlier run put there (managedMarker), nor the current directory (exit 2).
 */
export async function fetchIfChanged(ctx: CommandContext, input: FetchInput): Promise<FetchIfChangedOutcome> {
  const { version, out } = await choose(ctx, input, true)
  if (!version.artifact.manifest) {
    const present = await hashFile(out).catch(() => null)
    if (present?.sha256 === version.artifact.sha256) return { version, path: out, changed: false }
    return { version, path: await download(ctx, version, out), changed: true }
  }
  const kind = await kindOf(out, lstat)
  if (kind === 'directory') {
    if (await directoryMatches(out, version.artifact)) {
      // exactly the version's files (a plain fetch put them there): later changes may replace it
      if (!(await isFile(managedMarker(out)))) await recordManaged(out, version).catch(() => undefined)
      return { version, path: out, changed: false }
    }
    refuseEnclosing(out)
    await refuseUnmanaged(out, version)
  } else if (kind === 'other') {
    throw invalidInput(
      `"${out}" is not a directory (a file or a link), and ${formatReference(version)} is a directory version: it replaces only a directory; remove "${out}" or choose another path`,
      { field: 'out' }
    )
  }
  const path = await download(ctx, version, out, true)
  await recordManaged(out, version).catch((error: unknown) =>
    ctx.notice?.(
      `could not record ${managedMarker(out)} (${(error as Error).message}): the next change to ${out} will be refused`
    )
  )
  return { version, path, changed: true }
}

function recordManaged(out: string, version: ModelVersion): Promise<void> {
  const record = {
    name: version.name,
    version: version.version,
    model_id: version.model_id,
    sha256: version.artifact.sha256
  }
  return writeFileAtomic(managedMarker(out), `${JSON.stringify(record)}\n`)
}

async function isFile(path: string): Promise<boolean> {
  return (await lstat(path).catch(() => null))?.isFile() === true
}

/**
 * The file beside a directory that fetch --if-changed/--watch keeps at a version, saying it did so
 * (and which version it last put there), or found there exactly. Replacing a directory removes
 * everything in it, so only such a directory — or an empty one — is ever replaced: `--out` naming a directory that holds
 * other things (a parent meant to receive `<model_id>`, say) must not lose them.
 */
export function managedMarker(out: string): string {
  return join(dirname(out), `.${basename(out)}.mreg.json`)
}

async function refuseUnmanaged(out: string, version: ModelVersion): Promise<void> {
  if (await isFile(managedMarker(out))) return
  if ((await readdir(out).catch(() => [''])).length === 0) return
  throw invalidInput(
    `"${out}" holds files that are not ${formatReference(version)} and no earlier fetch --if-changed/--watch put there (no ${basename(managedMarker(out))} beside it): remove it, or end the path with / to fetch into it as <model_id>`,
    { field: 'out' }
  )
}

/**
 * Replacing the directory the command runs in (or one around it) is never what was meant: it
 * is what `--out .` or a mistyped parent gives.
 */
function refuseEnclosing(out: string): void {
  const inside = relativePath(out, process.cwd())
  if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside)))
    throw invalidInput(
      `"${out}" is the current directory or encloses it: it will not be replaced by a fetch; give the path of the directory to keep the version in`,
      { field: 'out' }
    )
}

async function choose(
  ctx: CommandContext,
  input: FetchInput,
  replace = false
): Promise<{ version: ModelVersion; out: string }> {
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
  // replacing a directory version: an existing directory at --out is the one to keep current
  const keepInPlace = replace && version.artifact.manifest !== undefined
  const out = await destination(input.out, version.artifact.file_name, input.mkdir === true, keepInPlace)
  await refuseSpecialFile(out, `the destination "${out}"`)
  const swept = await sweepStaleTempsBeside(resolvePath(out), STALE_FETCH_TEMP_MS, {
    directories: version.artifact.manifest !== undefined
  })
  if (swept.length > 0) {
    ctx.notice?.(
      `removed ${swept.length} temporary file(s) or directories an interrupted fetch left beside ${out}`
    )
  }
  return { version, out }
}

/**
 * Where the file goes. `dir/` or an existing directory receives `<model_id><ext>`; any other
 * path is the file itself. The receiving directory is never created silently, and `mkdir`
 * creates that one directory only: a mistyped path must not grow a tree from the root.
 * `keepInPlace` (a directory version under --if-changed/--watch): only `dir/` receives
 * `<model_id>`; an existing directory is the destination itself.
 */
async function destination(
  out: string,
  fileName: string,
  create: boolean,
  keepInPlace: boolean
): Promise<string> {
  const namesDirectory = /[\\/]$/.test(out) || (!keepInPlace && (await kindOf(out)) === 'directory')
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

/** `read`: stat follows a link to what it names; lstat sees the link itself (a link is 'other'). */
async function kindOf(
  path: string,
  read: typeof stat | typeof lstat = stat
): Promise<'directory' | 'other' | 'missing'> {
  try {
    return (await read(path)).isDirectory() ? 'directory' : 'other'
  } catch {
    return 'missing'
  }
}
