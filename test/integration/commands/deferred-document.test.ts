/**
 * A deferred document (what migrate writes for every version file, src/commands/migrate.ts) is
 * produced when the writer reaches its file: checked against its schema then, refused like any
 * other invalid document with the branch left where it was, and written byte for byte as the same
 * value given directly would be.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { deferredDocument, updateRegistry } from '../../../src/commands/update-registry.js'
import { CATALOG_PATH } from '../../../src/domain/layout.js'
import { POLICY_PATH } from '../../../src/registry/snapshot.js'
import { localContext, testClock } from '../../support/command-context.js'
import { gitOutput, makeProjectRepo, mreg, removeDir } from '../../support/cli-harness.js'

let repo: string

beforeAll(async () => {
  repo = await makeProjectRepo()
  expect((await mreg(repo, ['init'])).code).toBe(0)
})

afterAll(async () => {
  await removeDir(repo)
})

const tip = () => gitOutput(repo, 'rev-parse', 'refs/heads/model-registry')

describe('deferred documents', () => {
  test('an invalid one is refused when produced, naming its file; the branch stays', async () => {
    const before = tip()
    let produced = 0
    const ctx = localContext(repo, testClock())
    const write = updateRegistry(ctx, async () => ({
      change: {
        subject: 'test',
        files: [
          {
            path: CATALOG_PATH,
            content: deferredDocument(CATALOG_PATH, async () => {
              produced++
              return { schema_version: 2, models: 'not an object' }
            })
          }
        ]
      },
      result: null
    }))
    await expect(write).rejects.toThrow(CATALOG_PATH)
    expect(produced).toBe(1)
    expect(tip()).toBe(before)
  })

  test('a valid one is written exactly as the value itself would be', async () => {
    const ctx = localContext(repo, testClock())
    const policy = JSON.parse(gitOutput(repo, 'show', `model-registry:${POLICY_PATH}`)) as {
      retention: Record<string, unknown>
    }
    const changed = { ...policy, retention: { ...policy.retention, keep_last: 7 } }
    const start = tip()
    const direct = await updateRegistry(ctx, async () => ({
      change: { subject: 'direct', files: [{ path: POLICY_PATH, content: changed }] },
      result: null
    }))
    expect(direct.changed).toBe(true)
    const directBlob = gitOutput(repo, 'rev-parse', `${direct.commit}:${POLICY_PATH}`)
    gitOutput(repo, 'update-ref', 'refs/heads/model-registry', start)
    const deferred = await updateRegistry(ctx, async () => ({
      change: {
        subject: 'deferred',
        files: [{ path: POLICY_PATH, content: deferredDocument(POLICY_PATH, async () => changed) }]
      },
      result: null
    }))
    expect(deferred.changed).toBe(true)
    expect(gitOutput(repo, 'rev-parse', `${deferred.commit}:${POLICY_PATH}`)).toBe(directBlob)
  })
})
