/** list: the Python registry's list_models(), filtered and sorted like load_latest_model() selects. */
import { notFound, RegistryError } from '../domain/errors.js'
import { ARCHIVED_STAGE } from '../domain/ordering.js'
import { parseName } from '../domain/names.js'
import type { Criteria, SortKey } from '../domain/selection.js'
import type { ModelVersion } from '../domain/types.js'
import type { RegistrySnapshot } from '../registry/backend.js'
import type { CommandContext } from './context.js'
import { mapLimited, READS_IN_FLIGHT } from './limited.js'
import { readListedVersion } from './registry-reads.js'
import { selectFromRegistry } from './resolve.js'
import { selectRows } from './select-rows.js'

export interface ListInput {
  criteria: Criteria
  sort?: SortKey
  limit?: number
}

export async function listVersions(ctx: CommandContext, input: ListInput): Promise<ModelVersion[]> {
  const snapshot = await ctx.backend.snapshot()
  return selectFromRegistry(snapshot, input.criteria, input.sort, input.limit)
}

/** Version files in flight while a list streams (streamVersions). */
export const READ_AHEAD = 128

export interface VersionStream {
  /** The metric names the listed models record (one CSV column each), known before the first version. */
  metrics: string[]
  /** The versions in `list` order, each read when it is asked for. */
  versions: AsyncGenerator<ModelVersion>
}

/**
 * `list` as a stream: a bad filter fails here, before anything is printed; then each version
 * file is read as the consumer asks for the next version (src/commands/select-rows.ts says what
 * the selection holds in memory).
 */
export async function streamVersions(ctx: CommandContext, input: ListInput): Promise<VersionStream> {
  const snapshot = await ctx.backend.snapshot()
  const { metrics, rows } = await selectRows(snapshot, input.criteria, input.sort, input.limit)
  async function* versions(): AsyncGenerator<ModelVersion> {
    // Up to READ_AHEAD version files are asked for before the oldest is given out: the object
    // reader answers requests in order (one `git cat-file --batch`), so they overlap instead of
    // waiting one round trip each, and memory holds no more than that many documents. The
    // window is refilled half at a time, so the requests go to git in batches, not one by one.
    const ahead: Promise<ModelVersion>[] = []
    let more = true
    const refill = async () => {
      while (more && ahead.length < READ_AHEAD) {
        const next = await rows.next()
        if (next.done) {
          more = false
          return
        }
        const read = readListedVersion(snapshot, next.value.name, next.value.version, { row: next.value.row })
        // Its failure is thrown when its turn comes; until then it must not count as unhandled.
        read.catch(() => undefined)
        ahead.push(read)
      }
    }
    await refill()
    while (ahead.length > 0) {
      if (ahead.length <= READ_AHEAD / 2) await refill()
      yield await (ahead.shift() as Promise<ModelVersion>)
    }
  }
  return { metrics, versions: versions() }
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
  /** How many versions match the criteria in all (every page together). */
  total: number
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
  const criteria = { ...input.criteria, name }
  const { selected, start, complete } = await pageRows(snapshot, criteria, input)
  const page = selected.slice(start, start + input.limit)
  // the page's version files in one batch of reads
  const versions = await mapLimited(page, READS_IN_FLIGHT, row =>
    readListedVersion(snapshot, row.name, row.version)
  )
  const more = start + input.limit < selected.length
  const total = complete ? selected.length : await countMatching(snapshot, criteria)
  return { versions, next: more ? (page.at(-1)?.model_id ?? null) : null, total }
}

/** Counts already made, per snapshot (a snapshot never changes; the server keeps one per tip). */
const counted = new WeakMap<RegistrySnapshot, Map<string, Promise<number>>>()

/**
 * How many of one model's versions match. Without a tag, metric or type filter the model's head
 * says (its counts are what the rows are read up to in src/commands/select-rows.ts); otherwise
 * every row is read — rows only, no version file — once per snapshot and criteria.
 */
function countMatching(snapshot: RegistrySnapshot, criteria: Criteria & { name: string }): Promise<number> {
  let kept = counted.get(snapshot)
  if (!kept) counted.set(snapshot, (kept = new Map()))
  const key = JSON.stringify(criteria)
  let count = kept.get(key)
  if (!count) {
    count = countRows(snapshot, criteria)
    const forget = kept
    count.catch(() => forget.delete(key))
    kept.set(key, count)
  }
  return count
}

async function countRows(snapshot: RegistrySnapshot, criteria: Criteria & { name: string }): Promise<number> {
  const filtered =
    (criteria.tags?.length ?? 0) > 0 ||
    Object.keys(criteria.min_metrics ?? {}).length > 0 ||
    criteria.model_type !== undefined
  const { models } = await snapshot.readCatalog()
  const head = Object.hasOwn(models, criteria.name) ? models[criteria.name] : undefined
  if (head && !filtered) {
    const held = (stage: string) => (Object.hasOwn(head.stages, stage) ? (head.stages[stage]?.count ?? 0) : 0)
    if (criteria.stage !== undefined) return held(criteria.stage)
    return criteria.include_archived ? head.count : head.count - held(ARCHIVED_STAGE)
  }
  const { rows } = await selectRows(snapshot, criteria)
  let count = 0
  for await (const _row of rows) count++
  return count
}

/** A selected version as its row names it: enough to page before reading version files. */
interface SelectedRow {
  name: string
  version: string
  model_id: string
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
): Promise<{ selected: SelectedRow[]; start: number; complete: boolean }> {
  const sort = input.sort ?? { by: 'registered' }
  let want = sort.by === 'registered' ? input.limit + 1 : undefined
  if (input.after !== undefined && want !== undefined) want = Math.max(want, 4 * input.limit)
  for (;;) {
    const { rows } = await selectRows(snapshot, criteria, sort, want)
    const selected: SelectedRow[] = []
    for await (const c of rows) selected.push({ name: c.name, version: c.version, model_id: c.row.model_id })
    const exhausted = want === undefined || selected.length < want
    if (input.after === undefined) return { selected, start: 0, complete: exhausted }
    const at = selected.findIndex(v => v.model_id === input.after)
    if (at >= 0 && (exhausted || at + input.limit + 1 < selected.length))
      return { selected, start: at + 1, complete: exhausted }
    if (at < 0 && exhausted)
      throw new RegistryError(
        'conflict',
        'the version this cursor continues after no longer matches (the registry changed); start again without cursor',
        { field: 'cursor' }
      )
    want = (want as number) * 4
  }
}
