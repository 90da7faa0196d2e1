/**
 * Concurrent writers: separate mreg processes registering into one repository at once. Every
 * registration lands with a distinct version, and git fsck is clean.
 */
import { beforeAll, expect, test } from '@jest/globals'
import type { ModelVersion } from '../../../src/domain/types.js'
import {
  bundleCli,
  gitOutput,
  modelFile,
  mreg,
  mregJson,
  projectRegistry,
  runChild
} from '../../support/cli-harness.js'

const WRITERS = 8

const project = projectRegistry({ init: false })
let bundle: string

beforeAll(async () => {
  bundle = await bundleCli(project.work)
  await mreg(project.repo, ['init'])
})

const ROUNDS = 4

test(`${WRITERS} processes registering ${ROUNDS} versions each at once: all land with distinct versions`, async () => {
  const total = WRITERS * ROUNDS
  const files = await Promise.all(
    Array.from({ length: total }, (_, i) => modelFile(project.work, `m${i}.bin`, 100 + i))
  )
  const writer = async (w: number) => {
    const results = []
    for (let r = 0; r < ROUNDS; r++) {
      const run = w * ROUNDS + r
      results.push(
        await runChild(bundle, project.repo, [
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

  const listed = await mregJson<ModelVersion[]>(project.repo, ['list', '--name', 'detector'])
  expect(listed).toHaveLength(total)
  expect(new Set(listed.map(v => v.performance_metrics.run))).toEqual(
    new Set(Array.from({ length: total }, (_, i) => i))
  )
  // What each process printed is what the branch holds.
  for (const version of registered) expect(listed.find(v => v.version === version.version)).toEqual(version)
  expect(gitOutput(project.repo, 'rev-list', '--count', 'model-registry')).toBe(String(total + 1))
  gitOutput(project.repo, 'fsck', '--full', '--strict')
  expect((await mregJson<{ healthy: boolean }>(project.repo, ['doctor'])).healthy).toBe(true)
}, 180_000)
