/**
 * An import that fails between two batch commits: the batch that landed has its bytes, the rest
 * of what the run stored is removed, no version points at missing bytes, and running the import
 * again finishes it, skipping what landed. A version another writer takes meanwhile is refused.
 */
import { afterEach, beforeEach, expect, test } from '@jest/globals'
import { importLegacy } from '../../../src/commands/import.js'
import { init } from '../../../src/commands/init.js'
import { listVersions } from '../../../src/commands/list.js'
import type { CommandContext } from '../../../src/commands/context.js'
import { RegistryError } from '../../../src/domain/errors.js'
import { versionFilePath } from '../../../src/domain/layout.js'
import { LocalArtifactStore } from '../../../src/stores/local/local-store.js'
import { branchFile, commitOnBranch } from '../../support/branch-edit.js'
import { makeProjectRepo, removeDir, tempDir } from '../../support/cli-harness.js'
import { localContext, testClock } from '../../support/command-context.js'
import { writeLegacyRegistry } from '../../support/legacy-registry.js'

let repo: string
let legacy: string

beforeEach(async () => {
  repo = await makeProjectRepo()
  legacy = await tempDir('mreg-legacy-')
  await writeLegacyRegistry(legacy, { models: ['isolation_forest', 'dbscan'], versionsPerModel: 3 })
})

afterEach(async () => {
  await removeDir(repo)
  await removeDir(legacy)
})

/** The context, with a backend whose second commit fails like a lost disk or network would. */
function failingSecondCommit(ctx: CommandContext): CommandContext {
  let updates = 0
  const backend = ctx.backend
  const update: typeof backend.update = build => {
    if (++updates === 2) return Promise.reject(new RegistryError('unavailable', 'disk full (injected)'))
    return backend.update(build)
  }
  return { ...ctx, backend: Object.assign(Object.create(backend) as typeof backend, { update }) }
}

async function storedObjects(ctx: CommandContext): Promise<string[]> {
  const store = (await ctx.store()) as LocalArtifactStore
  const found: string[] = []
  for await (const object of store.listObjects()) found.push(object.sha256)
  return found.sort()
}

test('a failure after the first batch keeps that batch whole and removes the rest; a rerun finishes', async () => {
  const ctx = localContext(repo, testClock())
  await init(ctx)
  await expect(importLegacy(failingSecondCommit(ctx), { dir: legacy, batchSize: 4 })).rejects.toThrow(
    'disk full (injected)'
  )
  const landed = await listVersions(ctx, { criteria: {} })
  expect(landed).toHaveLength(4)
  // Exactly the landed versions' bytes are stored, each verifiable.
  expect(await storedObjects(ctx)).toEqual(landed.map(v => v.checksum).sort())
  const store = await ctx.store()
  for (const v of landed) expect((await store.verify(v.artifact)).ok).toBe(true)

  const rerun = await importLegacy(ctx, { dir: legacy, batchSize: 4 })
  expect(rerun).toMatchObject({ imported: 2, skipped: 4 })
  const all = await listVersions(ctx, { criteria: {} })
  expect(all).toHaveLength(6)
  expect(await storedObjects(ctx)).toEqual(all.map(v => v.checksum).sort())
})

test('a version another writer registers between two batches is refused by name, never overwritten', async () => {
  const ctx = localContext(repo, testClock())
  await init(ctx)
  let updates = 0
  let taken = ''
  const backend = ctx.backend
  const update: typeof backend.update = async build => {
    if (++updates === 2) {
      // the other writer: one of the versions still to come, committed straight onto the branch
      const landed = new Set((await listVersions(ctx, { criteria: {} })).map(v => `${v.name}@${v.version}`))
      const next = ['isolation_forest', 'dbscan']
        .flatMap(name => ['1.0.0', '1.0.1', '1.0.2'].map(version => ({ name, version })))
        .find(v => !landed.has(`${v.name}@${v.version}`)) as { name: string; version: string }
      taken = `${next.name}@${next.version}`
      await commitOnBranch(repo, { [versionFilePath(next.name, next.version)]: '{"written": "elsewhere"}\n' })
    }
    return backend.update(build)
  }
  const racing = { ...ctx, backend: Object.assign(Object.create(backend) as typeof backend, { update }) }
  const failed = importLegacy(racing, { dir: legacy, batchSize: 4 })
  await expect(failed).rejects.toMatchObject({ kind: 'conflict' })
  await expect(failed).rejects.toThrow(`${taken} was registered by someone else while the import ran`)
  expect(branchFile(repo, versionFilePath(...(taken.split('@') as [string, string]))).toString()).toBe(
    '{"written": "elsewhere"}\n'
  )
})
