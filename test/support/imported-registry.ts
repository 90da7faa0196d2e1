/**
 * A local registry of generated legacy versions (legacy-registry.ts) brought in by `importLegacy`,
 * the quick way to a registry of hundreds of versions: set up once per test file (beforeAll),
 * removed after it (afterAll). Read `ctx` and `repo` inside tests, once beforeAll has run.
 */
import { afterAll, beforeAll } from '@jest/globals'
import type { CommandContext } from '../../src/commands/context.js'
import { importLegacy } from '../../src/commands/import.js'
import { init } from '../../src/commands/init.js'
import { makeProjectRepo, removeDir, tempDir } from './cli-harness.js'
import { localContext, testClock } from './command-context.js'
import { writeLegacyRegistry, type LegacyRegistrySpec } from './legacy-registry.js'

export interface ImportedRegistry {
  readonly repo: string
  readonly ctx: CommandContext
}

export function importedRegistry(spec: LegacyRegistrySpec, batchSize?: number): ImportedRegistry {
  let repo: string | undefined
  let legacy: string | undefined
  let ctx: CommandContext | undefined
  beforeAll(async () => {
    repo = await makeProjectRepo()
    legacy = await tempDir('mreg-legacy-')
    await writeLegacyRegistry(legacy, spec)
    ctx = localContext(repo, testClock('2024-06-01T00:00:00Z'))
    await init(ctx, 'local')
    await importLegacy(ctx, { dir: legacy, ...(batchSize === undefined ? {} : { batchSize }) })
  }, 120_000)
  afterAll(async () => {
    if (repo) await removeDir(repo)
    if (legacy) await removeDir(legacy)
  })
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('importedRegistry: read it inside a test, after beforeAll')
    return value
  }
  return {
    get repo() {
      return ready(repo)
    },
    get ctx() {
      return ready(ctx)
    }
  }
}
