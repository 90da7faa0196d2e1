/** list: the Python registry's list_models(), filtered and sorted like load_latest_model() selects. */
import { notFound, RegistryError } from '../domain/errors.js'
import { parseName } from '../domain/names.js'
import type { Criteria, SortKey } from '../domain/selection.js'
import type { ModelVersion } from '../domain/types.js'
import type { RegistrySnapshot } from '../registry/backend.js'
import type { CommandContext } from './context.js'
import { readListedVersion } from './registry-reads.js'
import { selectFromRegistry, selectRows, type SelectedRow } from './resolve.js'

export interface ListInput {
  criteria: Criteria
  sort?: SortKey
  limit?: number
}

export async function listVersions(ctx: CommandContext, input: ListInput): Promise<ModelVersion[]> {
  const snapshot = await ctx.backend.snapshot()
  return selectFromRegistry(snapshot, input.criteria, input.sort, input.limit)
}

export interface PageInput {
  name: string
  criteria: Criteria
  sort?: SortKey
  limit: number
  /** The model_id of the last version of the previous page. */
  after?: string
}

export interface VersionPage {
  versions: ModelVersion[]
  /** The model_id to continue after; null on the last page. */
  next: string | null
}

/** One page of a model's versions in `list` order; the model's index is read once. */
export async function listVersionPage(ctx: CommandContext, input: PageInput): Promise<VersionPage> {
  const snapshot = await ctx.backend.snapshot()
  const name = parseName(input.name)
  if ((await snapshot.modelNames()).indexOf(name) < 0)
    throw notFound(w => `no model named "${name}"; ${w.command('list')} shows the registered models`, {
      field: 'name',
      value: name,
      reason: 'unknown-model'
    })
  // The rows choose and order the page; only the page's version files are read.
  const { selected, start } = await pageRows(snapshot, { ...input.criteria, name }, input)
  const page = selected.slice(start, start + input.limit)
  const versions: ModelVersion[] = []
  for (const row of page) versions.push(await readListedVersion(snapshot, row.name, row.version))
  const more = start + input.limit < selected.length
  return { versions, next: more ? (page.at(-1)?.model_id ?? null) : null }
}

/**
 * The selected rows up to the page and one beyond it (which says whether more follow), and where
 * the page starts. In registration order (the default) the rows are read newest first and only
 * as far as needed: a first page reads its own rows, a later one grows the read fourfold until
 * it passes the cursor. Other orders need every matching row.
 */
async function pageRows(
  snapshot: RegistrySnapshot,
  criteria: Criteria,
  input: PageInput
): Promise<{ selected: SelectedRow[]; start: number }> {
  const sort = input.sort ?? { by: 'registered' }
  let want = sort.by === 'registered' ? input.limit + 1 : undefined
  if (input.after !== undefined && want !== undefined) want = Math.max(want, 4 * input.limit)
  for (;;) {
    const selected = await selectRows(snapshot, criteria, sort, want)
    const exhausted = want === undefined || selected.length < want
    if (input.after === undefined) return { selected, start: 0 }
    const at = selected.findIndex(v => v.model_id === input.after)
    if (at >= 0 && (exhausted || at + input.limit + 1 < selected.length)) return { selected, start: at + 1 }
    if (at < 0 && exhausted)
      throw new RegistryError(
        'conflict',
        'the version this cursor continues after no longer matches (the registry changed); start again without cursor',
        { field: 'cursor' }
      )
    want = (want as number) * 4
  }
}
