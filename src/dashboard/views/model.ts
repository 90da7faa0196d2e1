/**
 * A model's page: the versions table (the API's stage/tag/min filters and sort, paged by
 * cursor, versions picked for compare), each metric charted over the versions, and the stage
 * timeline. The filters live in the route, so a filtered table can be linked and reloaded.
 */
import { html } from 'htm/preact'
import { useMemo, useState } from 'preact/hooks'
import { allVersions, api, type ModelVersion, type StageSpan } from '../api.js'
import { href } from '../route.js'
import { byStage, formatMetric, formatTime, Status, StageBadge, useLoad, VersionLink } from './common.js'
import { MetricChart, StageTimelineChart } from './charts.js'
import { HoldersAt, TimeTravelForm } from './time-travel.js'

const FILTERS = ['stage', 'tag', 'min', 'sort'] as const
const NONE: ModelVersion[] = []

export function ModelPage({
  name,
  query,
  navigate
}: {
  name: string
  query: URLSearchParams
  navigate: (hash: string) => void
}) {
  const all = useLoad(() => allVersions(name), [name])
  const params = FILTERS.flatMap(key => {
    const value = query.get(key)
    return value ? [[key, value] as [string, string]] : []
  })
  const at = query.get('at')
  const go = (next: Array<[string, string]>) => navigate(href.model(name, next))
  const known = all.state === 'ready' ? all.data.versions : NONE
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
    ${all.state === 'ready' ? html`<${Holders} name=${name} versions=${known} />` : null}
    <${Filters}
      params=${params}
      metrics=${metrics}
      stages=${stages}
      onChange=${(next: Array<[string, string]>) => go(at ? [...next, ['at', at]] : next)}
    />
    <${VersionsTable} name=${name} params=${params} metrics=${metrics} navigate=${navigate} />
    <h2>Metrics over versions</h2>
    <${Status} loaded=${all} />
    ${
      all.state === 'ready'
        ? html`${all.data.capped ? html`<p class="muted">Charts show the first ${known.length} versions.</p>` : null}
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
        onChange=${(next: string | null) => go(next ? [...params, ['at', next]] : params)}
      />
    </div>
    ${at ? html`<div class="card then"><${HoldersAt} name=${name} at=${at} /></div>` : null}
    ${all.state === 'ready' ? html`<${Timeline} name=${name} spans=${spans} />` : null}
  </section>`
}

/** Who serves now: every stage but the initial and the retired ones, with its holders. */
function Holders({ name, versions }: { name: string; versions: ModelVersion[] }) {
  const held = new Map<string, string[]>()
  for (const v of versions)
    if (!['development', 'deprecated', 'archived'].includes(v.deployment_stage))
      held.set(v.deployment_stage, [...(held.get(v.deployment_stage) ?? []), v.version])
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

function Legend() {
  return html`<p class="legend muted">
    Large points are served: <span class="dot stage-production"></span> production
    <span class="dot stage-canary"></span> canary <span class="dot stage-staging"></span> staging
    <span class="dot stage-shadow"></span> shadow; small:
    <span class="dot stage-development"></span> development
    <span class="dot stage-deprecated"></span> deprecated
  </p>`
}

function Filters({
  params,
  metrics,
  stages,
  onChange
}: {
  params: Array<[string, string]>
  metrics: string[]
  stages: string[]
  onChange: (params: Array<[string, string]>) => void
}) {
  const current = new Map(params)
  const submit = (event: Event) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget as HTMLFormElement)
    onChange(
      FILTERS.flatMap(key => {
        const value = String(form.get(key) ?? '').trim()
        return value ? [[key, value] as [string, string]] : []
      })
    )
  }
  const sort = current.get('sort') ?? 'registered'
  return html`<form class="filters" onSubmit=${submit} aria-label="filter versions">
    <label
      >Stage
      <select name="stage" value=${current.get('stage') ?? ''}>
        <option value="">any</option>
        ${[...new Set([...stages, ...(current.has('stage') ? [current.get('stage') as string] : [])])].map(
          stage => html`<option value=${stage}>${stage}</option>`
        )}
      </select>
    </label>
    <label>Tag <input name="tag" value=${current.get('tag') ?? ''} placeholder="e.g. canary" /></label>
    <label
      >Minimum metric
      <input name="min" value=${current.get('min') ?? ''} placeholder="f1_score:0.85" />
    </label>
    <label
      >Sort
      <select name="sort" value=${sort}>
        <option value="registered">newest first</option>
        <option value="version">highest version</option>
        ${metrics.map(metric => html`<option value=${`metric:${metric}`}>best ${metric}</option>`)}
      </select>
    </label>
    <button type="submit">Apply</button>
    ${
      params.length > 0
        ? html`<button type="button" class="secondary" onClick=${() => onChange([])}>Clear</button>`
        : null
    }
  </form>`
}

function VersionsTable({
  name,
  params,
  metrics,
  navigate
}: {
  name: string
  params: Array<[string, string]>
  metrics: string[]
  navigate: (hash: string) => void
}) {
  const [pages, setPages] = useState(1)
  const [picked, setPicked] = useState<string[]>([])
  const loaded = useLoad(async () => {
    const versions: ModelVersion[] = []
    let cursor: string | null = null
    for (let page = 0; page < pages; page++) {
      const result = await api.versions(name, [
        ...params,
        ['limit', '50'],
        ...(cursor ? [['cursor', cursor] as [string, string]] : [])
      ])
      versions.push(...result.versions)
      cursor = result.next_cursor
      if (!cursor) break
    }
    return { versions, more: cursor !== null }
  }, [name, params, pages])
  const toggle = (version: string) =>
    setPicked(now => (now.includes(version) ? now.filter(v => v !== version) : [...now, version]))
  return html`<div class="table-block">
    <div class="toolbar">
      <button
        type="button"
        disabled=${picked.length < 2}
        onClick=${() => navigate(href.compare(picked.map(v => `${name}@${v}`)))}
      >
        Compare ${picked.length > 0 ? `(${picked.length})` : ''}
      </button>
      <span class="muted">pick two or more versions</span>
    </div>
    <${Status} loaded=${loaded} />
    ${
      loaded.state === 'ready'
        ? html`<div class="scroll">
              <table class="versions">
                <thead>
                  <tr>
                    <th><span class="sr-only">pick</span></th>
                    <th>Version</th>
                    <th>Stage</th>
                    <th class="wide-only">Registered</th>
                    <th>Tags</th>
                    ${metrics.map(metric => html`<th class="num">${metric}</th>`)}
                  </tr>
                </thead>
                <tbody>
                  ${loaded.data.versions.map(
                    v =>
                      html`<tr data-version=${v.version} key=${v.model_id}>
                        <td>
                          <input
                            type="checkbox"
                            aria-label=${`pick ${v.version}`}
                            checked=${picked.includes(v.version)}
                            onChange=${() => toggle(v.version)}
                          />
                        </td>
                        <td><${VersionLink} name=${name} version=${v.version} /></td>
                        <td><${StageBadge} stage=${v.deployment_stage} /></td>
                        <td class="wide-only">${formatTime(v.registered_at)}</td>
                        <td>${v.tags.map(tag => html`<span class="tag">${tag}</span> `)}</td>
                        ${metrics.map(metric => html`<td class="num">${formatMetric(v.performance_metrics[metric])}</td>`)}
                      </tr>`
                  )}
                </tbody>
              </table>
            </div>
            ${loaded.data.versions.length === 0 ? html`<p class="muted">No version matches these filters.</p>` : null}
            ${
              loaded.data.more
                ? html`<button type="button" class="secondary" onClick=${() => setPages(pages + 1)}>
                    Load more
                  </button>`
                : null
            }`
        : null
    }
  </div>`
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

function Timeline({ name, spans }: { name: string; spans: StageSpan[] }) {
  if (spans.length === 0) return html`<p class="muted">No stage changes yet.</p>`
  const recent = [...spans].sort((a, b) => Date.parse(b.from) - Date.parse(a.from)).slice(0, LISTED)
  return html`<${StageTimelineChart} spans=${spans} />
    <details class="timeline-list">
      <summary>
        ${spans.length > LISTED ? `The latest ${LISTED} stage changes of ${spans.length}` : `Every stage change (${spans.length})`}
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
