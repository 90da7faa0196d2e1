/**
 * kill -9 during promote, cleanup and delete (issue 11, crash suite; killed-register.test.ts does
 * register, `npm run stress` runs hundreds of random kills): afterwards `git fsck --strict` is
 * clean, the branch resolves, doctor reports no problem, every version still listed (a killed
 * delete may or may not have committed) is fetchable, and one cleanup leaves no orphan, temp file or pin.
 */
import { beforeAll, expect, test } from '@jest/globals'
import { readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { ModelVersion } from '../../../src/domain/types.js'
import {
  bundleCli,
  gitOutput,
  modelFile,
  mreg,
  mregJson,
  projectRegistry,
  runChild,
  testEnv
} from '../../support/cli-harness.js'

const project = projectRegistry()
let bundle: string

beforeAll(async () => {
  bundle = await bundleCli(project.work)
  for (let i = 0; i < 8; i++) {
    const file = await modelFile(project.work, `v${i}.bin`, i, 2 << 20)
    expect((await mreg(project.repo, ['register', file, '--type', 'victim'])).code).toBe(0)
  }
})

/** mreg in a child process, killed with SIGKILL after `delayMs` (if it has not finished). */
const runAndKill = (args: string[], delayMs: number) =>
  runChild(bundle, project.repo, args, testEnv(), { timeoutMs: delayMs })

async function expectConsistent(): Promise<void> {
  gitOutput(project.repo, 'fsck', '--strict', '--no-progress') // throws on any error
  expect(gitOutput(project.repo, 'rev-parse', '--verify', 'model-registry^{commit}')).toMatch(
    /^[0-9a-f]{40}$/
  )
  const doctor = await mregJson<{ findings: { severity: string }[] }>(project.repo, ['doctor'])
  expect(doctor.findings.filter(f => f.severity === 'problem')).toEqual([])
}

test('promote, delete and cleanup killed at different moments leave a consistent, fetchable registry', async () => {
  const delays = [25, 90, 160, 250, 400]
  for (const [i, delay] of delays.entries()) {
    await runAndKill(['promote', `victim@1.0.${i + 1}`, '--to', 'staging'], delay)
    await expectConsistent()
    await runAndKill(['delete', `victim@1.0.${i + 1}`, '--force'], delay)
    await expectConsistent()
    await runAndKill(['cleanup', '--keep-last', '6'], delay)
    await expectConsistent()
  }
  const live = await mregJson<ModelVersion[]>(project.repo, ['list'])
  for (const version of live) {
    const out = join(project.work, `out-${version.version}.bin`)
    expect((await mreg(project.repo, ['fetch', `victim@${version.version}`, '--out', out])).code).toBe(0)
    await rm(out)
  }
  expect(live.length).toBeGreaterThan(0)
  expect((await mreg(project.repo, ['cleanup', '--keep-last', '6'])).code).toBe(0)
  const store = join(project.repo, '.git', 'mreg', 'objects')
  for (const folder of ['tmp', 'pins']) expect(await readdir(join(store, folder)).catch(() => [])).toEqual([])
  expect((await mregJson<{ findings: unknown[] }>(project.repo, ['doctor'])).findings).toEqual([])
}, 180_000)
