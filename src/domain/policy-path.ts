/**
 * `mreg policy set KEY VALUE`: KEY is a JSON path into registry.json (`retention.keep_last`,
 * `gates.production.min_metrics.f1_score`, `stages[2]`, `metrics["val.auc"].lower_is_better` for
 * a name holding a dot), VALUE is JSON when it parses as JSON, else a string.
 */
import { invalidInput } from './errors.js'
import { MAX_JSON_DEPTH, nestingDepth } from './json-input.js'

export type PathSegment = string | number

const KEY_FORMS =
  'use a JSON path such as retention.keep_last, gates.production.min_metrics.f1_score, stages[0] or metrics["val.auc"].lower_is_better'

export function parsePolicyPath(input: string): PathSegment[] {
  const text = input.startsWith('$.') ? input.slice(2) : input
  const segments: PathSegment[] = []
  let i = 0
  const bad = (why: string): never => {
    throw invalidInput(`invalid policy key "${input}": ${why}; ${KEY_FORMS}`, { field: 'key' })
  }
  if (text === '') bad('it is empty')
  while (i < text.length) {
    if (text[i] === '[') {
      const close = text.indexOf(']', i)
      if (close < 0) bad('a "[" is not closed')
      const inner = text.slice(i + 1, close)
      if (/^\d+$/.test(inner)) segments.push(Number(inner))
      else if (/^"[^"]+"$/.test(inner)) segments.push(inner.slice(1, -1))
      else bad(`[${inner}] is neither an index nor a quoted name`)
      i = close + 1
      if (i < text.length && text[i] !== '.' && text[i] !== '[') bad('a "]" must be followed by "." or "["')
      if (text[i] === '.') i++
      continue
    }
    const match = /^[^.[\]]+/.exec(text.slice(i))
    if (!match) bad('it has an empty segment')
    const name = (match as RegExpExecArray)[0]
    segments.push(name)
    i += name.length
    if (text[i] === '.') {
      i++
      if (i === text.length) bad('it ends with "."')
    }
  }
  if (segments.some(s => s === '__proto__' || s === 'constructor' || s === 'prototype')) {
    bad('it names a reserved property')
  }
  return segments
}

export function formatPolicyPath(path: PathSegment[]): string {
  return path
    .map((s, i) =>
      typeof s === 'number' ? `[${s}]` : /^[A-Za-z0-9_-]+$/.test(s) ? `${i === 0 ? '' : '.'}${s}` : `["${s}"]`
    )
    .join('')
}

/** JSON when it parses (`3`, `true`, `null`, `["a"]`, `{"metric": "f1"}`), else the text itself. */
export function parsePolicyValue(text: string): unknown {
  let value: unknown
  try {
    value = JSON.parse(text) as unknown
  } catch {
    return text
  }
  // deeper values overflow every recursive reader after us (schema validation, serialising)
  if (nestingDepth(value) > MAX_JSON_DEPTH)
    throw invalidInput(`the policy value is nested more than ${MAX_JSON_DEPTH} levels deep: flatten it`)
  return value
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** The value at `path`, or undefined when a segment is absent. */
export function valueAt(document: unknown, path: PathSegment[]): unknown {
  let node: unknown = document
  for (const segment of path) {
    if (typeof segment === 'number' ? !Array.isArray(node) : !isObject(node)) return undefined
    const container = node as Record<string | number, unknown>
    if (!Object.hasOwn(container, segment)) return undefined
    node = container[segment]
  }
  return node
}

/**
 * A copy of `document` with `value` at `path`. Missing objects on the way are created
 * (`gates.staging.min_metrics.f1_score` on a policy without a staging gate); an index must
 * name an existing element or the next one. Whether the result is a valid policy is the
 * schema's business, checked after.
 */
export function withValueAt(document: unknown, path: PathSegment[], value: unknown, key: string): unknown {
  const [head, ...rest] = path
  if (head === undefined) return value
  if (typeof head === 'number') {
    if (!Array.isArray(document)) {
      throw invalidInput(`invalid policy key "${key}": [${head}] indexes something that is not a list`, {
        field: 'key'
      })
    }
    if (head > document.length) {
      throw invalidInput(
        `invalid policy key "${key}": the list has ${document.length} item(s); use an index up to ${document.length}`,
        { field: 'key' }
      )
    }
    const copy = [...(document as unknown[])]
    copy[head] = withValueAt(document[head], rest, value, key)
    return copy
  }
  if (document !== undefined && !isObject(document)) {
    throw invalidInput(`invalid policy key "${key}": "${head}" is inside something that is not an object`, {
      field: 'key'
    })
  }
  const record = (document ?? {}) as Record<string, unknown>
  return {
    ...record,
    [head]: withValueAt(Object.hasOwn(record, head) ? record[head] : undefined, rest, value, key)
  }
}
