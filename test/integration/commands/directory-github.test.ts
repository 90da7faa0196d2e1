/**
 * Directory versions on the GitHub release store, through the commands: a file larger than one
 * asset goes up in parts (each recording its path and part), fetch reassembles and verifies it;
 * cleanup and delete take the whole release with every asset; a directory's draft left by a
 * registration that died before its metadata landed is swept as an orphan after the grace period.
 */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { cleanup } from '../../../src/commands/cleanup.js'
import type { CommandContext } from '../../../src/commands/context.js'
import { deleteVersion } from '../../../src/commands/delete.js'
import { scanDirectory } from '../../../src/commands/directory.js'
import { doctor } from '../../../src/commands/doctor.js'
import { fetchModel } from '../../../src/commands/fetch.js'
import { init } from '../../../src/commands/init.js'
import { openStore } from '../../../src/commands/open-store.js'
import { promote } from '../../../src/commands/promote.js'
import { register } from '../../../src/commands/register.js'
import { showVersion } from '../../../src/commands/show.js'
import { resetGitHubClients } from '../../../src/github/client.js'
import { gitOutput, modelFile, removeDir, tempDir } from '../../support/cli-harness.js'
import { testClock, type TestClock } from '../../support/command-context.js'
import { emulatorContext } from '../../support/github-context.js'
import { startGitHubEmulator, type GitHubEmulator } from '../../support/github-emulator/index.js'

let gh: GitHubEmulator
let work: string
let clock: TestClock
let ctx: CommandContext

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

async function directory(name: string, fill: number): Promise<string> {
  const dir = join(work, name)
  await mkdir(join(dir, 'lib'), { recursive: true })
  await modelFile(dir, 'weights.bin', fill, 10_000)
  await modelFile(join(dir, 'lib'), 'features.py', fill + 1, 300)
  return dir
}

beforeEach(async () => {
  gh = await startGitHubEmulator()
  work = await tempDir()
  clock = testClock(new Date().toISOString())
  ctx = emulatorContext(gh, work, clock, { maxPartBytes: 4096 })
  await init(ctx)
})

afterEach(async () => {
  expect(gh.validationErrors).toEqual([])
  await gh.close()
  await removeDir(work)
  resetGitHubClients()
})

describe('a directory file larger than one asset', () => {
  test('goes up in parts, each recording its path and part; fetch reassembles and verifies it', async () => {
    const dir = await directory('model', 1)
    const version = await register(ctx, { file: dir, modelType: 'parted' })
    expect(version.artifact.assets?.map(a => [a.name, a.path, a.part])).toEqual([
      ['0001-lib_features.py', 'lib/features.py', undefined],
      ['0002-weights.bin.part000', 'weights.bin', 0],
      ['0002-weights.bin.part001', 'weights.bin', 1],
      ['0002-weights.bin.part002', 'weights.bin', 2]
    ])
    const out = join(work, 'out')
    await fetchModel(ctx, { reference: 'parted@latest', out })
    expect(await readFile(join(out, 'weights.bin'))).toEqual(await readFile(join(dir, 'weights.bin')))
    expect(await readFile(join(out, 'lib', 'features.py'))).toEqual(
      await readFile(join(dir, 'lib', 'features.py'))
    )
    expect((await doctor(ctx)).healthy).toBe(true)

    // A tampered part: nothing lands at the destination.
    const part = gh.state.releases[0]?.assets.find(a => a.name === '0002-weights.bin.part001')
    if (!part?.bytes) throw new Error('part missing')
    part.bytes = Buffer.from(part.bytes).fill(0, 0, 10)
    const again = join(work, 'again')
    await expect(fetchModel(ctx, { reference: 'parted@latest', out: again })).rejects.toMatchObject({
      kind: 'integrity'
    })
    expect(
      (await readdir(work)).filter(name => name.startsWith('again') || name.startsWith('.again'))
    ).toEqual([])
    part.sha256 = sha256(part.bytes)
    const report = await doctor(ctx)
    expect(report.healthy).toBe(false)
    expect(report.findings.map(f => f.message).join('\n')).toMatch(/weights\.bin/)
  })
})

describe('all or nothing', () => {
  test('a metadata push that fails removes the draft with every asset; the same version registers next', async () => {
    const dir = await directory('m', 9)
    // The branch moves by a fast-forward ref update (src/github/git-database-backend.ts): every
    // try of its 4 attempts (1 + 2 client retries each) fails.
    gh.faults.failNext({
      method: 'PATCH',
      path: /\/git\/refs\/heads%2Fmodel-registry$/,
      status: 500,
      times: 12
    })
    await expect(register(ctx, { file: dir, modelType: 'pushed' })).rejects.toMatchObject({
      kind: 'unavailable'
    })
    expect(gh.state.releases).toEqual([])
    const version = await register(ctx, { file: dir, modelType: 'pushed' })
    expect(version.version).toBe('1.0.0')
    expect(gh.state.releases.map(r => [r.tagName, r.draft, r.assets.length])).toEqual([
      ['pushed@v1.0.0', false, 4]
    ])
  })
})

describe('verification file by file', () => {
  test('doctor lists the release once for all its files; promotion verifies every file', async () => {
    await register(ctx, { file: await directory('v', 2), modelType: 'checked' })
    const release = gh.state.releases[0]
    const listings = () =>
      gh.requests.filter(r => r.method === 'GET' && r.path.endsWith(`/releases/${release?.id}/assets`)).length
    const before = listings()
    expect((await doctor(ctx)).healthy).toBe(true)
    expect(listings() - before).toBe(1)

    for (const stage of ['staging', 'canary']) await promote(ctx, { reference: 'checked@1.0.0', to: stage })
    // GitHub's digest of one file now disagrees with the manifest: production is refused, naming it.
    const asset = release?.assets.find(a => a.name === '0001-lib_features.py')
    if (!asset) throw new Error('asset missing')
    asset.sha256 = 'f'.repeat(64)
    // a new context: one remembers what it verified already
    const fresh = emulatorContext(gh, work, clock, { maxPartBytes: 4096 })
    await expect(promote(fresh, { reference: 'checked@1.0.0', to: 'production' })).rejects.toMatchObject({
      kind: 'integrity',
      message: expect.stringMatching(/its stored artifact file lib\/features\.py has sha256 f{64}/)
    })
  })
})

describe('retention and removal take every asset', () => {
  test('cleanup archives the older directory version: its release and all its assets go', async () => {
    const first = await register(ctx, { file: await directory('a', 1), modelType: 'kept' })
    clock.advance(60_000)
    await register(ctx, { file: await directory('b', 7), modelType: 'kept' })
    const before = gh.state.releases.find(r => r.id === first.artifact.release?.id)
    expect(before?.assets).toHaveLength(4)
    const outcome = await cleanup(ctx, { keepLast: 1 })
    expect(outcome.deleted_count).toBe(1)
    expect(outcome.swept.map(s => s.label)).toEqual(['release kept@v1.0.0'])
    expect(gh.state.releases.map(r => r.tagName)).toEqual(['kept@v1.0.1'])
    expect(gitOutput(gh.repoDir, 'tag', '--list').trim()).toBe('kept@v1.0.1')
    expect(await showVersion(ctx, 'kept@1.0.0')).toMatchObject({ artifact: { deleted: true } })
    expect((await doctor(ctx)).healthy).toBe(true)
  })

  test('delete removes the release with every asset', async () => {
    await register(ctx, { file: await directory('c', 3), modelType: 'gone' })
    const outcome = await deleteVersion(ctx, { reference: 'gone@1.0.0' })
    expect(outcome.artifact_removed).toBe(true)
    expect(gh.state.releases).toEqual([])
  })

  test('a draft of a directory left before its metadata landed is swept after the grace period', async () => {
    const dir = await directory('orphan', 5)
    const store = await openStore(ctx)
    // What a registration killed between uploading and committing leaves behind.
    await store.putDirectory(await scanDirectory(dir), {
      name: 'lost',
      version: '1.0.0',
      model_id: 'lost-1',
      file_name: 'lost-1',
      media_type: 'application/x-directory'
    })
    expect(gh.state.releases.map(r => [r.tagName, r.draft, r.assets.length])).toEqual([
      ['lost@v1.0.0', true, 4]
    ])
    expect((await cleanup(ctx, { keepLast: 5 })).swept).toEqual([])
    clock.set(new Date(Date.now() + 2 * 3_600_000).toISOString())
    const swept = await cleanup(ctx, { keepLast: 5 })
    expect(swept.swept.map(s => s.label)).toEqual(['release lost@v1.0.0 (draft)'])
    expect(gh.state.releases).toEqual([])
  })
})
