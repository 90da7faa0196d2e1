/**
 * A directory registered as one version: a manifest of every file (path, size, SHA-256), the
 * checksum the canonical manifest's digest, one object per file in the local store, and fetch
 * restoring the tree exactly — verified file by file, moved into place only when all match.
 */
import { beforeAll, describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { chmod, mkdir, readdir, stat, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ModelVersion } from '../../../src/domain/types.js'
import {
  modelFile,
  mreg,
  projectRegistry,
  registryState,
  removeDir,
  tempDir
} from '../../support/cli-harness.js'
import { treeDigests as tree } from '../../support/file-tree.js'

const project = projectRegistry()
let model: string
let version: ModelVersion

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex')

beforeAll(async () => {
  model = join(project.work, 'model')
  await mkdir(join(model, 'features', 'nested'), { recursive: true })
  await modelFile(model, 'model.pkl', 21, 70_000)
  await writeFile(join(model, 'requirements.txt'), 'scikit-learn==1.5.2\n')
  await writeFile(join(model, 'features', 'extract.py'), 'def extract(x):\n    return x\n')
  await writeFile(join(model, 'features', 'nested', 'é.json'), '{}')
  await writeFile(join(model, 'features', 'empty.txt'), '')
  const result = await mreg(project.repo, [
    '--json',
    'register',
    model,
    '--type',
    'detector',
    '--metric',
    'f1=0.9'
  ])
  expect(result.stderr).toBe('')
  expect(result.code).toBe(0)
  version = JSON.parse(result.stdout) as ModelVersion
})

describe('register DIR', () => {
  test('a manifest of every file, sorted by path; the checksum is the canonical manifest digest', async () => {
    const files = await tree(model)
    const manifest = version.artifact.manifest ?? []
    expect(manifest.map(e => e.path)).toEqual([
      'features/empty.txt',
      'features/extract.py',
      'features/nested/é.json',
      'model.pkl',
      'requirements.txt'
    ])
    for (const entry of manifest) {
      expect(entry.sha256).toBe(files[entry.path])
      expect(entry.size).toBe((await stat(join(model, entry.path))).size)
    }
    // The canonical bytes as README.md defines them, written out independently.
    const canonical =
      '[' +
      manifest
        .map(e => `{"path":${JSON.stringify(e.path)},"size":${e.size},"sha256":"${e.sha256}"}`)
        .join(',') +
      ']'
    expect(version.checksum).toBe(sha256(Buffer.from(canonical, 'utf8')))
    expect(version.artifact.sha256).toBe(version.checksum)
    expect(version.artifact.size).toBe(manifest.reduce((sum, e) => sum + e.size, 0))
  })

  test('one object per file in the local store', async () => {
    const { files } = await registryState(project.repo)
    for (const entry of version.artifact.manifest ?? []) {
      expect(files).toContain(`objects/sha256/${entry.sha256.slice(0, 2)}/${entry.sha256}:${entry.size}`)
    }
  })
})

describe('fetch of a directory version', () => {
  test('restores the tree exactly at a new path', async () => {
    const out = join(project.work, 'restored')
    const result = await mreg(project.repo, ['--json', 'fetch', 'detector@latest', '--out', out])
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({ path: out })
    expect(await tree(out)).toEqual(await tree(model))
  })

  test('into an existing directory: as <model_id> inside it', async () => {
    const into = join(project.work, 'serving')
    await mkdir(into)
    const result = await mreg(project.repo, ['--json', 'fetch', 'detector@latest', '--out', into])
    expect(result.code).toBe(0)
    expect(await tree(join(into, version.model_id))).toEqual(await tree(model))
  })

  test('a corrupt object fails with exit 3 and leaves nothing at the destination', async () => {
    const other = join(project.work, 'other')
    await mkdir(other)
    await writeFile(join(other, 'a.bin'), 'first')
    await writeFile(join(other, 'b.bin'), 'second')
    const registered = JSON.parse(
      (await mreg(project.repo, ['--json', 'register', other, '--type', 'detector'])).stdout
    ) as ModelVersion
    const victim = (registered.artifact.manifest ?? [])[1]?.sha256 as string
    const object = join(project.repo, '.git', 'mreg', 'objects', 'sha256', victim.slice(0, 2), victim)
    await chmod(object, 0o644)
    await writeFile(object, 'tampered')
    const parent = join(project.work, 'dest')
    await mkdir(parent)
    const result = await mreg(project.repo, [
      'fetch',
      `detector@${registered.version}`,
      '--out',
      join(parent, 'x')
    ])
    expect(result.code).toBe(3)
    // the tampered object also has another size, which is caught before a byte is hashed
    expect(result.stderr).toMatch(/checksum mismatch|has 8 bytes, the metadata records 6/)
    expect(await readdir(parent)).toEqual([])
    const doctor = await mreg(project.repo, ['doctor'])
    expect(doctor.code).toBe(3)
    expect(doctor.stdout).toMatch(/b\.bin/)
    await removeDir(object).catch(() => undefined)
    expect((await mreg(project.repo, ['delete', `detector@${registered.version}`])).code).toBe(0)
  })
})

describe('refused inside DIR, with nothing written', () => {
  const cases: [string, (dir: string) => Promise<void>, RegExp][] = [
    [
      'a symbolic link',
      dir => symlink('/etc/hostname', join(dir, 'link')),
      /"link" in .* is a symbolic link/
    ],
    [
      'a FIFO',
      async dir => void execFileSync('mkfifo', [join(dir, 'pipe')]),
      /"pipe" in .* is not a regular file \(a socket, FIFO or device\)/
    ],
    [
      'an empty directory',
      async dir => void (await mkdir(join(dir, 'sub', 'empty'), { recursive: true })),
      /"sub\/empty" in .* is an empty directory/
    ]
  ]
  test.each(cases)('%s', async (_label, make, message) => {
    const dir = await tempDir('mreg-dir-')
    try {
      await writeFile(join(dir, 'model.pkl'), 'bytes')
      await make(dir)
      const before = await registryState(project.repo)
      const result = await mreg(project.repo, ['register', dir, '--type', 'detector'])
      expect(result.code).toBe(2)
      expect(result.stderr.trim().split('\n')).toHaveLength(1)
      expect(result.stderr).toMatch(message)
      expect(await registryState(project.repo)).toEqual(before)
    } finally {
      await removeDir(dir)
    }
  })
})

describe('promotion verifies every file', () => {
  test('a directory version is promoted to production (each file re-hashed)', async () => {
    const dir = join(project.work, 'promoted')
    await mkdir(join(dir, 'lib'), { recursive: true })
    await modelFile(dir, 'weights.bin', 77, 5000)
    await writeFile(join(dir, 'lib', 'pre.py'), 'def pre(x):\n    return x * 2\n')
    const registered = await mreg(project.repo, ['--json', 'register', dir, '--type', 'promoted'])
    expect(registered.code).toBe(0)
    for (const stage of ['staging', 'canary', 'production']) {
      const result = await mreg(project.repo, ['promote', 'promoted@latest', '--to', stage])
      expect(result.stderr).toBe('')
      expect(result.code).toBe(0)
    }
  })
})

describe('maintenance knows the files of a directory version', () => {
  test('doctor is healthy, cleanup keeps every file, delete removes them', async () => {
    expect((await mreg(project.repo, ['doctor'])).code).toBe(0)
    expect((await mreg(project.repo, ['cleanup'])).code).toBe(0)
    const again = join(project.work, 'after-cleanup')
    expect((await mreg(project.repo, ['fetch', `detector@${version.version}`, '--out', again])).code).toBe(0)
    expect(await tree(again)).toEqual(await tree(model))
    expect((await mreg(project.repo, ['delete', `detector@${version.version}`])).code).toBe(0)
    const { files } = await registryState(project.repo)
    for (const entry of version.artifact.manifest ?? []) {
      expect(files.some(f => f.includes(entry.sha256.slice(2)))).toBe(false)
    }
  })
})
