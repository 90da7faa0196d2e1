/**
 * A model's page: the versions table (the API's stage/tag/min filters and sort, paged by
 * cursor, versions picked for compare), each metric charted over the latest versions, and the
 * stage timeline. The filters live in the route, so a filtered table can be linked and reloaded;
 * so do the table's page size (`limit`) and how many of the latest versions are charted (`chart`).
 * The server filters, sorts and counts: the table is the first pages of the whole answer, and
 * says how many of how many it shows; the charts say which versions they draw.
 */
import { html } from 'htm/preact'
import { useMemo } from 'preact/hooks'
import { api, ApiFailure, latestVersions, MAX_PAGE, type ModelVersion, type StageSpan } from '../api.js'
import { href } from '../route.js'
import {
  byStage,
  formatCount as count,
  formatTime,
  Status,
  StageBadge,
  useLoad,
  VersionLink
} from './common.js'
import { MetricChart, StageTimelineChart } from './charts.js'
import { HoldersAt, TimeTravelForm } from './time-travel.js'
import { FILTERS, Filters, PAGE, VersionsTable } from './versions-table.js'

const NONE: ModelVersion[] = []
/** How many of the latest versions the charts draw, unless the route's `chart` says otherwise. */
const CHARTED = 2000
const MAX_CHARTED = 20_000
/** Kept across filter changes: not a filter of the table. */
const VIEW = ['chart', 'at'] as const

/** A whole number from the route, within bounds; anything else is the default. */
function wholeNumber(text: string | null, max: number, fallback: number): number {
  const n = text === null ? NaN : Number(text)
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback
}

export function ModelPage({
  name,
  query,
  navigate
}: {
  name: string
  query: URLSearchParams
  navigate: (hash: string) => void
}) {
  const charted = wholeNumber(query.get('chart'), MAX_CHARTED, CHARTED)
  const pageSize = wholeNumber(query.get('limit'), MAX_PAGE, PAGE)
  const all = useLoad(() => latestVersions(name, charted), [name, charted])
  const params = FILTERS.flatMap(key => {
    const value = query.get(key)
    return value && key !== 'limit' ? [[key, value] as [string, string]] : []
  })
  const limit = query.get('limit')
  const at = query.get('at')
  const kept = VIEW.flatMap(key => {
    const value = query.get(key)
    return value ? [[key, value] as [string, string]] : []
  })
  const go = (next: Array<[string, string]>) => navigate(href.model(name, next))
  const known = all.state === 'ready' ? all.data.versions : NONE
  const partial = all.state === 'ready' && known.length < all.data.total
  const { metrics, stages, chronological, spans } = useMemo(
    () => ({
      // From the versions' own stage_history, as the API's history builds it
      // (src/domain/history.ts), without asking it for every commit of the model.
      spans: stageSpans(known),
      metrics: [...new Set(known.flatMap(v => Object.keys(v.performance_metrics)))].sort(),
      stages: [...new Set(known.map(v => v.deployment_stage))].sort(),
      // The API pages newest first; the charts read left to right, oldest to newest.
      chronological: known.filter(v => v.deployment_stage !== 'archived').reverse()
    }),
    [known]
  )
  return html`<section>
    <nav class="crumbs"><a href=${href.overview()}>Models</a> / <span>${name}</span></nav>
    <h1>${name}</h1>
    ${all.state === 'ready' ? html`<${Holders} name=${name} versions=${known} partial=${partial} />` : null}
    <${Filters}
      params=${limit ? [...params, ['limit', limit]] : params}
      metrics=${metrics}
      stages=${stages}
      pageSize=${pageSize}
      onChange=${(next: Array<[string, string]>) => go([...next, ...kept])}
    />
    <${VersionsTable}
      name=${name}
      params=${params}
      pageSize=${pageSize}
      metrics=${metrics}
      navigate=${navigate}
    />
    <h2>Metrics over versions</h2>
    <${Status} loaded=${all} />
    ${
      all.state === 'ready'
        ? html`<p class="muted chart-scope">${chartScope(known, all.data.total)}</p>
            <${Legend} />
            <div class="charts">
              ${metrics.length === 0 ? html`<p class="muted">No version records a metric.</p>` : null}
              ${metrics.map(
                metric => html`<${MetricChart} metric=${metric} versions=${chronological} key=${metric} />`
              )}
            </div>`
        : null
    }
    <h2>Stage timeline</h2>
    <div class="heading">
      <${TimeTravelForm}
        at=${at}
        onChange=${(next: string | null) => {
          const rest = query.get('chart') ? [['chart', query.get('chart') as string] as [string, string]] : []
          const filters = limit ? [...params, ['limit', limit] as [string, string]] : params
          go([...filters, ...rest, ...(next ? [['at', next] as [string, string]] : [])])
        }}
      />
    </div>
    ${at ? html`<div class="card then"><${HoldersAt} name=${name} at=${at} /></div>` : null}
    ${
      partial && all.state === 'ready'
        ? html`<p class="muted timeline-scope">
            Stage changes of the latest ${count(known.length)} of ${count(all.data.total)} versions.
          </p>`
        : null
    }
    ${all.state === 'ready' ? html`<${Timeline} name=${name} spans=${spans} partial=${partial} />` : null}
  </section>`
}

/** What the charts draw, in words: all versions, or which window of them. */
function chartScope(window: ModelVersion[], total: number): string {
  const archived = window.filter(v => v.deployment_stage === 'archived').length
  const scope =
    window.length < total
      ? `Charts show the latest ${count(window.length)} of ${count(total)} versions (by registration).`
      : `Charts show all ${count(total)} versions.`
  return archived > 0
    ? `${scope} ${count(archived)} archived ${archived === 1 ? 'version is' : 'versions are'} not charted.`
    : scope
}

const UNSERVED = ['development', 'deprecated', 'archived']

/**
 * Who serves now: every stage but the initial and the retired ones, with its holders. From the
 * charted versions when they are all of them; otherwise from the model's summary
 * (`GET /api/v1/models`, the registry's derived holders of every stage its policy has), since a
 * holder may be older than the window and a registry's stages need not be the default policy's.
 */
function Holders({ name, versions, partial }: { name: string; versions: ModelVersion[]; partial: boolean }) {
  const asked = useLoad(async () => (partial ? await stageHolders(name) : null), [name, partial])
  const held = new Map<string, string[]>()
  if (!partial) {
    for (const v of versions) {
      if (UNSERVED.includes(v.deployment_stage)) continue
      // appended in place: a copy per version was quadratic in a stage's holders
      const holders = held.get(v.deployment_stage)
      if (holders) holders.push(v.version)
      else held.set(v.deployment_stage, [v.version])
    }
  } else if (asked.state === 'ready' && asked.data) {
    for (const [stage, holders] of asked.data) held.set(stage, holders)
  } else return html`<${Status} loaded=${asked} />`
  if (held.size === 0) return html`<p class="muted">No version holds a stage beyond development yet.</p>`
  return html`<ul class="holders inline" aria-label="stage holders">
    ${byStage([...held.entries()]).map(
      ([stage, holders]) =>
        html`<li>
          <${StageBadge} stage=${stage} />
          ${holders.map(v => html` <${VersionLink} name=${name} version=${v} />`)}
        </li>`
    )}
  </ul>`
}

/** Each held stage's holders, newest first, from the model's summary; the unserved stages left out. */
async function stageHolders(name: string): Promise<Array<[string, string[]]>> {
  const summary = (await api.models()).find(m => m.name === name)
  if (!summary) throw new ApiFailure(404, 'not-found', `no model named "${name}"`)
  return Object.entries(summary.stages).filter(
    ([stage, holders]) => !UNSERVED.includes(stage) && holders.length > 0
  )
}

function Legend() {
  return html`<p class="legend muted">
    Large points are served: <span class="dot stage-production"></span> production
    <span class="dot stage-canary"></span> canary <span class="dot stage-staging"></span> staging
    <span class="dot stage-shadow"></span> shadow; small:
    <span class="dot stage-development"></span> development
    <span class="dot stage-deprecated"></span> deprecated
  </p>`
}

function stageSpans(versions: ModelVersion[]): StageSpan[] {
  return versions
    .flatMap(v =>
      v.stage_history.map((event, i) => ({
        version: v.version,
        model_id: v.model_id,
        stage: event.stage,
        from: event.at,
        until: v.stage_history[i + 1]?.at ?? null,
        by: event.by,
        via: event.via
      }))
    )
    .sort((a, b) => Date.parse(a.from) - Date.parse(b.from))
}

const LISTED = 300

function Timeline({ name, spans, partial }: { name: string; spans: StageSpan[]; partial: boolean }) {
  if (spans.length === 0) return html`<p class="muted">No stage changes yet.</p>`
  const recent = [...spans].sort((a, b) => Date.parse(b.from) - Date.parse(a.from)).slice(0, LISTED)
  return html`<${StageTimelineChart} spans=${spans} />
    <details class="timeline-list">
      <summary>
        ${
          spans.length > LISTED
            ? `The latest ${LISTED} stage changes of ${spans.length}`
            : partial
              ? `Stage changes of these versions (${spans.length})`
              : `Every stage change (${spans.length})`
        }
      </summary>
      <ol class="timeline">
        ${recent.map(
          s =>
            html`<li>
              <time datetime=${s.from}>${formatTime(s.from)}</time>
              <${VersionLink} name=${name} version=${s.version} /> entered <${StageBadge} stage=${s.stage} />
              <span class="muted"
                >by ${s.by} via ${s.via}${s.until ? `, until ${formatTime(s.until)}` : ''}</span
              >
            </li>`
        )}
      </ol>
    </details>`
}
