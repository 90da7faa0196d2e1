/**
 * Charts with Chart.js (canvas; nothing inline for the CSP to refuse): each metric over the
 * versions in registration order with the stage holders marked, and the stage timeline as
 * floating bars from entering a stage to leaving it.
 */
import { html } from 'htm/preact'
import { useEffect, useMemo, useRef } from 'preact/hooks'
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration
} from 'chart.js'
import type { ModelVersion, StageSpan } from '../api.js'
import { formatMetric, formatTime } from './common.js'

Chart.register(
  LineController,
  LineElement,
  PointElement,
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  Tooltip,
  Legend
)

const STAGE_COLOURS: Record<string, string> = {
  production: '#15803d',
  canary: '#7c3aed',
  staging: '#b45309',
  shadow: '#0e7490',
  development: '#2563eb',
  deprecated: '#64748b',
  archived: '#9ca3af'
}
/** Stages a version is served from (or about to be): drawn large on the metric charts. */
const SERVED = new Set(['production', 'canary', 'staging', 'shadow'])
const stageColour = (stage: string) => STAGE_COLOURS[stage] ?? '#db2777'

function CanvasChart({ config, label }: { config: ChartConfiguration; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null)
  useEffect(() => {
    if (!canvas.current) return
    const chart = new Chart(canvas.current, config)
    return () => chart.destroy()
  }, [config])
  return html`<div class="chart"><canvas ref=${canvas} role="img" aria-label=${label}></canvas></div>`
}

/** One line per metric; a stage holder's point is drawn large in its stage's colour. */
export function MetricChart({ metric, versions }: { metric: string; versions: ModelVersion[] }) {
  const config = useMemo(() => metricConfig(metric, versions), [metric, versions])
  return html`<figure class="metric-chart" data-metric=${metric}>
    <figcaption>${metric}</figcaption>
    <${CanvasChart} config=${config} label=${`${metric} over versions`} />
  </figure>`
}

function metricConfig(metric: string, versions: ModelVersion[]): ChartConfiguration {
  const held = (v: ModelVersion) => SERVED.has(v.deployment_stage)
  return {
    type: 'line',
    data: {
      labels: versions.map(v => v.version),
      datasets: [
        {
          label: metric,
          data: versions.map(v => v.performance_metrics[metric] ?? null),
          borderColor: '#475569',
          spanGaps: true,
          // Many versions: the unserved points shrink so the line and the served ones stay legible.
          pointRadius: versions.map(v => (held(v) ? 7 : versions.length > 60 ? 1.5 : 3)),
          pointHoverRadius: 8,
          pointBackgroundColor: versions.map(v => stageColour(v.deployment_stage)),
          pointBorderColor: versions.map(v => stageColour(v.deployment_stage))
        }
      ]
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: item => {
              const v = versions[item.dataIndex] as ModelVersion
              return `${metric} ${formatMetric(item.parsed.y)} · ${v.deployment_stage}`
            }
          }
        }
      },
      scales: { x: { title: { display: true, text: 'version' } } }
    }
  }
}

/** Each span a version held a stage, as a bar from `from` to `until` (or now). */
export function StageTimelineChart({ spans }: { spans: StageSpan[] }) {
  // Drawn again when the spans change (a live event), not at every render of the page.
  const { config, left } = useMemo(() => {
    const { shown, left } = latestRows(spans.filter(s => s.stage !== 'archived'))
    return { config: timelineConfig(shown, Date.now()), left }
  }, [spans])
  return html`<div class="timeline-chart">
      <${CanvasChart} config=${config} label="stage timeline" />
    </div>
    ${
      left > 0
        ? html`<p class="muted small">
            The ${TIMELINE_ROWS} most recently changed versions; ${left} more in the list below.
          </p>`
        : null
    }`
}

const TIMELINE_ROWS = 15

/** The spans of the versions whose stage changed last, so a long-lived model stays readable. */
function latestRows(spans: StageSpan[]): { shown: StageSpan[]; left: number } {
  const last = new Map<string, number>()
  for (const span of spans)
    last.set(span.version, Math.max(last.get(span.version) ?? 0, Date.parse(span.from)))
  const kept = new Set(
    [...last.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, TIMELINE_ROWS)
      .map(([version]) => version)
  )
  return { shown: spans.filter(s => kept.has(s.version)), left: last.size - kept.size }
}

function timelineConfig(shown: StageSpan[], now: number): ChartConfiguration {
  const rows = [...new Set(shown.map(s => s.version))]
  // A version can hold a stage more than once (promoted, demoted, promoted again): the k-th
  // time it held a stage goes in that stage's k-th dataset, so every span gets its own bar.
  const series = new Map<string, { stage: string; bars: Map<string, [number, number]> }>()
  const seen = new Map<string, number>()
  for (const span of shown) {
    const nth = seen.get(`${span.version}\n${span.stage}`) ?? 0
    seen.set(`${span.version}\n${span.stage}`, nth + 1)
    const key = `${span.stage}\n${nth}`
    if (!series.has(key)) series.set(key, { stage: span.stage, bars: new Map() })
    series
      .get(key)
      ?.bars.set(span.version, [Date.parse(span.from), span.until ? Date.parse(span.until) : now])
  }
  const start = Math.min(now, ...shown.map(s => Date.parse(s.from)).filter(Number.isFinite))
  const config: ChartConfiguration<'bar', Array<[number, number] | null>> = {
    type: 'bar',
    data: {
      labels: rows,
      datasets: [...series.values()].map(({ stage, bars }) => ({
        label: stage,
        backgroundColor: stageColour(stage),
        grouped: false,
        borderSkipped: false,
        barPercentage: 0.7,
        data: rows.map(version => bars.get(version) ?? null)
      }))
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: {
          labels: {
            // One legend entry per stage, not per repeated dataset.
            filter: (item, data) => data.datasets.findIndex(d => d.label === item.text) === item.datasetIndex
          }
        },
        tooltip: {
          callbacks: {
            label: item => {
              const [from, until] = item.raw as [number, number]
              return `${item.dataset.label}: ${formatTime(new Date(from).toISOString())} → ${formatTime(new Date(until).toISOString())}`
            }
          }
        }
      },
      scales: {
        x: {
          type: 'linear',
          min: start,
          max: now,
          ticks: { maxTicksLimit: 6, callback: value => tickLabel(Number(value), now - start) }
        }
      }
    }
  }
  return config as unknown as ChartConfiguration
}

/** A time axis label: the clock within a couple of days, the date beyond. */
function tickLabel(ms: number, range: number): string {
  const date = new Date(ms)
  return range < 2 * 86_400_000
    ? date.toLocaleTimeString(undefined, {
        hour: '2-digit',
        minute: '2-digit',
        second: range < 600_000 ? '2-digit' : undefined
      })
    : date.toLocaleDateString(undefined, { month: 'short', day: 'numeric' })
}
