/**
 * On GitHub, every file the policy check reads is a request, so a check that read every version
 * of the model (twice) could not run on a model of thousands within an hour's rate limit (a
 * promotion proposed as a pull request checks itself the same way). The check reads what the
 * change touched: its requests do not grow with the model's versions.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { join } from 'node:path'
import { check } from '../../../src/commands/check.js'
import { promote } from '../../../src/commands/promote.js'
import { resetGitHubClients } from '../../../src/github/client.js'
import { removeDir, tempDir } from '../../support/cli-harness.js'
import { testClock } from '../../support/command-context.js'
import { emulatorContext } from '../../support/github-context.js'
import { startGitHubEmulator, type GitHubEmulator } from '../../support/github-emulator/index.js'
import { git, gitAsync } from '../../support/git-repo.js'
import { importedRegistry } from '../../support/imported-registry.js'

// 150 versions of one model, every 10th staged, 1.0.140 in production (imported locally, then
// pushed to the emulator as the registry branch).
const VERSIONS = 150
const registry = importedRegistry({ models: ['lof'], versionsPerModel: VERSIONS })
let gh: GitHubEmulator
let work: string

beforeAll(async () => {
  gh = await startGitHubEmulator()
  work = await tempDir()
  // Asynchronously: the emulator answers from this process.
  await gitAsync(
    registry.repo,
    ['push', '--quiet', gh.gitUrl, 'refs/heads/model-registry:refs/heads/model-registry'],
    gh.gitEnv()
  )
}, 60_000)

afterAll(async () => {
  expect(gh.validationErrors).toEqual([])
  await gh.close()
  await removeDir(work)
  resetGitHubClients()
})

test('the check of a promotion on GitHub reads what the change touched', async () => {
  // The promotion is made locally (the imported artifacts are in the local store, not in
  // releases) and pushed as a proposal branch; the check runs in GitHub mode, on a fresh cache.
  const base = git(registry.repo, ['rev-parse', 'model-registry'])
  await promote(registry.ctx, { reference: 'lof@1.0.70', to: 'production' })
  const head = git(registry.repo, ['rev-parse', 'model-registry'])
  await gitAsync(
    registry.repo,
    ['push', '--quiet', gh.gitUrl, `${head}:refs/heads/mreg/promote/lof/1.0.70-to-production`],
    gh.gitEnv()
  )
  const ctx = emulatorContext(gh, join(work, 'cache'), testClock('2024-06-02T00:00:00Z'))
  const before = gh.requests.length
  const checked = await check(ctx, { base, head, headRef: 'mreg/promote/lof/1.0.70-to-production' })
  const requests = gh.requests.length - before
  expect(checked.changes.map(c => `${c.version} ${c.from} → ${c.to}`)).toEqual([
    '1.0.140 production → deprecated',
    '1.0.70 staging → production'
  ])
  expect(checked.findings.filter(f => f.severity === 'error')).toEqual([])
  // Reading the model whole would be a request per version file on each side: 300 and more. What
  // is read (46 requests): the trees on the changed paths on both sides, the two version files
  // and the two shards the change touched, the head, the catalog and the policy on both sides, the
  // newest holders the head's update compares with.
  expect(requests).toBeLessThan(VERSIONS / 2)
}, 60_000)
