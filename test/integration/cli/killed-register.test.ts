/**
 * A register process killed at any moment leaves no metadata pointing at a missing artifact:
 * the artifact is stored before the metadata is committed. doctor then reports either a clean
 * registry or only a sweepable orphan, and cleanup sweeps it.
 */
import { beforeAll, expect, test } from '@jest/globals'
import { open, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { ModelVersion } from '../../../src/domain/types.js'
import { bundleCli, mreg, mregJson, projectRegistry, runChild, testEnv } from '../../support/cli-harness.js'

const project = projectRegistry()
let bundle: string
let bigFile: string

beforeAll(async () => {
  bundle = await bundleCli(project.work)
  // 48 MiB of non-zero bytes: long enough to kill the process while it hashes or copies.
  bigFile = join(project.work, 'big.bin')
  const handle = await open(bigFile, 'w')
  const chunk = Buffer.alloc(1 << 20)
  for (let i = 0; i < 48; i++) {
    chunk.fill(i + 1)
    await handle.write(chunk)
  }
  await handle.close()
})

/** A register in a child process, killed with SIGKILL after `delayMs` (if it has not finished). */
const registerAndKill = (delayMs: number) =>
  runChild(bundle, project.repo, ['register', bigFile, '--type', 'big'], testEnv(), { timeoutMs: delayMs })

test('killing register at different moments never leaves metadata without its artifact', async () => {
  for (const delay of [40, 120, 200, 300, 450, 700]) {
    await registerAndKill(delay)
    const doctor = await mregJson<{ healthy: boolean; findings: { kind: string; severity: string }[] }>(
      project.repo,
      ['doctor']
    )
    expect(doctor.healthy).toBe(true)
    for (const finding of doctor.findings)
      expect(finding).toMatchObject({ kind: 'orphan-object', severity: 'warning' })
  }
  const registered = await mregJson<ModelVersion[]>(project.repo, ['list'])
  const fetched = registered.map(v =>
    mreg(project.repo, ['fetch', `${v.name}@${v.version}`, '--out', join(project.work, `${v.version}.bin`)])
  )
  for (const result of await Promise.all(fetched)) expect(result.code).toBe(0)
  // the killed processes are dead, so what they left (temp copies, pins) goes with the next cleanup
  expect((await mreg(project.repo, ['cleanup'])).code).toBe(0)
  const store = join(project.repo, '.git', 'mreg', 'objects')
  for (const folder of ['tmp', 'pins']) expect(await readdir(join(store, folder)).catch(() => [])).toEqual([])
  expect((await mregJson<{ findings: unknown[] }>(project.repo, ['doctor'])).findings).toEqual([])
}, 120_000)
