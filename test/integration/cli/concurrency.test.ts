/**
 * Concurrent writers: separate mreg processes registering into one repository at once. Every
 * registration lands with a distinct version, and git fsck is clean.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import type { ModelVersion } from '../../../src/domain/types.js'
import {
  bundleCli,
  gitOutput,
  makeProjectRepo,
  mreg,
  mregJson,
  modelFile,
  removeDir,
  runChild,
  tempDir
} from '../../support/cli-harness.js'

const WRITERS = 8

let repo: string
let work: string
let bundle: string

beforeAll(async () => {
  repo = await makeProjectRepo()
  work = await tempDir()
  bundle = await bundleCli(work)
  await mreg(repo, ['init'])
})

afterAll(async () => {
  await removeDir(repo)
  await removeDir(work)
})

const ROUNDS = 4

test(`${WRITERS} processes registering ${ROUNDS} versions each at once: all land with distinct versions`, async () => {
  const total = WRITERS * ROUNDS
  const files = await Promise.all(
    Array.from({ length: total }, (_, i) => modelFile(work, `m${i}.bin`, 100 + i))
  )
  const writer = async (w: number) => {
    const results = []
    for (let r = 0; r < ROUNDS; r++) {
      const run = w * ROUNDS + r
      results.push(
        await runChild(bundle, repo, [
          '--json',
          'register',
          files[run] as string,
          '--type',
          'detector',
          '--metric',
          `run=${run}`
        ])
      )
    }
    return results
  }
  const results = (await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)))).flat()
  for (const result of results) expect(result).toMatchObject({ code: 0, stderr: '' })
  const registered = results.map(r => JSON.parse(r.stdout) as ModelVersion)
  expect(new Set(registered.map(v => v.version)).size).toBe(total)
  expect(new Set(registered.map(v => v.model_id)).size).toBe(total)

  const listed = await mregJson<ModelVersion[]>(repo, ['list', '--name', 'detector'])
  expect(listed).toHaveLength(total)
  expect(new Set(listed.map(v => v.performance_metrics.run))).toEqual(
    new Set(Array.from({ length: total }, (_, i) => i))
  )
  // What each process printed is what the branch holds.
  for (const version of registered) expect(listed.find(v => v.version === version.version)).toEqual(version)
  expect(gitOutput(repo, 'rev-list', '--count', 'model-registry')).toBe(String(total + 1))
  gitOutput(repo, 'fsck', '--full', '--strict')
  expect((await mregJson<{ healthy: boolean }>(repo, ['doctor'])).healthy).toBe(true)
}, 180_000)
