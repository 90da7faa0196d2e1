/**
 * models (and `GET /api/v1/models`) answers from the derived files (src/commands/models.ts): the
 * catalog, and rows only for a stage more than one version holds. No version file is read, and
 * the answer is the one every version file derives to.
 */
import { expect, test } from '@jest/globals'
import type { CommandContext } from '../../../src/commands/context.js'
import { listModels, summaryOfIndex } from '../../../src/commands/models.js'
import type { RegistrySnapshot } from '../../../src/registry/backend.js'
import { importedRegistry } from '../../support/imported-registry.js'

// Two models of 40: every 4th staged (10 hold staging), the newest of them production.
const registry = importedRegistry({ models: ['lof', 'iforest'], versionsPerModel: 40, stagingEvery: 4 })

test('models reads no version file, and answers what the version files derive to', async () => {
  const read: string[] = []
  const ctx = registry.ctx
  const backend = ctx.backend
  const snapshot = async (): Promise<RegistrySnapshot> => {
    const real = await backend.snapshot()
    return Object.assign(Object.create(real) as RegistrySnapshot, {
      readVersion: (name: string, version: string) => (
        read.push(`${name}@${version}`),
        real.readVersion(name, version)
      ),
      readIndex: (name: string) => (read.push(`${name} (index)`), real.readIndex(name))
    })
  }
  const counted: CommandContext = {
    ...ctx,
    backend: Object.assign(Object.create(backend) as typeof backend, { snapshot })
  }
  const models = await listModels(counted)
  expect(read).toEqual([])

  // The same summary built the costly way, from every version file.
  const truth = await backend.snapshot()
  const expected = []
  for (const name of await truth.modelNames()) {
    const index = await truth.readIndex(name)
    if (index) expected.push(summaryOfIndex(name, index))
  }
  expect(models).toEqual(expected)
  expect(models.map(m => m.name)).toEqual(['iforest', 'lof'])
  // A stage many versions hold came from the rows, all of its holders in order.
  expect(models[1]?.stages['staging']?.length).toBeGreaterThan(1)
  expect(models[1]?.stages['development']?.length).toBeGreaterThan(1)
})
