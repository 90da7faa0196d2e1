/**
 * Registering on GitHub when the next version's release tag is taken for good: an immutable
 * release deleted after its metadata push failed keeps its tag reserved, so an automatic version
 * moves past it instead of failing every attempt.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import type { CommandContext } from '../../../src/commands/context.js'
import { init } from '../../../src/commands/init.js'
import { register } from '../../../src/commands/register.js'
import { resetGitHubClients } from '../../../src/github/client.js'
import { modelFile, removeDir, tempDir } from '../../support/cli-harness.js'
import { testClock } from '../../support/command-context.js'
import { emulatorContext } from '../../support/github-context.js'
import { startGitHubEmulator, type GitHubEmulator } from '../../support/github-emulator/index.js'

let gh: GitHubEmulator
let work: string
let ctx: CommandContext

beforeAll(async () => {
  gh = await startGitHubEmulator({ immutableReleases: true })
  work = await tempDir()
  ctx = emulatorContext(gh, work, testClock(new Date().toISOString()))
  await init(ctx)
})

afterAll(async () => {
  await gh.close()
  await removeDir(work)
  resetGitHubClients()
})

test('a reserved tag is skipped by an automatic version', async () => {
  // Every push attempt of the metadata fails: the published immutable release is deleted, its tag stays reserved.
  gh.faults.failNext({ origin: 'git', path: /git-receive-pack$/, status: 500, times: 4 })
  await expect(
    register(ctx, { file: await modelFile(work, 'a.bin', 1), modelType: 'meter' })
  ).rejects.toMatchObject({
    kind: 'unavailable'
  })
  expect([...gh.state.burnedTags]).toEqual(['meter@v1.0.0'])
  expect(gh.state.releases).toEqual([])

  const version = await register(ctx, { file: await modelFile(work, 'b.bin', 2), modelType: 'meter' })
  expect(version.version).toBe('1.0.1')
  expect(gh.state.releases.map(r => r.tagName)).toEqual(['meter@v1.0.1'])
  // An explicit version on a reserved tag is reported, not skipped.
  await expect(
    register(ctx, { file: await modelFile(work, 'c.bin', 3), modelType: 'meter', version: '1.0.0' })
  ).rejects.toMatchObject({ kind: 'conflict' })
  expect(gh.validationErrors).toEqual([])
})
