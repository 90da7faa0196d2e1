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

test(`${WRITERS} processes registering at once all land with distinct versions`, async () => {
  const files = await Promise.all(
    Array.from({ length: WRITERS }, (_, i) => modelFile(work, `m${i}.bin`, 100 + i))
  )
  const results = await Promise.all(
    files.map((file, i) =>
      runChild(bundle, repo, ['--json', 'register', file, '--type', 'detector', '--metric', `run=${i}`])
    )
  )
  for (const result of results) expect(result).toMatchObject({ code: 0, stderr: '' })
  const registered = results.map(r => JSON.parse(r.stdout) as ModelVersion)
  const versions = new Set(registered.map(v => v.version))
  expect(versions.size).toBe(WRITERS)
  expect(new Set(registered.map(v => v.model_id)).size).toBe(WRITERS)

  const listed = await mregJson<ModelVersion[]>(repo, ['list', '--name', 'detector'])
  expect(listed).toHaveLength(WRITERS)
  expect(new Set(listed.map(v => v.performance_metrics.run))).toEqual(
    new Set(Array.from({ length: WRITERS }, (_, i) => i))
  )
  expect(gitOutput(repo, 'rev-list', '--count', 'model-registry')).toBe(String(WRITERS + 1))
  gitOutput(repo, 'fsck', '--full', '--strict')
  expect((await mregJson<{ healthy: boolean }>(repo, ['doctor'])).healthy).toBe(true)
}, 120_000)
