/**
 * `mreg --github … register DIR` / `fetch`: a directory version on GitHub is one release with one
 * asset per non-empty file (src/stores/github-release/directory-assets.ts), each recording the
 * manifest path it holds; fetch restores the tree exactly, verified file by file, and moves it
 * into place only when every file matched; doctor checks each file; the upload is all or nothing.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ModelVersion } from '../../../src/domain/types.js'
import { gitOutput, modelFile, type RunResult } from '../../support/cli-harness.js'
import { treeDigests as tree } from '../../support/file-tree.js'
import type { GitHubEmulator } from '../../support/github-emulator/index.js'
import { githubProject, type GitHubProject } from '../../support/github-project.js'

let project: GitHubProject
let gh: GitHubEmulator
let work: string
let model: string
let version: ModelVersion

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex')

const github = (args: string[]): Promise<RunResult> => project.github(args)

const registryTip = () => gitOutput(gh.repoDir, 'rev-parse', 'refs/heads/model-registry')
const releaseOf = (v: ModelVersion) => gh.state.releases.find(r => r.id === v.artifact.release?.id)

beforeAll(async () => {
  project = await githubProject()
  ;({ gh, work } = project)
  model = join(work, 'model')
  await mkdir(join(model, 'features', 'nested'), { recursive: true })
  await modelFile(model, 'model.pkl', 21, 70_000)
  await writeFile(join(model, 'requirements.txt'), 'scikit-learn==1.5.2\n')
  await writeFile(join(model, 'features', 'extract.py'), 'def extract(x):\n    return x\n')
  await writeFile(join(model, 'features', 'nested', 'é (1).json'), '{}')
  await writeFile(join(model, 'features', '__init__.py'), '')
  expect((await github(['init'])).code).toBe(0)
  const result = await github(['--json', 'register', model, '--type', 'detector', '--metric', 'f1=0.9'])
  expect(result.stderr).toBe('')
  expect(result.code).toBe(0)
  version = JSON.parse(result.stdout) as ModelVersion
})

afterEach(() => {
  expect(gh.validationErrors).toEqual([])
  gh.faults.clear()
})

afterAll(async () => {
  await project.close()
})

describe('register DIR on GitHub', () => {
  test('one published release, one asset per non-empty file, each recording its path and SHA-256', async () => {
    const files = await tree(model)
    const manifest = version.artifact.manifest ?? []
    expect(manifest.map(e => e.path)).toEqual([
      'features/__init__.py',
      'features/extract.py',
      'features/nested/é (1).json',
      'model.pkl',
      'requirements.txt'
    ])
    for (const entry of manifest) expect(entry.sha256).toBe(files[entry.path])
    const release = releaseOf(version)
    expect(release).toMatchObject({ tagName: 'detector@v1.0.0', draft: false })
    // the empty __init__.py has no asset: GitHub refuses empty assets, and its bytes are known
    expect(release?.assets.map(a => [a.name, a.sha256])).toEqual([
      ['0002-features_extract.py', files['features/extract.py']],
      ['0003-features_nested____1_.json', files['features/nested/é (1).json']],
      ['0004-model.pkl', files['model.pkl']],
      ['0005-requirements.txt', files['requirements.txt']]
    ])
    expect(version.artifact.assets?.map(a => [a.path, a.sha256, a.id])).toEqual(
      release?.assets.map((a, i) => [manifest[i + 1]?.path, a.sha256, a.id])
    )
    expect(version.artifact.sha256).toBe(version.checksum)
  })

  test('fetch restores the tree exactly, empty file included', async () => {
    const out = join(work, 'restored')
    const result = await github(['--json', 'fetch', 'detector@latest', '--out', out])
    expect(result).toMatchObject({ code: 0, stderr: '' })
    expect(await tree(out)).toEqual(await tree(model))
  })

  test('doctor verifies every file by its asset digest and is healthy', async () => {
    const result = await github(['doctor'])
    expect(result.stdout + result.stderr).not.toMatch(/problem/i)
    expect(result.code).toBe(0)
  })
})

describe('a tampered file', () => {
  test('fetch exits 3 and leaves nothing at the destination; doctor names the file', async () => {
    const asset = releaseOf(version)?.assets.find(a => a.name === '0004-model.pkl')
    if (!asset?.bytes) throw new Error('asset missing')
    const original = asset.bytes
    const tampered = Buffer.from(original)
    tampered[100] = (tampered[100] as number) ^ 0xff
    asset.bytes = tampered
    try {
      const parent = join(work, 'dest')
      await mkdir(parent)
      const fetched = await github(['fetch', 'detector@1.0.0', '--out', join(parent, 'x')])
      expect(fetched.code).toBe(3)
      expect(fetched.stderr.trim().split('\n')).toHaveLength(1)
      expect(fetched.stderr).toMatch(/checksum mismatch for model\.pkl/)
      expect(await readdir(parent)).toEqual([])

      // GitHub re-hashed what it holds: its digest now disagrees with the recorded SHA-256.
      asset.sha256 = sha256(tampered)
      const doctor = await github(['doctor'])
      expect(doctor.code).toBe(3)
      expect(doctor.stdout).toMatch(/model\.pkl/)
    } finally {
      asset.bytes = original
      asset.sha256 = sha256(original)
    }
  })

  test('a missing asset: doctor reports it missing', async () => {
    const release = releaseOf(version)
    const index = release?.assets.findIndex(a => a.name === '0005-requirements.txt') ?? -1
    const [removed] = release?.assets.splice(index, 1) ?? []
    try {
      const doctor = await github(['doctor'])
      expect(doctor.code).toBe(3)
      expect(doctor.stdout).toMatch(/requirements\.txt \(sha256 [0-9a-f]{64}\) is missing/)
    } finally {
      if (removed) release?.assets.splice(index, 0, removed)
    }
  })
})

describe('fetch --if-changed keeps a directory at the newest version', () => {
  test('exit 4 when it matches; a tampered file is restored; a new version replaces it only once verified', async () => {
    const parent = join(work, 'kept')
    await mkdir(parent)
    const out = join(parent, 'current')
    const ifChanged = () => github(['--json', 'fetch', 'detector@latest', '--out', out, '--if-changed'])
    expect((await ifChanged()).code).toBe(0)
    expect(await tree(out)).toEqual(await tree(model))
    const unchanged = await ifChanged()
    expect(unchanged.code).toBe(4)
    expect(JSON.parse(unchanged.stdout)).toMatchObject({ version: version.version, changed: false })

    await writeFile(join(out, 'features', 'extract.py'), 'def extract(x):\n    return y\n')
    expect((await ifChanged()).code).toBe(0)
    expect(await tree(out)).toEqual(await tree(model))

    const next = join(work, 'model-next')
    await mkdir(join(next, 'features'), { recursive: true })
    await modelFile(next, 'model.pkl', 22, 70_000)
    await writeFile(join(next, 'features', 'extract.py'), 'def extract(x):\n    return 2 * x\n')
    const registered = await github(['--json', 'register', next, '--type', 'detector'])
    expect(registered.code).toBe(0)
    const newer = JSON.parse(registered.stdout) as ModelVersion
    // GitHub serves other bytes for one file of the new version: the old tree stays, nothing beside it
    const asset = releaseOf(newer)?.assets.find(a => a.name.endsWith('-model.pkl'))
    if (!asset?.bytes) throw new Error('asset missing')
    const original = asset.bytes
    const tampered = Buffer.from(original)
    tampered[10] = (tampered[10] as number) ^ 0xff
    asset.bytes = tampered
    try {
      const failed = await ifChanged()
      expect(failed.code).toBe(3)
      expect(failed.stderr).toMatch(/checksum mismatch for model\.pkl/)
      expect(await tree(out)).toEqual(await tree(model))
      expect((await readdir(parent)).sort()).toEqual(['.current.mreg.json', 'current'])
    } finally {
      asset.bytes = original
    }
    const replaced = await ifChanged()
    expect(replaced.code).toBe(0)
    expect(JSON.parse(replaced.stdout)).toMatchObject({ version: newer.version, changed: true })
    expect(await tree(out)).toEqual(await tree(next))
    expect((await readdir(parent)).sort()).toEqual(['.current.mreg.json', 'current'])
    // later registrations in this file must not be the newest by accident: remove this one
    expect((await github(['delete', `detector@${newer.version}`])).code).toBe(0)
  })
})

describe('all or nothing', () => {
  test('a file corrupted on the way up fails the registration (exit 3): no release, no commit', async () => {
    const tip = registryTip()
    const releases = gh.state.releases.length
    gh.faults.corruptUpload({ name: /^0002-/ })
    const result = await github(['register', model, '--type', 'detector'])
    expect(result.code).toBe(3)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(registryTip()).toBe(tip)
    expect(gh.state.releases).toHaveLength(releases)
  })

  test('more files than a release can hold is refused before anything is created, exit 2', async () => {
    const many = join(work, 'many')
    await mkdir(many)
    for (let i = 0; i < 1001; i++) await writeFile(join(many, `f${i}.txt`), `${i}\n`)
    const tip = registryTip()
    const releases = gh.state.releases.length
    const uploads = gh.requests.filter(r => r.origin === 'uploads').length
    const result = await github(['register', many, '--type', 'wide'])
    expect(result.code).toBe(2)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toMatch(/needs 1001 release assets \(1001 files\).*at most 1000.*archive/)
    expect(registryTip()).toBe(tip)
    expect(gh.state.releases).toHaveLength(releases)
    expect(gh.requests.filter(r => r.origin === 'uploads')).toHaveLength(uploads)
  })
})
