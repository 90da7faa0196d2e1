/**
 * The Python registry's list_models and load_latest_model over layout 2, as a stream of rows in
 * `list` order: models the catalog rules out are skipped, a stage held once is one version file,
 * and each model's rows are read newest first, day by day. What is held in memory at once:
 * - registration order (the default): one day of rows per model, merged across models (a heap);
 *   a limit stops the reading once it is met;
 * - another order with a limit: the best `limit` rows so far (a heap), over every selected row;
 * - another order without a limit: every selected row (compact rows, not documents) — the one
 *   case that grows with the registry, as a total order over all of it must.
 */
import TinyQueue from 'tinyqueue'
import { invalidInput } from '../domain/errors.js'
import { CATALOG_PATH, rowOf, type Catalog, type HeadSummary, type VersionRow } from '../domain/layout.js'
import { parseRegisteredAt, type Selectable } from '../domain/ordering.js'
import { matchesCriteria, sortComparator, type Criteria, type SortKey } from '../domain/selection.js'
import type { RegistryPolicy } from '../domain/types.js'
import type { RegistrySnapshot } from '../registry/backend.js'
import { readListedVersion, rowsNewestFirst } from './registry-reads.js'
import { forEachLimited, mapLimited, READS_IN_FLIGHT } from './limited.js'

export interface RowCandidate extends Selectable {
  row: VersionRow
}

export function asSelectable(name: string, row: VersionRow): RowCandidate {
  return {
    name,
    model_type: row.model_type,
    version: row.version,
    registered_at: row.registered_at,
    deployment_stage: row.stage,
    tags: row.tags,
    performance_metrics: row.metrics,
    artifact: { deleted: row.deleted },
    row
  }
}

export interface RowSelection {
  /** The metric names the models in scope record (from the catalog): --csv's columns. */
  metrics: string[]
  rows: AsyncGenerator<RowCandidate>
}

/** Checks the criteria against the catalog first (a bad filter fails before anything is printed). */
export async function selectRows(
  snapshot: RegistrySnapshot,
  criteria: Criteria,
  sort: SortKey = { by: 'registered' },
  limit?: number
): Promise<RowSelection> {
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0)) {
    throw invalidInput(`invalid limit ${limit}: use a whole number of at least 0`)
  }
  const catalog = await snapshot.readCatalog()
  checkSelection(snapshot.policy, catalog, criteria, sort)
  // own entries only: a name like __proto__ must not find Object.prototype
  const names = (criteria.name === undefined ? Object.keys(catalog.models) : [criteria.name]).filter(
    name => Object.hasOwn(catalog.models, name) && inScope(catalog.models[name], criteria)
  )
  const metrics = [...new Set(names.flatMap(name => Object.keys(catalog.models[name]?.metrics ?? {})))].sort()
  const order = sortComparator(sort, snapshot.policy)
  const sources = names.map(name =>
    modelCandidates(snapshot, name, catalog.models[name] as HeadSummary, criteria, sort, limit)
  )
  const rows =
    sort.by === 'registered'
      ? merged(sources, order, limit)
      : limit === undefined
        ? allSorted(sources, order)
        : best(sources, order, limit)
  return { metrics, rows }
}

function inScope(entry: HeadSummary | undefined, criteria: Criteria): entry is HeadSummary {
  if (!entry) return false
  if (criteria.model_type !== undefined && !entry.types[criteria.model_type]) return false
  return criteria.stage === undefined || entry.stages[criteria.stage] !== undefined
}

/**
 * Each model's candidates arrive in registration order, newest first: a k-way merge keeps that
 * order across models. `order` is the registration order (sortComparator's 'registered').
 */
async function* merged(
  sources: AsyncGenerator<RowCandidate>[],
  order: (a: RowCandidate, b: RowCandidate) => number,
  limit: number | undefined
): AsyncGenerator<RowCandidate> {
  if (limit === 0) return
  // Each head's registration time is parsed once, not in every comparison (a full listing of
  // 100,000 versions over 100 models compares some 1.5 million times); the order decides ties.
  const heads = new TinyQueue<{ candidate: RowCandidate; at: number; source: AsyncGenerator<RowCandidate> }>(
    [],
    (a, b) => b.at - a.at || order(a.candidate, b.candidate)
  )
  const head = (candidate: RowCandidate, source: AsyncGenerator<RowCandidate>) => ({
    candidate,
    at: parseRegisteredAt(candidate.registered_at),
    source
  })
  // Every model's first row is asked for at once: the reader sends requests made together to git
  // in one batch (100 stage holders were 100 round trips one after the other).
  const firsts = await mapLimited(sources, READS_IN_FLIGHT, source => source.next())
  for (const [i, first] of firsts.entries()) {
    if (!first.done) heads.push(head(first.value, sources[i] as AsyncGenerator<RowCandidate>))
  }
  let given = 0
  for (let top = heads.pop(); top; top = heads.pop()) {
    yield top.candidate
    if (limit !== undefined && ++given >= limit) return
    const next = await top.source.next()
    if (!next.done) heads.push(head(next.value, top.source))
  }
}

/** The `limit` best rows: a heap whose top is the worst kept, so each row costs log(limit). */
async function* best(
  sources: AsyncGenerator<RowCandidate>[],
  order: (a: RowCandidate, b: RowCandidate) => number,
  limit: number
): AsyncGenerator<RowCandidate> {
  if (limit === 0) return
  const kept = new TinyQueue<RowCandidate>([], (a, b) => order(b, a))
  // the models are read side by side (their reads batch); the heap is only touched between awaits
  await forEachLimited(sources, READS_IN_FLIGHT, async source => {
    for await (const candidate of source) {
      if (kept.length < limit) kept.push(candidate)
      else if (order(candidate, kept.peek() as RowCandidate) < 0) {
        kept.pop()
        kept.push(candidate)
      }
    }
  })
  const chosen: RowCandidate[] = []
  for (let c = kept.pop(); c; c = kept.pop()) chosen.push(c)
  for (let i = chosen.length - 1; i >= 0; i--) yield chosen[i] as RowCandidate
}

async function* allSorted(
  sources: AsyncGenerator<RowCandidate>[],
  order: (a: RowCandidate, b: RowCandidate) => number
): AsyncGenerator<RowCandidate> {
  const all: RowCandidate[] = []
  await forEachLimited(sources, READS_IN_FLIGHT, async source => {
    for await (const candidate of source) all.push(candidate)
  })
  yield* all.sort(order)
}

/** One model's matching rows, newest registration first, no more than can be shown. */
async function* modelCandidates(
  snapshot: RegistrySnapshot,
  name: string,
  entry: HeadSummary,
  criteria: Criteria,
  sort: SortKey,
  limit: number | undefined
): AsyncGenerator<RowCandidate> {
  let cap = entry.count
  if (criteria.stage !== undefined) {
    const held = entry.stages[criteria.stage]
    if (!held) return
    if (held.count === 1) {
      const doc = await readListedVersion(snapshot, name, held.newest, {
        where: CATALOG_PATH,
        stage: criteria.stage
      })
      if (matchesCriteria(doc, criteria)) yield asSelectable(name, rowOf(doc))
      return
    }
    cap = held.count
  }
  if (sort.by === 'registered' && limit !== undefined) cap = Math.min(cap, limit)
  let found = 0
  if (cap === 0) return
  for await (const row of rowsNewestFirst(snapshot, name)) {
    if (criteria.stage !== undefined && row.stage !== criteria.stage) continue
    const candidate = asSelectable(name, row)
    if (!matchesCriteria(candidate, criteria)) continue
    yield candidate
    if (++found >= cap) return
  }
}

/**
 * Filters are input like any other: a stage registry.json does not define is refused (as show
 * and promote refuse it), and so is a metric that no version in scope records, for --min and
 * --sort metric:NAME alike — an empty answer would hide the typo. Scope: the versions of the
 * named model, or of every model (the heads count the metric names); an empty registry has no
 * metric names to check against.
 */
export function checkSelection(
  policy: RegistryPolicy,
  catalog: Catalog,
  criteria: Criteria,
  sort?: SortKey
): void {
  if (criteria.stage !== undefined && !policy.stages.includes(criteria.stage)) {
    throw invalidInput(`unknown stage "${criteria.stage}": use one of ${policy.stages.join(', ')}`, {
      field: 'stage',
      stages: policy.stages
    })
  }
  const scope =
    criteria.name === undefined
      ? Object.values(catalog.models)
      : [Object.hasOwn(catalog.models, criteria.name) ? catalog.models[criteria.name] : undefined].filter(
          (e): e is HeadSummary => e !== undefined
        )
  if (scope.length === 0) return
  const recorded = new Set(scope.flatMap(e => Object.keys(e.metrics)))
  const known = recorded.size > 0 ? [...recorded].sort().join(', ') : 'none'
  const check = (metric: string, field: 'min_metrics' | 'sort') => {
    if (!recorded.has(metric))
      throw invalidInput(`no version records the metric "${metric}" (recorded: ${known})`, {
        field,
        metric,
        recorded: [...recorded].sort()
      })
  }
  for (const metric of Object.keys(criteria.min_metrics ?? {})) check(metric, 'min_metrics')
  if (sort?.by === 'metric') check(sort.metric, 'sort')
}
