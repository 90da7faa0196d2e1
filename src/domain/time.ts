/**
 * Times and sizes for humans: `--since 3d` / ISO input, "3 minutes ago", "1.0 MiB". The clock is
 * always a parameter so that output is reproducible and testable.
 */
import { invalidInput } from './errors.js'

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }
const RELATIVE = /^(\d{1,6})([smhdw])$/
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/

const FORMS =
  'use an ISO 8601 date or time (2026-11-27, 2026-11-27T14:30:00Z) or an age like 30m, 12h, 3d, 2w'

/** An absolute ISO 8601 date/time (no zone means UTC), or an age (`3d` = three days before `now`). */
export function parseTime(input: string, now: Date): Date {
  const relative = RELATIVE.exec(input)
  if (relative) {
    return new Date(now.getTime() - Number(relative[1]) * (UNIT_MS[relative[2] as string] as number))
  }
  const iso = ISO.exec(input)
  if (iso) {
    const [, y, mo, d, h = '00', mi = '00', s = '00', zone] = iso
    // Date.parse rolls 2026-02-30 over to March; refuse dates that do not exist instead.
    const sameDay = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)))
    const valid =
      sameDay.getUTCFullYear() === Number(y) &&
      sameDay.getUTCMonth() === Number(mo) - 1 &&
      sameDay.getUTCDate() === Number(d) &&
      Number(h) < 24 &&
      Number(mi) < 60 &&
      Number(s) < 60
    const normalised = input.replace(' ', 'T')
    const withZone = iso[4] === undefined ? `${normalised}T00:00:00Z` : zone ? normalised : `${normalised}Z`
    const t = Date.parse(withZone.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'))
    if (valid && !Number.isNaN(t)) return new Date(t)
  }
  throw invalidInput(`invalid time "${input}": ${FORMS}`)
}

function ago(n: number, unit: string, future: boolean): string {
  const text = `${n} ${unit}${n === 1 ? '' : 's'}`
  return future ? `in ${text}` : `${text} ago`
}

/** "just now", "3 minutes ago", "2 days ago", "in 5 minutes"; unparseable input is returned as is. */
export function relativeTime(iso: string, now: Date): string {
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return iso
  const diff = now.getTime() - t
  const future = diff < 0
  const s = Math.abs(diff) / 1000
  if (s < 45) return 'just now'
  const steps: [number, string, number][] = [
    [3600, 'minute', 60],
    [86400, 'hour', 3600],
    [86400 * 30, 'day', 86400],
    [86400 * 365, 'month', 86400 * 30]
  ]
  for (const [limit, unit, size] of steps) {
    if (s < limit) return ago(Math.max(1, Math.round(s / size)), unit, future)
  }
  return ago(Math.max(1, Math.floor(s / (86400 * 365))), 'year', future)
}

const UNITS = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB']

/** Binary units with one decimal: 1048576 → "1.0 MiB"; below 1 KiB in plain bytes. */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || Math.abs(n) < 1024) return `${n} B`
  let value = n / 1024
  let unit = 0
  // Move up while the rounded figure would read 1024.0 or more (1 MiB − 1 byte is "1.0 MiB").
  while (Math.abs(Number(value.toFixed(1))) >= 1024 && unit < UNITS.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toFixed(1)} ${UNITS[unit]}`
}
