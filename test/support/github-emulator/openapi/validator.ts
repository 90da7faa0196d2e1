/**
 * Validates requests and responses against the operation they matched. Schemas are compiled per
 * operation on first use (compiling all of GitHub's would take seconds); the shared component
 * definitions are registered once per Ajv instance and compiled lazily by Ajv as refs reach them.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import { COMPONENTS_ID, type JsonObject } from './schema.js'
import type { LoadedSpec, OperationSpec } from './spec.js'

export interface ResponseCheck {
  status: number
  body: unknown
  /** Named rule that produced the response; lets a status the operation does not list through. */
  rule?: string
}

/** Statuses any operation may answer with a generic error body (rule `generic-client-error` and friends). */
const GENERIC_ERROR_STATUSES = new Set([400, 401, 403, 404, 405, 409, 410, 422, 429, 500, 502, 503])

function makeAjv(coerce: boolean, components: JsonObject): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, coerceTypes: coerce, validateFormats: true })
  addFormats.default(ajv, ['uri', 'date-time', 'date', 'email'])
  ajv.addSchema(components)
  return ajv
}

function describe(errors: ErrorObject[] | null | undefined, where: string): string[] {
  return (errors ?? []).slice(0, 8).map(e => {
    const at = `${where}${e.instancePath}`
    const extra =
      e.keyword === 'enum'
        ? ` (${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)})`
        : e.keyword === 'additionalProperties'
          ? ` (${(e.params as { additionalProperty: string }).additionalProperty})`
          : ''
    return `${at} ${e.message ?? e.keyword}${extra}`
  })
}

export class OpenApiValidator {
  private readonly strict: Ajv
  private readonly coercing: Ajv
  private readonly compiled = new Map<string, ValidateFunction>()

  constructor(private readonly spec: LoadedSpec) {
    this.strict = makeAjv(false, spec.components)
    this.coercing = makeAjv(true, spec.components)
  }

  operation(operationId: string): OperationSpec {
    const op = this.spec.operations.get(operationId)
    if (!op) throw new Error(`operation ${operationId} was not loaded`)
    return op
  }

  private compile(key: string, ajv: Ajv, schema: unknown): ValidateFunction {
    let fn = this.compiled.get(key)
    if (!fn) {
      fn = ajv.compile(schema as JsonObject)
      this.compiled.set(key, fn)
    }
    return fn
  }

  /**
   * Checks path and query parameters (coercing strings to the declared types, in place) and the
   * JSON body. Returns the mismatches, empty when the request is valid.
   */
  validateRequest(
    op: OperationSpec,
    input: { path: Record<string, unknown>; query: Record<string, unknown>; body: unknown; hasBody: boolean }
  ): string[] {
    const problems: string[] = []
    for (const location of ['path', 'query'] as const) {
      const declared = op.parameters.filter(p => p.in === location)
      const schema = {
        type: 'object',
        properties: Object.fromEntries(declared.map(p => [p.name, p.schema])),
        required: declared.filter(p => p.required).map(p => p.name)
      }
      const fn = this.compile(`${op.operationId}:${location}`, this.coercing, schema)
      if (!fn(input[location])) problems.push(...describe(fn.errors, `${location} parameters`))
    }
    const body = op.requestBody
    if (!body) return problems
    if (!input.hasBody) {
      if (body.required) problems.push('request body is required')
      return problems
    }
    if (body.schema !== undefined) {
      const fn = this.compile(`${op.operationId}:body`, this.strict, body.schema)
      if (!fn(input.body)) problems.push(...describe(fn.errors, 'request body'))
    }
    return problems
  }

  /** Checks a response's status and JSON body against the operation (or a rule's error shape). */
  validateResponse(op: OperationSpec, response: ResponseCheck): string[] {
    const key = String(response.status)
    const documented = op.responses[key] ?? op.responses.default
    if (documented) {
      if (response.status === 204 || response.status === 304) {
        return response.body === undefined ? [] : [`status ${key} must have no body`]
      }
      if (documented.schema === undefined) return []
      const fn = this.compile(`${op.operationId}:response:${key}`, this.strict, documented.schema)
      return fn(response.body) ? [] : describe(fn.errors, `response ${key} body`)
    }
    if (!GENERIC_ERROR_STATUSES.has(response.status)) {
      return [
        `status ${key} is not a documented response of ${op.operationId} (${Object.keys(op.responses).join(', ')})`
      ]
    }
    return this.validateErrorBody(response)
  }

  /** Error bodies outside the operation's own list: 422 is a validation-error, the rest basic-error. */
  validateErrorBody(response: ResponseCheck): string[] {
    const name = response.status === 422 ? 'validation-error' : 'basic-error'
    const fn = this.compile(`error:${name}`, this.strict, { $ref: `${COMPONENTS_ID}#/definitions/${name}` })
    return fn(response.body) ? [] : describe(fn.errors, `response ${response.status} (${name}) body`)
  }
}
