/**
 * A model's versions table and its filter form: the server filters, sorts, counts and pages (by
 * cursor), so the table is the first pages of the whole answer and says how many of how many it
 * shows; versions are picked here for compare.
 */
import { html } from 'htm/preact'
import { useContext, useRef, useState } from 'preact/hooks'
import { api, type ModelVersion, type VersionPage } from '../api.js'
import { href } from '../route.js'
import {
  formatCount as count,
  formatMetric,
  formatTime,
  Revision,
  Status,
  StageBadge,
  useLoad,
  VersionLink,
  type Loaded
} from './common.js'

/** The table's query in the route: the API's filters and sort, and the page size (`limit`). */
export const FILTERS = ['stage', 'tag', 'min', 'sort', 'limit'] as const
/** Rows per page of the table, unless the route's `limit` says otherwise. */
export const PAGE = 50
const PAGE_SIZES = [25, 50, 100, 250]

export function Filters({
  params,
  metrics,
  stages,
  pageSize,
  onChange
}: {
  params: Array<[string, string]>
  metrics: string[]
  stages: string[]
  pageSize: number
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
    <label
      >Rows
      <select name="limit" value=${pageSize === PAGE ? '' : String(pageSize)}>
        ${[...new Set([...PAGE_SIZES, pageSize])]
          .sort((a, b) => a - b)
          .map(size => html`<option value=${size === PAGE ? '' : String(size)}>${size}</option>`)}
      </select>
    </label>
    <button type="submit">Apply</button>
    ${
      params.some(([key]) => key !== 'limit')
        ? html`<button
            type="button"
            class="secondary"
            onClick=${() => onChange(params.filter(([key]) => key === 'limit'))}
          >
            Clear
          </button>`
        : null
    }
  </form>`
}

interface Shown {
  versions: ModelVersion[]
  total: number
  more: boolean
}

/**
 * The table's pages: the first `pages` pages of the server's answer. Pages already read for the
 * same filters and registry revision are kept, so "load more" asks only for the next one; a
 * registry change reads them all again. While a read runs the rows shown stay (no jump).
 */
function useVersionPages(
  name: string,
  params: Array<[string, string]>,
  pageSize: number,
  pages: number
): { loaded: Loaded<Shown>; shown: Shown | null } {
  const revision = useContext(Revision)
  const key = JSON.stringify([name, params, pageSize])
  const kept = useRef<{ key: string; revision: number; pages: VersionPage[] } | null>(null)
  const last = useRef<{ key: string; shown: Shown } | null>(null)
  const loaded = useLoad(async () => {
    const reuse = kept.current?.key === key && kept.current.revision === revision ? kept.current.pages : []
    const got = reuse.slice(0, pages)
    while (got.length < pages) {
      const cursor = got.at(-1)?.next_cursor
      if (got.length > 0 && !cursor) break
      got.push(
        await api.versions(name, [
          ...params,
          ['limit', String(pageSize)],
          ...(cursor ? [['cursor', cursor] as [string, string]] : [])
        ])
      )
    }
    kept.current = { key, revision, pages: got }
    const end = got.at(-1) as VersionPage
    return { versions: got.flatMap(p => p.versions), total: end.total, more: end.next_cursor !== null }
  }, [key, pages])
  if (loaded.state === 'ready') last.current = { key, shown: loaded.data }
  const shown = loaded.state === 'ready' ? loaded.data : last.current?.key === key ? last.current.shown : null
  return { loaded, shown }
}

export function VersionsTable({
  name,
  params,
  pageSize,
  metrics,
  navigate
}: {
  name: string
  params: Array<[string, string]>
  pageSize: number
  metrics: string[]
  navigate: (hash: string) => void
}) {
  const key = JSON.stringify([name, params, pageSize])
  // Other filters start again from the first page.
  const [wanted, setWanted] = useState({ key, pages: 1 })
  const pages = wanted.key === key ? wanted.pages : 1
  const [picked, setPicked] = useState<string[]>([])
  const { loaded, shown } = useVersionPages(name, params, pageSize, pages)
  const toggle = (version: string) =>
    setPicked(now => (now.includes(version) ? now.filter(v => v !== version) : [...now, version]))
  const busy = loaded.state === 'loading'
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
    ${shown === null || loaded.state === 'error' ? html`<${Status} loaded=${loaded} />` : null}
    ${
      shown !== null
        ? html`<p class="shown-count" aria-live="polite">
              Showing ${count(shown.versions.length)} of ${count(shown.total)}
              ${params.some(([k]) => k !== 'sort') ? ' matching' : ''} versions
            </p>
            <div class="scroll">
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
                  ${shown.versions.map(
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
            ${shown.versions.length === 0 ? html`<p class="muted">No version matches these filters.</p>` : null}
            ${
              shown.more
                ? html`<button
                    type="button"
                    class="secondary load-more"
                    disabled=${busy}
                    aria-busy=${busy ? 'true' : undefined}
                    onClick=${() => setWanted({ key, pages: pages + 1 })}
                  >
                    ${busy ? 'Loading…' : `Load ${count(Math.max(1, Math.min(pageSize, shown.total - shown.versions.length)))} more`}
                  </button>`
                : null
            }`
        : null
    }
  </div>`
}
