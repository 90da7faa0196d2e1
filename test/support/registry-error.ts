/** Tests of what a call refuses: the typed error (src/domain/errors.ts) it rejects with. */
import { expect } from '@jest/globals'
import { RegistryError } from '../../src/domain/errors.js'

/** The RegistryError `promise` rejects with; the test fails when it resolves or rejects with anything else. */
export async function caught(promise: Promise<unknown>): Promise<RegistryError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(RegistryError)
    return error as RegistryError
  }
  throw new Error('expected a RegistryError, nothing was thrown')
}
