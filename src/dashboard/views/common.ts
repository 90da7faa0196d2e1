/** Pieces every view shares: loading registry data (again when the registry changes), formats, badges. */
import { html } from 'htm/preact'
import { createContext } from 'preact'
import { useContext, useEffect, useState } from 'preact/hooks'
import { ApiFailure } from '../api.js'
import { href } from '../route.js'

/** Bumped on every live event: views that read it load their data again. */
export const Revision = createContext(0)

export type Loaded<T> = { state: 'loading' } | { state: 'error'; error: Error } | { state: 'ready'; data: T }

/**
 * Loads `load()` when `keys` change and after each registry change. While a reload runs the old
 * data stays on screen, so a live update does not flash the page.
 */
export function useLoad<T>(load: () => Promise<T>, keys: unknown[]): Loaded<T> {
  const revision = useContext(Revision)
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' })
  const identity = JSON.stringify(keys)
  useEffect(() => setLoaded({ state: 'loading' }), [identity])
  useEffect(() => {
    let current = true
    load().then(
      data => current && setLoaded({ state: 'ready', data }),
      (error: Error) => current && setLoaded({ state: 'error', error })
    )
    return () => {
      current = false
    }
  }, [identity, revision])
  return loaded
}

export function Status({ loaded }: { loaded: Loaded<unknown> }) {
  if (loaded.state === 'loading') return html`<p class="muted" aria-busy="true">Loading…</p>`
  if (loaded.state === 'error') {
    const error = loaded.error
    const kind = error instanceof ApiFailure ? error.kind : 'error'
    return html`<div class="error" role="alert"><strong>${kind}</strong>: ${error.message}</div>`
  }
  return null
}

// The default policy's stages (src/domain/policy.ts), most served first; a policy's own stages follow.
const STAGE_ORDER = ['production', 'canary', 'staging', 'shadow', 'development', 'deprecated', 'archived']
const KNOWN_STAGES = new Set(STAGE_ORDER)

/** Stage → holders entries in a stable order: production first, then the rest of the lifecycle. */
export function byStage<T>(entries: Array<[string, T]>): Array<[string, T]> {
  const rank = (stage: string) => (KNOWN_STAGES.has(stage) ? STAGE_ORDER.indexOf(stage) : STAGE_ORDER.length)
  return [...entries].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
}

export function StageBadge({ stage }: { stage: string }) {
  const tone = KNOWN_STAGES.has(stage) ? stage : 'other'
  return html`<span class=${`badge stage-${tone}`}>${stage}</span>`
}

export function VersionLink({ name, version }: { name: string; version: string }) {
  return html`<a href=${href.version(`${name}@${version}`)}>${version}</a>`
}

export function formatMetric(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—'
  if (Number.isInteger(value)) return String(value)
  return Number(value.toPrecision(4)).toString()
}

/** A count with thousands grouped the same way in every locale: 100,000. */
export const formatCount = (n: number): string => n.toLocaleString('en-US')

export function formatDelta(value: number | null | undefined): string {
  if (value === null || value === undefined) return ''
  const text = formatMetric(Math.abs(value))
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : '±0'
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })
}

export function formatBytes(size: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB']
  let value = size
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`
}

/** Only http(s) links leave the dashboard: a registry field could hold `javascript:`. */
export function safeUrl(text: string | undefined): string | null {
  if (!text) return null
  try {
    const url = new URL(text)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null
  } catch {
    return null
  }
}

/** `<input type=datetime-local>`'s value (local time) as an ISO instant the API takes. */
export function localToIso(value: string): string | null {
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

/** An ISO instant as that input's value, to the second (the input has step=1). */
export function isoToLocal(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
}
