import { describe, expect, test } from '@jest/globals'
import { validatePolicy, validateModelVersion } from '../../../src/domain/validate.js'
import { RegistryError } from '../../../src/domain/errors.js'

describe('validate', () => {
  test('names the file and JSON path of the first problem', () => {
    let error: unknown
    try {
      validatePolicy({ schema_version: 1 }, 'registry.json')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(RegistryError)
    expect((error as RegistryError).message).toMatch(/^registry\.json: \$\.\w+ is required$/)
    expect((error as RegistryError).kind).toBe('integrity')
  })

  test('reports nested paths and the chosen kind', () => {
    expect(() => validateModelVersion({ schema_version: 2 }, 'models/a/1.0.0.json', 'invalid-input')).toThrow(
      /models\/a\/1\.0\.0\.json: \$\.\w+/
    )
  })
})

describe('validateRegistryFile', () => {
  test('checks each registry path against its schema', async () => {
    const { validateRegistryFile } = await import('../../../src/domain/validate.js')
    const { defaultPolicy } = await import('../../../src/domain/policy.js')
    expect(() => validateRegistryFile('registry.json', defaultPolicy())).not.toThrow()
    expect(() => validateRegistryFile('registry.json', { ...defaultPolicy(), stages: 'all' })).toThrow(
      /registry\.json: \$\.stages/
    )
    expect(() => validateRegistryFile('models/m/index.json', { schema_version: 1, name: 'm' })).toThrow(
      /models\/m\/index\.json/
    )
    expect(() => validateRegistryFile('models/m/1.0.0.json', { version: '1.0.0' })).toThrow(
      /models\/m\/1\.0\.0\.json/
    )
    expect(() => validateRegistryFile('notes.txt', 'hello')).toThrow(/not a file the registry branch holds/)
  })
})
