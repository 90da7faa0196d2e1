/**
 * OpenAPI 3.0.3 schema objects → JSON Schema (draft-07) that Ajv validates without guessing:
 * `nullable: true` becomes a `null` type (or an anyOf with null), `$ref`s to components point into
 * one shared definitions document, and formats Ajv does not know (uri-template, int64, binary…)
 * are dropped rather than ignored with a warning on every compile.
 */

export type JsonObject = Record<string, unknown>

/** The id under which the translated components are registered with Ajv. */
export const COMPONENTS_ID = 'github-openapi-components'

const COMPONENT_PREFIX = '#/components/schemas/'
const CHECKED_FORMATS = new Set(['uri', 'date-time', 'date', 'email'])
/** OpenAPI-only keywords with no JSON Schema meaning here. */
const DROPPED = new Set([
  'nullable',
  'example',
  'examples',
  'discriminator',
  'xml',
  'externalDocs',
  'deprecated'
])

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Names of the component schemas a schema refers to, directly. */
export function directRefs(schema: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(schema)) {
    for (const item of schema) directRefs(item, into)
  } else if (isObject(schema)) {
    const ref = schema.$ref
    if (typeof ref === 'string' && ref.startsWith(COMPONENT_PREFIX))
      into.add(ref.slice(COMPONENT_PREFIX.length))
    for (const value of Object.values(schema)) directRefs(value, into)
  }
  return into
}

/** The transitive closure of component schema names reachable from `roots`. */
export function refClosure(roots: Iterable<string>, components: Record<string, unknown>): Set<string> {
  const seen = new Set<string>()
  const queue = [...roots]
  while (queue.length > 0) {
    const name = queue.pop() as string
    if (seen.has(name)) continue
    seen.add(name)
    const schema = components[name]
    if (schema === undefined) throw new Error(`OpenAPI description has no component schema ${name}`)
    for (const next of directRefs(schema)) if (!seen.has(next)) queue.push(next)
  }
  return seen
}

/** Translate one OpenAPI schema object (recursively) to JSON Schema. */
export function translateSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(translateSchema)
  if (!isObject(schema)) return schema
  if (typeof schema.$ref === 'string') {
    // OpenAPI 3.0 ignores siblings of $ref; so do we.
    const ref = schema.$ref
    if (!ref.startsWith(COMPONENT_PREFIX)) throw new Error(`unsupported $ref ${ref}`)
    return { $ref: `${COMPONENTS_ID}#/definitions/${ref.slice(COMPONENT_PREFIX.length)}` }
  }
  const out: JsonObject = {}
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED.has(key) || key.startsWith('x-')) continue
    if (key === 'format' && (typeof value !== 'string' || !CHECKED_FORMATS.has(value))) continue
    if (key === 'properties' && isObject(value)) {
      out.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, translateSchema(v)]))
    } else if (key === 'enum' || key === 'required' || key === 'default') {
      out[key] = value
    } else {
      out[key] = translateSchema(value)
    }
  }
  if (schema.nullable === true) return nullable(out)
  return out
}

function nullable(schema: JsonObject): JsonObject {
  if (typeof schema.type === 'string') {
    const result: JsonObject = { ...schema, type: [schema.type, 'null'] }
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) result.enum = [...schema.enum, null]
    return result
  }
  return { anyOf: [schema, { type: 'null' }] }
}
