/**
 * artifacts.compression: gzip — stored compressed, recorded checksum is the model file's own,
 * fetch verifies both the stored bytes and the decompressed file; works for both stores.
 */
import { afterEach, expect, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import { access, chmod, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { cleanup } from '../../../src/commands/cleanup.js'
import type { CommandContext } from '../../../src/commands/context.js'
import { doctor } from '../../../src/commands/doctor.js'
import { fetchModel } from '../../../src/commands/fetch.js'
import { init } from '../../../src/commands/init.js'
import { register } from '../../../src/commands/register.js'
import { resetGitHubClients } from '../../../src/github/client.js'
import { makeProjectRepo, removeDir, tempDir } from '../../support/cli-harness.js'
import { localContext, testClock } from '../../support/command-context.js'
import { emulatorContext } from '../../support/github-context.js'
import { startGitHubEmulator, type GitHubEmulator } from '../../support/github-emulator/index.js'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const undo of cleanups.splice(0)) await undo()
  resetGitHubClients()
})

async function enableGzip(ctx: CommandContext): Promise<void> {
  await ctx.backend.update(async snapshot => {
    const policy = structuredClone(snapshot.policy)
    policy.artifacts.compression = 'gzip'
    return {
      change: { subject: 'compress artifacts', files: [{ path: 'registry.json', content: policy }] },
      result: null
    }
  })
}

async function compressibleModel(dir: string): Promise<{ path: string; bytes: Buffer }> {
  const bytes = Buffer.from('weights 0.125 0.25 0.5\n'.repeat(20_000))
  const path = join(dir, 'model.txt')
  await writeFile(path, bytes)
  return { path, bytes }
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

test('local store: gzip on the way in, verified twice on the way out', async () => {
  const repo = await makeProjectRepo()
  const work = await tempDir()
  cleanups.push(
    () => removeDir(repo),
    () => removeDir(work)
  )
  const ctx = localContext(repo, testClock())
  await init(ctx)
  await enableGzip(ctx)
  const model = await compressibleModel(work)
  const version = await register(ctx, { file: model.path, modelType: 'ranker' })
  expect(version.checksum).toBe(sha256(model.bytes))
  expect(version.artifact).toMatchObject({
    compression: 'gzip',
    size: model.bytes.length,
    sha256: sha256(model.bytes)
  })
  expect(version.artifact.stored?.size).toBeLessThan(model.bytes.length / 10)
  // The path users are given is the model file's name, not the gzip object.
  expect(version.file_path).toBe(version.artifact.file_name)
  expect(version.file_path).not.toContain(version.artifact.stored?.sha256 ?? '-')
  const objectPath = join(
    repo,
    '.git',
    'mreg',
    'objects',
    'sha256',
    version.artifact.stored?.sha256.slice(0, 2) ?? '',
    version.artifact.stored?.sha256 ?? ''
  )
  expect(sha256(await readFile(objectPath))).toBe(version.artifact.stored?.sha256)

  const out = join(work, 'fetched.txt')
  const fetched = await fetchModel(ctx, { reference: 'ranker@latest', out })
  expect(await readFile(fetched.path)).toEqual(model.bytes)
  expect((await doctor(ctx)).healthy).toBe(true)
  // The live compressed object is not an orphan.
  expect((await cleanup(ctx, { dryRun: true })).swept).toEqual([])

  // Valid gzip of other content: the stored bytes' checksum catches it first.
  await chmod(objectPath, 0o644)
  await writeFile(objectPath, gzipSync(Buffer.from('tampered')))
  const tamperedOut = join(work, 'tampered.txt')
  await expect(fetchModel(ctx, { reference: 'ranker@latest', out: tamperedOut })).rejects.toMatchObject({
    kind: 'integrity'
  })
  await expect(access(tamperedOut)).rejects.toThrow()
  expect((await doctor(ctx)).healthy).toBe(false)
})

test('GitHub release store: the asset is the gzip, the checksum the model file', async () => {
  const gh: GitHubEmulator = await startGitHubEmulator()
  const work = await tempDir()
  cleanups.push(
    () => gh.close(),
    () => removeDir(work)
  )
  const ctx = emulatorContext(gh, work, testClock(new Date().toISOString()))
  await init(ctx)
  await enableGzip(ctx)
  const model = await compressibleModel(work)
  const version = await register(ctx, { file: model.path, modelType: 'ranker' })
  const asset = gh.state.releases[0]?.assets[0]
  expect(asset?.name).toBe(`${version.model_id}.txt.gz`)
  expect(asset?.sha256).toBe(version.artifact.stored?.sha256)
  // Not the .gz asset's URL: what users are given as the model is the model file.
  expect(version.file_path).toBe(version.artifact.file_name)
  expect(version.file_path).not.toMatch(/\.gz$/)
  const fetched = await fetchModel(ctx, { reference: 'ranker@latest', out: join(work, 'out.txt') })
  expect(await readFile(fetched.path)).toEqual(model.bytes)
  expect(gh.validationErrors).toEqual([])
})
