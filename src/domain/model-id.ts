/**
 * The Python registry's model identifier `<name>_<YYYYMMDD_HHMMSS>` (UTC registration time), kept because
 * users and the artifact file names know models by it.
 */
import { invalidInput } from './errors.js'
import { parseName } from './names.js'

export const MODEL_ID_PATTERN = /^[a-z0-9][a-z0-9_.-]{0,62}_[0-9]{8}_[0-9]{6}(_[0-9]+)?$/
const SUFFIX = /_[0-9]{8}_[0-9]{6}(_[0-9]+)?$/

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/** `YYYYMMDD_HHMMSS` in UTC. */
export function formatTimestamp(date: Date): string {
  const year = date.getUTCFullYear()
  if (Number.isNaN(date.getTime()) || year < 0 || year > 9999) {
    throw invalidInput(`invalid registration time ${String(date)}: use a date between years 0 and 9999`)
  }
  return (
    pad(year, 4) +
    pad(date.getUTCMonth() + 1) +
    pad(date.getUTCDate()) +
    '_' +
    pad(date.getUTCHours()) +
    pad(date.getUTCMinutes()) +
    pad(date.getUTCSeconds())
  )
}

/** `<name>_<ts>`, then `_2`, `_3`… until it is not in `taken` (two registrations in one second). */
export function makeModelId(name: string, registeredAt: Date, taken: ReadonlySet<string>): string {
  const base = `${parseName(name)}_${formatTimestamp(registeredAt)}`
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) {
    const id = `${base}_${n}`
    if (!taken.has(id)) return id
  }
}

export function isModelId(s: string): boolean {
  return MODEL_ID_PATTERN.test(s)
}

/** Strips the last `_YYYYMMDD_HHMMSS(_n)?`; names may themselves contain underscores and digits. */
export function nameFromModelId(id: string): string {
  if (!isModelId(id)) {
    throw invalidInput(
      `invalid model_id "${id}": expected <name>_<YYYYMMDD>_<HHMMSS>, e.g. isolation_forest_20261127_143000`
    )
  }
  return id.replace(SUFFIX, '')
}
