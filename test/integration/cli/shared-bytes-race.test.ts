/**
 * Issue 11, known defect 1: a registration whose bytes are already stored (content addressing)
 * races a `delete --force` or a `cleanup` that removes the other version using those bytes. Every
 * registration that reports success must stay fetchable: the shared bytes are pinned while the
 * registration is in flight, and the remover re-checks pins and the registry after taking the
 * bytes out of reach (src/stores/local/object-layout.ts, removeObject).
 * Real processes, as users run them; `npm run stress` runs many more rounds.
 */
import { beforeAll, expect, test } from '@jest/globals'
import { join } from 'node:path'
import type { ModelVersion } from '../../../src/domain/types.js'
import { bundleCli, modelFile, mreg, projectRegistry, runChild } from '../../support/cli-harness.js'

const project = projectRegistry()
let bundle: string

const ROUNDS = 8

beforeAll(async () => {
  bundle = await bundleCli(project.work)
})

/** Registers `file` as `name` in a child process; the version it reports, or null if it failed. */
async function registerChild(file: string, name: string): Promise<ModelVersion | null> {
  const result = await runChild(bundle, project.repo, ['--json', 'register', file, '--type', name])
  return result.code === 0 ? (JSON.parse(result.stdout) as ModelVersion) : null
}

/** Every registration that reported success is fetchable and verified. */
async function expectFetchable(versions: (ModelVersion | null)[], tag: string): Promise<number> {
  let lost = 0
  for (const version of versions) {
    if (!version) continue
    const out = join(project.work, `${tag}-${version.name}-${version.version}.bin`)
    const fetched = await mreg(project.repo, ['fetch', `${version.name}@${version.version}`, '--out', out])
    if (fetched.code !== 0) lost++
  }
  return lost
}

test(`register of already-stored bytes racing delete --force of their other version: nothing lost (${ROUNDS} rounds)`, async () => {
  const registered: (ModelVersion | null)[] = []
  for (let round = 0; round < ROUNDS; round++) {
    const name = `del${round}`
    // 8 MiB: the registration reads it twice (hash, then store), which opens the race window
    const file = await modelFile(project.work, `${name}.bin`, 100 + round, 8 << 20)
    expect((await mreg(project.repo, ['register', file, '--type', name])).code).toBe(0)
    const [again] = await Promise.all([
      registerChild(file, name),
      runChild(bundle, project.repo, ['delete', `${name}@1.0.0`, '--force'])
    ])
    registered.push(again)
  }
  expect(registered.filter(Boolean).length).toBeGreaterThan(0)
  expect(await expectFetchable(registered, 'delete')).toBe(0)
}, 240_000)

test(`register of already-stored bytes racing cleanup of their other version: nothing lost (${ROUNDS} rounds)`, async () => {
  const registered: (ModelVersion | null)[] = []
  for (let round = 0; round < ROUNDS; round++) {
    const name = `clean${round}`
    const shared = await modelFile(project.work, `${name}-shared.bin`, 200 + round, 8 << 20)
    const newer = await modelFile(project.work, `${name}-newer.bin`, 300 + round)
    expect((await mreg(project.repo, ['register', shared, '--type', name])).code).toBe(0)
    expect((await mreg(project.repo, ['register', newer, '--type', name])).code).toBe(0)
    // cleanup --keep-last 1 archives 1.0.0 and sweeps its bytes, which the registration reuses
    const [again] = await Promise.all([
      registerChild(shared, name),
      runChild(bundle, project.repo, ['cleanup', '--keep-last', '1'])
    ])
    registered.push(again)
  }
  expect(registered.filter(Boolean).length).toBeGreaterThan(0)
  expect(await expectFetchable(registered, 'cleanup')).toBe(0)
}, 240_000)
