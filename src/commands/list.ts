/** list: the Python registry's list_models(), filtered and sorted like load_latest_model() selects. */
import { notFound, RegistryError } from '../domain/errors.js'
import { parseName } from '../domain/names.js'
import type { Criteria, SortKey } from '../domain/selection.js'
import type { ModelVersion } from '../domain/types.js'
import type { CommandContext } from './context.js'
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
const READ_AHEAD = 32

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
        const read = readListedVersion(snapshot, next.value.name, next.value.version)
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
  const selected = await selectFromRegistry(snapshot, { ...input.criteria, name }, input.sort)
  let start = 0
  if (input.after !== undefined) {
    const at = selected.findIndex(v => v.model_id === input.after)
    if (at < 0)
      throw new RegistryError(
        'conflict',
        'the version this cursor continues after no longer matches (the registry changed); start again without cursor',
        { field: 'cursor' }
      )
    start = at + 1
  }
  const versions = selected.slice(start, start + input.limit)
  const more = start + input.limit < selected.length
  return { versions, next: more ? (versions.at(-1)?.model_id ?? null) : null }
}
