/**
 * `mreg fetch --if-changed` (exit 4 when nothing changed) and `--watch --exec` keeping a path at a
 * stage's holder: a single file, and a directory version (the whole tree compared with the
 * manifest, replaced only by a verified tree).
 */
import { beforeAll, describe, expect, test } from '@jest/globals'
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { chmod, mkdir, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { ModelVersion } from '../../../src/domain/types.js'
import {
  bundleCli,
  modelFile,
  mreg,
  objectPathOf,
  projectRegistry,
  registryState,
  runChild,
  testEnv
} from '../../support/cli-harness.js'
import { treeDigests } from '../../support/file-tree.js'

const project = projectRegistry({ init: false })
let files: string[]

async function ok(args: string[]): Promise<string> {
  const result = await mreg(project.repo, args)
  if (result.code !== 0) throw new Error(`mreg ${args.join(' ')}: ${result.stderr}`)
  return result.stdout
}

let bundled: Promise<string> | undefined
const bundle = () => (bundled ??= bundleCli(project.work))

const sha = async (path: string) =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex')

beforeAll(async () => {
  await ok(['init'])
  files = []
  for (let i = 0; i < 3; i++) {
    files.push(await modelFile(project.work, `m${i}.bin`, i + 11))
    await ok(['register', files[i] as string, '--type', 'iforest', '--name', 'fraud'])
  }
  await ok(['promote', 'fraud@1.0.0', '--to', 'staging'])
  await ok(['promote', 'fraud@1.0.0', '--to', 'production'])
}, 120_000)

test('--if-changed: downloads when the holder changed, exits 4 and touches nothing when not', async () => {
  const out = join(project.work, 'current.bin')
  expect((await mreg(project.repo, ['fetch', 'fraud@production', '--out', out, '--if-changed'])).code).toBe(0)
  expect(await sha(out)).toBe(await sha(files[0] as string))
  const again = await mreg(project.repo, [
    '--json',
    'fetch',
    'fraud@production',
    '--out',
    out,
    '--if-changed'
  ])
  expect(again.code).toBe(4)
  expect(JSON.parse(again.stdout)).toMatchObject({ version: '1.0.0', changed: false })
  await ok(['promote', 'fraud@1.0.1', '--to', 'staging'])
  await ok(['promote', 'fraud@1.0.1', '--to', 'production'])
  expect((await mreg(project.repo, ['fetch', 'fraud@production', '--out', out, '--if-changed'])).code).toBe(0)
  expect(await sha(out)).toBe(await sha(files[1] as string))
  expect((await mreg(project.repo, ['fetch', 'fraud@production', '--out', out, '--exec', 'true'])).code).toBe(
    2
  )
})

/** `mreg fetch … --watch` as a child process, until `stop()`; `until` polls a condition for 10 s. */
async function watching(args: string[]) {
  const child = spawn(process.execPath, [await bundle(), '--registry', project.repo, 'fetch', ...args], {
    env: testEnv(),
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stderr = ''
  child.stderr.on('data', chunk => (stderr += chunk))
  const closed = new Promise<number | null>(resolve => child.on('close', code => resolve(code)))
  return {
    child,
    until: async (check: () => Promise<boolean>, what: string) => {
      const deadline = Date.now() + 10_000
      while (!(await check().catch(() => false))) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; stderr: ${stderr}`)
        await new Promise(resolve => setTimeout(resolve, 50))
      }
    },
    stop: async () => {
      child.kill('SIGTERM')
      await closed
    }
  }
}

test('--watch --exec: the path follows production, the command runs with the version in its environment', async () => {
  const out = join(project.work, 'watched.bin')
  const log = join(project.work, 'hook.log')
  const { child, until, stop } = await watching([
    'fraud@production',
    '--out',
    out,
    '--watch',
    '--exec',
    `echo "$MREG_VERSION $MREG_MODEL_ID" >> ${log}`
  ])
  try {
    await until(async () => (await sha(out)) === (await sha(files[1] as string)), 'the first fetch')
    await ok(['promote', 'fraud@1.0.2', '--to', 'staging'])
    await ok(['promote', 'fraud@1.0.2', '--to', 'production'])
    await until(async () => (await sha(out)) === (await sha(files[2] as string)), 'the new production holder')
    await until(async () => (await readFile(log, 'utf8')).includes('1.0.2 fraud_'), 'the hook')
    const lines = (await readFile(log, 'utf8')).trim().split('\n')
    expect(lines.map(l => l.split(' ')[0])).toEqual(['1.0.1', '1.0.2'])
    expect(child.exitCode).toBeNull() // still watching
  } finally {
    await stop()
  }
})

describe('a directory version', () => {
  // ranker@1.0.0 … 1.0.3: the same layout with changing bytes, one file dropped and one added
  const trees: string[] = []
  let versions: ModelVersion[]
  let parent: string
  let out: string

  async function registerTree(i: number): Promise<ModelVersion> {
    const dir = join(project.work, `ranker-${i}`)
    await mkdir(join(dir, 'features', 'nested'), { recursive: true })
    await modelFile(dir, 'model.pkl', 40 + i, 20_000)
    await writeFile(join(dir, 'requirements.txt'), `scikit-learn==1.5.${i}\n`)
    await writeFile(join(dir, 'features', 'extract.py'), 'def extract(x):\n    return x\n')
    await writeFile(join(dir, 'features', 'nested', i === 0 ? 'old.json' : 'new.json'), `{"v":${i}}`)
    trees[i] = dir
    return JSON.parse(await ok(['--json', 'register', dir, '--type', 'ranker'])) as ModelVersion
  }

  const toProduction = async (ref: string) => {
    await ok(['promote', ref, '--to', 'staging'])
    await ok(['promote', ref, '--to', 'production'])
  }
  const ifChanged = (dest = out) =>
    mreg(project.repo, ['--json', 'fetch', 'ranker@production', '--out', dest, '--if-changed'])
  const holds = async (i: number, dir = out) =>
    expect(await treeDigests(dir)).toEqual(await treeDigests(trees[i] as string))

  beforeAll(async () => {
    versions = []
    for (let i = 0; i < 4; i++) versions.push(await registerTree(i))
    await toProduction('ranker@1.0.0')
    parent = join(project.work, 'serving')
    await mkdir(parent)
    out = join(parent, 'current')
  }, 120_000)

  test('--if-changed: fetched once, then exit 4 with the directory untouched', async () => {
    const first = await ifChanged()
    expect(first.code).toBe(0)
    expect(JSON.parse(first.stdout)).toMatchObject({ version: '1.0.0', changed: true, path: out })
    await holds(0)
    // beside it, the record that this directory is kept by fetch (and at which version)
    expect(JSON.parse(await readFile(join(parent, '.current.mreg.json'), 'utf8'))).toEqual({
      name: 'ranker',
      version: '1.0.0',
      model_id: versions[0]?.model_id,
      sha256: versions[0]?.checksum
    })
    const before = await stat(join(out, 'model.pkl'))
    const again = await ifChanged()
    expect(again.stderr).toBe('')
    expect(again.code).toBe(4)
    expect(JSON.parse(again.stdout)).toMatchObject({ version: '1.0.0', changed: false, path: out })
    expect((await stat(join(out, 'model.pkl'))).ino).toBe(before.ino)
    await holds(0)
  })

  test('after a promotion the directory is replaced whole (the dropped file goes), nothing left beside it', async () => {
    await toProduction('ranker@1.0.1')
    const result = await ifChanged()
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({ version: '1.0.1', changed: true })
    await holds(1)
    expect((await readdir(parent)).sort()).toEqual(['.current.mreg.json', 'current'])
    expect((await ifChanged()).code).toBe(4)
  })

  const tampering: [string, (dir: string) => Promise<void>][] = [
    [
      'a file with other bytes of the same size',
      dir => writeFile(join(dir, 'features', 'extract.py'), 'def extract(x):\n    return y\n')
    ],
    ['an extra file', dir => writeFile(join(dir, 'features', 'stray.py'), '')],
    ['an extra empty directory', dir => mkdir(join(dir, 'features', 'empty')).then(() => undefined)],
    ['a missing file', dir => rm(join(dir, 'requirements.txt'))]
  ]
  test.each(tampering)('%s in the destination counts as changed and is restored', async (_label, tamper) => {
    await tamper(out)
    const result = await ifChanged()
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({ version: '1.0.1', changed: true })
    await holds(1)
    expect((await readdir(parent)).sort()).toEqual(['.current.mreg.json', 'current'])
  })

  test('a corrupt stored object: exit 3, the old directory intact, no temporary directory left', async () => {
    await toProduction('ranker@1.0.2')
    // promotion re-hashed every file; now one object changes on disk, its size kept
    const entry = versions[2]?.artifact.manifest?.find(e => e.path === 'model.pkl')
    const object = objectPathOf(project.repo, entry?.sha256 as string)
    const original = await readFile(object)
    const corrupt = Buffer.from(original)
    corrupt[5000] = (corrupt[5000] as number) ^ 0xff
    await chmod(object, 0o644)
    await writeFile(object, corrupt)
    try {
      const result = await ifChanged()
      expect(result.code).toBe(3)
      expect(result.stderr.trim().split('\n')).toHaveLength(1)
      expect(result.stderr).toMatch(/checksum mismatch for model\.pkl/)
      await holds(1)
      expect((await readdir(parent)).sort()).toEqual(['.current.mreg.json', 'current'])
    } finally {
      await writeFile(object, original)
    }
    const repaired = await ifChanged()
    expect(repaired.code).toBe(0)
    await holds(2)
    expect((await readdir(parent)).sort()).toEqual(['.current.mreg.json', 'current'])
  })

  test('temporary directories a killed fetch left beside the destination go once stale, a fresh one stays', async () => {
    const stale = join(parent, '.current.mreg-0123456789abcdef.tmp')
    const fresh = join(parent, '.current.mreg-fedcba9876543210.tmp')
    for (const dir of [stale, fresh]) {
      await mkdir(join(dir, 'features'), { recursive: true })
      await writeFile(join(dir, 'features', 'extract.py'), 'partial')
    }
    const old = new Date(Date.now() - 60 * 60 * 1000)
    for (const path of [join(stale, 'features', 'extract.py'), join(stale, 'features'), stale])
      await utimes(path, old, old)
    const result = await ifChanged()
    expect(result.code).toBe(4)
    expect(result.stderr).toMatch(/removed 1 temporary file\(s\) or directories an interrupted fetch left/)
    expect((await readdir(parent)).sort()).toEqual([basename(fresh), '.current.mreg.json', 'current'])
    await rm(fresh, { recursive: true })
  })

  test('a file where the directory would go is refused (exit 2, one line) and left as it was', async () => {
    const file = join(parent, 'model-file')
    await writeFile(file, 'not a directory')
    const result = await ifChanged(file)
    expect(result.code).toBe(2)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toMatch(
      /is not a directory \(a file or a link\), and ranker@1\.0\.2 is a directory version/
    )
    expect(await readFile(file, 'utf8')).toBe('not a directory')
    await rm(file)
  })

  test('a directory no earlier run kept is replaced only when empty: one holding other files is refused (exit 2)', async () => {
    const theirs = join(parent, 'theirs')
    await mkdir(theirs)
    await writeFile(join(theirs, 'notes.txt'), 'mine')
    const refused = await ifChanged(theirs)
    expect(refused.code).toBe(2)
    expect(refused.stderr.trim().split('\n')).toHaveLength(1)
    expect(refused.stderr).toMatch(
      /holds files that are not ranker@1\.0\.2 and no earlier fetch .* put there/
    )
    expect(await treeDigests(theirs)).toEqual({ 'notes.txt': expect.any(String) })
    const into = await mreg(project.repo, [
      '--json',
      'fetch',
      'ranker@production',
      '--out',
      `${theirs}/`,
      '--if-changed'
    ])
    expect(into.code).toBe(0)
    await holds(2, join(theirs, versions[2]?.model_id as string))
    await rm(theirs, { recursive: true })
    await rm(join(parent, '.theirs.mreg.json'), { force: true })

    // a plain fetch put exactly the version there: found so, it is recorded and kept from then on
    const plain = join(parent, 'plain')
    expect((await mreg(project.repo, ['fetch', 'ranker@production', '--out', plain])).code).toBe(0)
    expect((await ifChanged(plain)).code).toBe(4)
    expect(JSON.parse(await readFile(join(parent, '.plain.mreg.json'), 'utf8'))).toMatchObject({
      version: '1.0.2'
    })
    await writeFile(join(plain, 'extra.txt'), 'x')
    expect((await ifChanged(plain)).code).toBe(0)
    await holds(2, plain)
    await rm(plain, { recursive: true })
    await rm(join(parent, '.plain.mreg.json'))

    const empty = join(parent, 'empty')
    await mkdir(empty)
    expect((await ifChanged(empty)).code).toBe(0)
    await holds(2, empty)
    await rm(empty, { recursive: true })
    await rm(join(parent, '.empty.mreg.json'))
  })

  test('the directory the command runs in is never replaced (exit 2)', async () => {
    const before = await registryState(project.repo)
    const result = await runChild(await bundle(), project.repo, [
      'fetch',
      'ranker@production',
      '--out',
      project.repo,
      '--if-changed'
    ])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/is the current directory or encloses it/)
    expect(await registryState(project.repo)).toEqual(before)
    expect(await readdir(project.repo)).not.toContain(versions[2]?.model_id)
  })

  test('--watch --exec: the directory follows production and the command runs after each change', async () => {
    const dest = join(parent, 'watched')
    const log = join(project.work, 'dir-hook.log')
    const { child, until, stop } = await watching([
      'ranker@production',
      '--out',
      dest,
      '--watch',
      '--exec',
      `echo "$MREG_VERSION $MREG_PATH" >> ${log}`
    ])
    const matches = async (i: number) =>
      JSON.stringify(await treeDigests(dest)) === JSON.stringify(await treeDigests(trees[i] as string))
    try {
      await until(() => matches(2), 'the first fetch')
      await toProduction('ranker@1.0.3')
      await until(() => matches(3), 'the new production holder')
      await until(async () => (await readFile(log, 'utf8')).includes('1.0.3'), 'the hook')
      expect((await readFile(log, 'utf8')).trim().split('\n')).toEqual([`1.0.2 ${dest}`, `1.0.3 ${dest}`])
      expect((await readdir(parent)).sort()).toEqual([
        '.current.mreg.json',
        '.watched.mreg.json',
        'current',
        'watched'
      ])
      expect(child.exitCode).toBeNull()
    } finally {
      await stop()
    }
  })
})
