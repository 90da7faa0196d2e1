/**
 * A register on a fresh runner, against an emulator that holds every request 40 ms as a network
 * would: requests that do not depend on one another are sent together (the tip read shared with
 * the release store; the policy beside the root tree; the head beside the day's listing; the
 * commit's reads while the release is made), so the requests that wait for one another are
 * fewer than the requests made.
 */
import { afterEach, beforeEach, expect, test } from '@jest/globals'
import { join } from 'node:path'
import { init } from '../../../src/commands/init.js'
import { register } from '../../../src/commands/register.js'
import { resetGitHubClients } from '../../../src/github/client.js'
import { modelFile, removeDir, tempDir } from '../../support/cli-harness.js'
import { testClock } from '../../support/command-context.js'
import { emulatorContext } from '../../support/github-context.js'
import { startGitHubEmulator, type GitHubEmulator } from '../../support/github-emulator/index.js'
import { roundTrips } from '../../support/round-trips.js'

let gh: GitHubEmulator
let work: string

beforeEach(async () => {
  gh = await startGitHubEmulator({ latencyMs: 40 })
  work = await tempDir()
})

afterEach(async () => {
  expect(gh.validationErrors).toEqual([])
  await gh.close()
  await removeDir(work)
  resetGitHubClients()
})

test('a register on a fresh runner waits for 15 round trips or fewer, not one per request', async () => {
  const clock = testClock(new Date().toISOString())
  const writer = emulatorContext(gh, join(work, 'writer'), clock)
  await init(writer)
  for (let i = 0; i < 2; i++)
    await register(writer, { file: await modelFile(work, `r${i}.bin`, i), modelType: 'meter' })

  const seen = gh.requests.length
  await register(emulatorContext(gh, join(work, 'fresh'), clock), {
    file: await modelFile(work, 'r2.bin', 2),
    modelType: 'meter'
  })
  const used = gh.requests.slice(seen)
  // ref, commit, policy + root tree, head + the day's listing, the day's shard, the version's slot
  // + the release tag, the catalog + the draft release, the head's versions + the upload, the
  // tip, tree, commit, ref, publish: 13 when every overlap is seen (23 before they were sent
  // together and the release was read before it was published). Two of slack: a loaded machine
  // may start one of two requests sent together after the other's answer.
  expect(roundTrips(used)).toBeLessThanOrEqual(15)
  expect(used).toHaveLength(18)
}, 60_000)
