/**
 * Compare: the API's comparison of two or more versions, one row per metric with each version's
 * value and its delta from the first, the best marked (ties too), and which way is better.
 */
import { html } from 'htm/preact'
import { api, type Comparison } from '../api.js'
import { href } from '../route.js'
import { formatDelta, formatMetric, formatTime, Status, StageBadge, useLoad } from './common.js'

export function ComparePage({ refs }: { refs: string[] }) {
  const loaded = useLoad(() => api.compare(refs), [refs])
  return html`<section>
    <nav class="crumbs"><a href=${href.overview()}>Models</a> / <span>Compare</span></nav>
    <h1>Compare</h1>
    ${
      refs.length < 2
        ? html`<p class="muted">Pick two or more versions on a model's page to compare them.</p>`
        : html`<${Status} loaded=${loaded} />
            ${loaded.state === 'ready' ? html`<${CompareTable} result=${loaded.data} />` : null}`
    }
  </section>`
}

function CompareTable({ result }: { result: Comparison }) {
  const columns = result.comparison.versions
  return html`<div class="scroll">
      <table class="compare">
        <thead>
          <tr>
            <th>Metric</th>
            ${columns.map(
              (c, i) =>
                html`<th>
                  <a href=${href.version(c.ref)}>${c.ref}</a>
                  <div><${StageBadge} stage=${c.stage} /></div>
                  <div class="muted small">${i === 0 ? 'baseline' : formatTime(c.registered_at)}</div>
                </th>`
            )}
          </tr>
        </thead>
        <tbody>
          ${result.comparison.metrics.map(
            m =>
              html`<tr data-metric=${m.metric}>
                <th>
                  ${m.metric}
                  <div class="muted small">${m.better} is better</div>
                </th>
                ${m.values.map((value, i) => {
                  const best = m.best === i || m.tied.includes(i)
                  const delta = m.deltas[i]
                  const tone =
                    delta === null || delta === undefined || delta === 0 || i === 0
                      ? ''
                      : isBetter(delta, m.better)
                        ? 'up'
                        : 'down'
                  return html`<td class=${`num${best ? ' best' : ''}`} data-best=${best ? 'true' : 'false'}>
                    <span class="value">${formatMetric(value)}</span>
                    ${best ? html` <span class="best-mark" title="best">★</span>` : null}
                    ${i > 0 && delta !== null ? html`<div class=${`delta ${tone}`}>${formatDelta(delta)}${relative(m.relative[i])}</div>` : null}
                  </td>`
                })}
              </tr>`
          )}
        </tbody>
      </table>
    </div>
    ${result.comparison.metrics.length === 0 ? html`<p class="muted">These versions record no metric.</p>` : null}`
}

function isBetter(delta: number, better: 'higher' | 'lower'): boolean {
  return better === 'higher' ? delta > 0 : delta < 0
}

function relative(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return ''
  const percent = (Math.abs(value) * 100).toFixed(1)
  return ` (${value > 0 ? '+' : value < 0 ? '−' : '±'}${percent}%)`
}
