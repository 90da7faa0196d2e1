/**
 * GitHub's published OpenAPI description (`@octokit/openapi`, api.github.com.json, 13 MB), read
 * once per process (per jest module registry) on first use. What is kept: every operation's
 * method, path template and operationId (to match any request, emulated or not), the full
 * definition of the operations the emulator implements, and the component schemas those
 * reach. The parsed document itself is dropped.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { COMPONENTS_ID, directRefs, refClosure, translateSchema, type JsonObject } from './schema.js'

export interface ParameterSpec {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required: boolean
  schema: unknown
}

export interface ResponseSpec {
  /** Translated JSON schema of the application/json body, if the description gives one. */
  schema?: unknown
  /** Whether the description declares any body at all. */
  hasContent: boolean
}

export interface OperationSpec {
  operationId: string
  method: string
  template: string
  parameters: ParameterSpec[]
  requestBody?: { required: boolean; contentTypes: string[]; schema?: unknown }
  responses: Record<string, ResponseSpec>
}

export interface RouteSpec {
  method: string
  template: string
  operationId: string
}

export interface LoadedSpec {
  routes: RouteSpec[]
  operations: Map<string, OperationSpec>
  /** `{ $id: COMPONENTS_ID, definitions }` ready for Ajv.addSchema. */
  components: JsonObject
  loadMs: number
}

/** A change to a component schema the emulator makes because GitHub behaves otherwise (see rules.ts). */
export interface SchemaAmendment {
  rule: string
  component: string
  apply(schema: JsonObject): void
}

export const AMENDMENTS: SchemaAmendment[] = [
  {
    // The description's own upload text says a failed upload "may leave an empty asset with a
    // state of `starter`", yet release-asset.state enumerates only uploaded|open.
    rule: 'starter-asset',
    component: 'release-asset',
    apply(schema) {
      const state = (schema.properties as JsonObject).state as JsonObject
      state.enum = [...(state.enum as string[]), 'starter']
    }
  }
]

const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options']

let cached: LoadedSpec | undefined
let cachedFor = ''

/** Load (once) the description, keeping the full definitions of `operationIds`. */
export function loadSpec(operationIds: readonly string[]): LoadedSpec {
  const key = [...operationIds].sort().join(',')
  if (cached && cachedFor === key) return cached
  const started = Date.now()
  // from the repository's node_modules: jest runs this file in place, the benchmarks run it bundled in a temporary directory
  const file = createRequire(join(process.cwd(), 'package.json')).resolve(
    '@octokit/openapi/generated/api.github.com.json'
  )
  const doc = JSON.parse(readFileSync(file, 'utf8')) as JsonObject
  const wanted = new Set(operationIds)
  const routes: RouteSpec[] = []
  const raw = new Map<string, { method: string; template: string; op: JsonObject }>()
  for (const [template, item] of Object.entries(doc.paths as Record<string, JsonObject>)) {
    for (const method of METHODS) {
      const op = item[method] as JsonObject | undefined
      if (!op || typeof op.operationId !== 'string') continue
      routes.push({ method: method.toUpperCase(), template, operationId: op.operationId })
      if (wanted.has(op.operationId)) raw.set(op.operationId, { method: method.toUpperCase(), template, op })
    }
  }
  const missing = [...wanted].filter(id => !raw.has(id))
  if (missing.length > 0) throw new Error(`OpenAPI description lacks operations: ${missing.join(', ')}`)

  const componentsRoot = doc.components as JsonObject
  const resolve = (value: unknown): JsonObject => {
    let current = value as JsonObject
    while (typeof current.$ref === 'string') {
      const parts = current.$ref.replace(/^#\//, '').split('/')
      current = parts.reduce<JsonObject>((node, part) => node[part] as JsonObject, doc)
    }
    return current
  }

  const operations = new Map<string, OperationSpec>()
  const roots = new Set<string>()
  for (const [operationId, { method, template, op }] of raw) {
    const parameters = ((op.parameters as unknown[]) ?? []).map(resolve).map(p => {
      directRefs(p.schema, roots)
      return {
        name: p.name as string,
        in: p.in as ParameterSpec['in'],
        required: p.required === true,
        schema: translateSchema(p.schema ?? {})
      }
    })
    let requestBody: OperationSpec['requestBody']
    if (op.requestBody) {
      const body = resolve(op.requestBody)
      const content = (body.content ?? {}) as Record<string, JsonObject>
      const json = content['application/json']
      if (json?.schema) directRefs(json.schema, roots)
      requestBody = {
        required: body.required === true,
        contentTypes: Object.keys(content),
        schema: json?.schema ? translateSchema(json.schema) : undefined
      }
    }
    const responses: Record<string, ResponseSpec> = {}
    for (const [status, value] of Object.entries(op.responses as JsonObject)) {
      const response = resolve(value)
      const content = response.content as Record<string, JsonObject> | undefined
      const json = content?.['application/json']
      if (json?.schema) directRefs(json.schema, roots)
      responses[status] = {
        hasContent: content !== undefined,
        schema: json?.schema ? translateSchema(json.schema) : undefined
      }
    }
    operations.set(operationId, { operationId, method, template, parameters, requestBody, responses })
  }

  // Error bodies of rule-produced responses are validated against these too.
  for (const name of ['basic-error', 'validation-error']) roots.add(name)
  const schemas = componentsRoot.schemas as Record<string, unknown>
  const definitions: JsonObject = {}
  for (const name of refClosure(roots, schemas)) definitions[name] = translateSchema(schemas[name])
  for (const amendment of AMENDMENTS) {
    const target = definitions[amendment.component] as JsonObject | undefined
    if (target) amendment.apply(target)
  }

  cached = {
    routes,
    operations,
    components: { $id: COMPONENTS_ID, definitions },
    loadMs: Date.now() - started
  }
  cachedFor = key
  return cached
}
