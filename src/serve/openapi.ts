/**
 * The API's OpenAPI 3.1 description: schemas/openapi.json is shipped in the package; the copy
 * served at /api/v1/openapi.json embeds the ModelVersion schema it references, so it stands alone.
 */
import shipped from '../../schemas/openapi.json' with { type: 'json' }
import modelVersionSchema from '../../schemas/model-version.schema.json' with { type: 'json' }

export function servedOpenApi(): Record<string, unknown> {
  const doc = structuredClone(shipped) as unknown as {
    components: { schemas: Record<string, unknown> }
  }
  doc.components.schemas.ModelVersion = structuredClone(modelVersionSchema)
  return doc as unknown as Record<string, unknown>
}
