/** Structural comparison of JSON values, reporting where they first differ (for consistency reports). */

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

const key = (k: string): string => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`)

/**
 * The JSON path (`$.performance_metrics.f1`) of the first difference, or null when equal.
 * Object key order is ignored, as JSON does; `undefined` members count as absent.
 */
export function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return path
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`)
      if (d) return d
    }
    return null
  }
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()
    for (const k of keys) {
      const d = firstDifference(a[k], b[k], path + key(k))
      if (d) return d
    }
    return null
  }
  return Object.is(a, b) || (a === 0 && b === 0) ? null : path
}

export function jsonEqual(a: unknown, b: unknown): boolean {
  return firstDifference(a, b) === null
}
