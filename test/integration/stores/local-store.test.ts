import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import { chmod, mkdir, mkdtemp, open, readFile, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Artifact } from '../../../src/domain/types.js'
import type { ArtifactTarget, StoreLease } from '../../../src/stores/artifact-store.js'
import { hashFile } from '../../../src/stores/hashing.js'
import {
  LocalArtifactStore,
  defaultLocalStoreRoot,
  type StoredObject
} from '../../../src/stores/local/local-store.js'
import { caught } from '../../support/registry-error.js'

const sha = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex')

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false
  )
}

async function collect<T = StoredObject>(objects: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = []
  for await (const object of objects) all.push(object)
  return all
}

const target = (fileName = 'theft_20260101_000000.pkl'): ArtifactTarget => ({
  name: 'theft',
  version: '1.0.0',
  model_id: fileName.replace(/\.pkl$/, ''),
  file_name: fileName,
  media_type: 'application/octet-stream'
})

let dir: string
let root: string
let store: LocalArtifactStore

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mreg-store-'))
  root = join(dir, 'git', 'mreg', 'objects')
  store = new LocalArtifactStore({ root })
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function modelFile(content: string | Buffer, name = 'model.pkl'): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, content)
  return path
}

async function register(content: string | Buffer, fileName?: string) {
  const source = await modelFile(content, `src-${Math.random().toString(16).slice(2)}.pkl`)
  const put = await store.put(source, target(fileName), await hashFile(source))
  await put.lease?.settle(true) // as register does once its metadata has landed
  return put
}

async function flipFirstByte(path: string): Promise<void> {
  await chmod(path, 0o644)
  const handle = await open(path, 'r+')
  const byte = Buffer.alloc(1)
  await handle.read(byte, 0, 1, 0)
  byte[0] = byte[0]! ^ 0xff
  await handle.write(byte, 0, 1, 0)
  await handle.close()
}

describe('LocalArtifactStore', () => {
  test('defaultLocalStoreRoot is inside the git dir', () => {
    expect(defaultLocalStoreRoot('/repo/.git')).toBe(join('/repo/.git', 'mreg', 'objects'))
  })

  test('put then fetch round-trips the bytes through a content-addressed, read-only object', async () => {
    const content = 'isolation forest weights'
    const put = await register(content)
    const hex = sha(content)
    expect(put.created).toBe(true)
    expect(put.artifact).toEqual({
      store: 'local',
      uri: `sha256:${hex}`,
      file_name: 'theft_20260101_000000.pkl',
      size: content.length,
      sha256: hex,
      media_type: 'application/octet-stream'
    })
    expect(put.file_path).toBe(join(root, 'sha256', hex.slice(0, 2), hex))
    expect((await stat(put.file_path)).mode & 0o777).toBe(0o444)
    expect(await readdir(join(root, 'tmp'))).toEqual([])

    const out = join(dir, 'out', 'model.pkl')
    const fetched = await store.fetch(put.artifact, out)
    expect(fetched).toEqual({ path: out, sha256: hex, size: content.length })
    expect(await readFile(out, 'utf8')).toBe(content)
    // the copy is the user's: writable, unlike the object
    expect((await stat(out)).mode & 0o200).toBe(0o200)
    expect(await readdir(join(dir, 'out'))).toEqual(['model.pkl'])
  })

  test('identical content is stored once', async () => {
    const first = await register('same bytes', 'a_1.pkl')
    const second = await register('same bytes', 'b_1.pkl')
    expect(first.created).toBe(true)
    expect(second.created).toBe(false)
    expect(second.file_path).toBe(first.file_path)
    expect(second.artifact.file_name).toBe('b_1.pkl')
    expect(await collect(store.listObjects())).toHaveLength(1)
    expect(await readdir(join(root, 'tmp'))).toEqual([])
  })

  test('concurrent puts of the same bytes: exactly one reports created', async () => {
    const source = await modelFile(Buffer.alloc(2 * 1024 * 1024, 7))
    const digest = await hashFile(source)
    const results = await Promise.all(Array.from({ length: 6 }, () => store.put(source, target(), digest)))
    expect(results.filter(r => r.created)).toHaveLength(1)
    expect(await collect(store.listObjects())).toHaveLength(1)
  })

  test('a tampered object fails fetch with integrity, naming both digests, and leaves nothing behind', async () => {
    const put = await register('good bytes')
    await flipFirstByte(put.file_path)
    const actual = sha(await readFile(put.file_path))
    const outDir = join(dir, 'out')
    await mkdir(outDir)

    const error = await caught(store.fetch(put.artifact, join(outDir, 'model.pkl')))
    expect(error.kind).toBe('integrity')
    expect(error.message).toBe(
      `checksum mismatch for theft_20260101_000000.pkl: expected ${put.artifact.sha256}, got ${actual}; the stored artifact is corrupt — the doctor command checks the registry`
    )
    expect(error.details).toMatchObject({ expected: put.artifact.sha256, actual })
    expect(await readdir(outDir)).toEqual([])
  })

  test('a tampered object never clobbers an existing file at the output path', async () => {
    const put = await register('good bytes')
    await flipFirstByte(put.file_path)
    const out = await modelFile('previous model', 'deployed.pkl')
    const before = await readdir(dir)

    expect((await caught(store.fetch(put.artifact, out))).kind).toBe('integrity')
    expect(await readFile(out, 'utf8')).toBe('previous model')
    expect(await readdir(dir)).toEqual(before)
  })

  test('a failed fetch removes the directories it created', async () => {
    const put = await register('good bytes')
    await flipFirstByte(put.file_path)
    await caught(store.fetch(put.artifact, join(dir, 'a', 'b', 'c', 'model.pkl')))
    expect(await exists(join(dir, 'a'))).toBe(false)
  })

  test('a missing object is an integrity error and creates nothing', async () => {
    const put = await register('bytes')
    await rm(put.file_path)
    const error = await caught(store.fetch(put.artifact, join(dir, 'new', 'model.pkl')))
    expect(error.kind).toBe('integrity')
    expect(error.message).toMatch(
      /^artifact theft_20260101_000000\.pkl \(sha256 [0-9a-f]{64}\) is missing from the store/
    )
    expect(await exists(join(dir, 'new'))).toBe(false)
  })

  test('metadata whose size disagrees with the object is an integrity error', async () => {
    const put = await register('bytes')
    const error = await caught(store.fetch({ ...put.artifact, size: 999 }, join(dir, 'm.pkl')))
    expect(error.kind).toBe('integrity')
    expect(error.message).toMatch(/has \d+ bytes, the metadata records 999/)
    expect(await exists(join(dir, 'm.pkl'))).toBe(false)
  })

  test('a file that changed since it was hashed is refused, storing nothing', async () => {
    const source = await modelFile('version one')
    const digest = await hashFile(source)
    await writeFile(source, 'version two')
    const error = await caught(store.put(source, target(), digest))
    expect(error.kind).toBe('integrity')
    expect(error.message).toBe(
      `model file changed while registering: expected sha256 ${digest.sha256}, got ${sha('version two')}; register again`
    )
    expect(await collect(store.listObjects())).toEqual([])
    expect(await store.has(sha('version two'))).toBe(false)
    expect(await readdir(join(root, 'tmp'))).toEqual([])
  })

  test('a changed file is refused even when the expected bytes are already stored', async () => {
    const first = await register('version one')
    const source = await modelFile('version two')
    const error = await caught(store.put(source, target(), { sha256: first.artifact.sha256, size: 11 }))
    expect(error.kind).toBe('integrity')
    expect(error.message).toMatch(/^model file changed while registering/)
    expect(error.details).toMatchObject({ expected: first.artifact.sha256, actual: sha('version two') })
    expect(await store.verify(first.artifact)).toMatchObject({ ok: true })
    expect(await collect(store.listObjects())).toHaveLength(1)
  })

  test('a missing or directory source is invalid input', async () => {
    const digest = { sha256: sha(''), size: 0 }
    const missing = await caught(store.put(join(dir, 'nope.pkl'), target(), digest))
    expect(missing.kind).toBe('invalid-input')
    expect(missing.message).toMatch(/not found: check the path$/)
    const directory = await caught(store.put(dir, target(), digest))
    expect(directory.kind).toBe('invalid-input')
    expect(directory.message).toBe(`"${dir}" is a directory, not a model file`)
  })

  test('fetch into an existing directory, or a new one spelled with a trailing slash, writes <dir>/<file_name>', async () => {
    const put = await register('weights')
    const existing = join(dir, 'models')
    await mkdir(existing)
    expect((await store.fetch(put.artifact, existing)).path).toBe(join(existing, put.artifact.file_name))
    expect(await readFile(join(existing, put.artifact.file_name), 'utf8')).toBe('weights')

    const fresh = join(dir, 'fresh', 'dir')
    expect((await store.fetch(put.artifact, `${fresh}/`)).path).toBe(join(fresh, put.artifact.file_name))
  })

  test('fetch replaces an existing file when the bytes verify', async () => {
    const put = await register('new weights')
    const out = await modelFile('old weights', 'deployed.pkl')
    await store.fetch(put.artifact, out)
    expect(await readFile(out, 'utf8')).toBe('new weights')
  })

  test('a file name that climbs out of the output directory is refused', async () => {
    const put = await register('weights')
    const error = await caught(store.fetch({ ...put.artifact, file_name: '../evil.pkl' }, dir))
    expect(error.kind).toBe('integrity')
    expect(await exists(join(dir, '..', 'evil.pkl'))).toBe(false)
  })

  test('artifacts of another store, deleted artifacts and malformed digests are refused', async () => {
    const put = await register('weights')
    const github: Artifact = { ...put.artifact, store: 'github-release' }
    expect((await caught(store.fetch(github, dir))).kind).toBe('invalid-input')
    expect((await caught(store.fetch({ ...put.artifact, deleted: true }, dir))).kind).toBe('not-found')
    expect((await caught(store.fetch({ ...put.artifact, sha256: 'abc' }, dir))).kind).toBe('integrity')
    expect((await caught(store.put(join(dir, 'x'), target(), { sha256: 'zz', size: 0 }))).kind).toBe(
      'invalid-input'
    )
  })

  test('verify re-hashes the object', async () => {
    const put = await register('weights')
    expect(await store.verify(put.artifact)).toEqual({ ok: true, actual: put.artifact.sha256, present: true })
    await flipFirstByte(put.file_path)
    const tampered = await store.verify(put.artifact)
    expect(tampered.ok).toBe(false)
    expect(tampered.present).toBe(true)
    expect(tampered.actual).toBe(sha(await readFile(put.file_path)))
    await store.remove(put.artifact)
    expect(await store.verify(put.artifact)).toEqual({ ok: false, actual: null, present: false })
  })

  test('bytes pinned by a registration in flight, or in use, survive remove (issue 11 defect 1)', async () => {
    const source = await modelFile('shared bytes', 'pinned.pkl')
    const inFlight = await store.put(source, target(), await hashFile(source))
    await store.remove(inFlight.artifact)
    expect(await store.has(inFlight.artifact.sha256)).toBe(true) // pinned: kept
    await inFlight.lease?.settle(true)
    await store.remove(inFlight.artifact, async () => true)
    expect(await store.has(inFlight.artifact.sha256)).toBe(true) // the registry uses it: put back
    await store.remove(inFlight.artifact, async () => false)
    expect(await store.has(inFlight.artifact.sha256)).toBe(false)
  })

  test('settling a committed lease whose bytes vanished is an integrity error', async () => {
    const source = await modelFile('vanishing bytes', 'vanish.pkl')
    const put = await store.put(source, target(), await hashFile(source))
    await rm(put.file_path, { force: true }) // what a remover killed mid-way leaves
    const error = await caught((put.lease as StoreLease).settle(true))
    expect(error.kind).toBe('integrity')
    expect(error.message).toMatch(/vanished while registering/)
  })

  test('remove is idempotent', async () => {
    const put = await register('weights')
    expect(await store.has(put.artifact.sha256)).toBe(true)
    await store.remove(put.artifact)
    await store.remove(put.artifact)
    expect(await store.has(put.artifact.sha256)).toBe(false)
    expect(await exists(put.file_path)).toBe(false)
  })

  test('listObjects yields every object in digest order and skips strays', async () => {
    const a = await register('alpha')
    const b = await register('beta')
    await writeFile(join(root, 'sha256', 'README'), 'not an object')
    await mkdir(join(root, 'sha256', 'zz'))
    const objects = await collect(store.listObjects())
    const expected = [a, b]
      .map(p => ({ sha256: p.artifact.sha256, size: p.artifact.size, path: p.file_path }))
      .sort((x, y) => x.sha256.localeCompare(y.sha256))
    expect(objects.map(({ sha256, size, path }) => ({ sha256, size, path }))).toEqual(expected)
    // fs returns Dates from another realm under jest's vm modules: compare times, not constructors
    for (const object of objects)
      expect(Math.abs(object.modified.getTime() - Date.now())).toBeLessThan(60_000)
  })

  test('listObjects of a store never written to is empty', async () => {
    expect(await collect(new LocalArtifactStore({ root: join(dir, 'none') }).listObjects())).toEqual([])
  })

  test('storing known bytes again refreshes the object time, so orphan sweeps spare it', async () => {
    const first = await register('shared')
    const old = new Date(Date.now() - 48 * 3_600_000)
    await utimes(first.file_path, old, old)
    await register('shared')
    const [object] = await collect(store.listObjects())
    expect(object!.modified.getTime()).toBeGreaterThan(old.getTime() + 3_600_000)
  })

  test('listStored lists left-over temp files and dead pins as temporary items, removeStored removes them', async () => {
    await register('make the tmp dir')
    const tmp = join(root, 'tmp')
    await writeFile(join(tmp, 'put-old.tmp'), 'left by a killed process')
    const hourAgo = new Date(Date.now() - 3_600_000)
    await utimes(join(tmp, 'put-old.tmp'), hourAgo, hourAgo)
    const source = await modelFile('in flight', 'flight.pkl')
    const inFlight = await store.put(source, target(), await hashFile(source)) // a live pin: not listed
    await mkdir(join(root, 'pins'), { recursive: true })
    const [livePin] = await readdir(join(root, 'pins'))
    // the same pin name with a process id that cannot exist: its registration was killed
    const deadPin = (livePin as string).replace(/\.(\d+)\.([0-9a-f]{16})$/, '.999999999.$2')
    await writeFile(join(root, 'pins', deadPin), '')

    const temporary = (await collect(store.listStored())).filter(item => item.temporary)
    expect(temporary.map(item => item.id).sort()).toEqual([`pins/${deadPin}`, 'tmp/put-old.tmp'])
    expect(temporary.find(item => item.id === 'tmp/put-old.tmp')?.modified.getTime()).toBe(hourAgo.getTime())
    expect(temporary.find(item => item.id.startsWith('pins/'))?.modified.getTime()).toBe(0)

    for (const item of temporary) await store.removeStored(item)
    expect(await readdir(tmp)).toEqual([])
    expect(await readdir(join(root, 'pins'))).toEqual([livePin])
    await inFlight.lease?.settle(true)
    await store.removeStored({
      id: 'tmp/../sha256',
      size: 0,
      modified: new Date(),
      label: 'x',
      temporary: true
    })
    expect(await store.has(inFlight.artifact.sha256)).toBe(true)
  })

  test('progress: the per-call callback wins over the constructor one', async () => {
    const source = await modelFile(Buffer.alloc(3 * 1024 * 1024, 1))
    const fromOptions: number[] = []
    const perCall: number[] = []
    const reporting = new LocalArtifactStore({ root, onProgress: done => fromOptions.push(done) })
    const put = await reporting.put(source, target(), await hashFile(source))
    expect(fromOptions.at(-1)).toBe(3 * 1024 * 1024)
    const count = fromOptions.length
    await reporting.fetch(put.artifact, join(dir, 'out.pkl'), (done, total) => perCall.push(done - total))
    expect(perCall.at(-1)).toBe(0)
    expect(fromOptions).toHaveLength(count)
  })

  test('an empty model file round-trips', async () => {
    const put = await register('')
    expect(put.artifact.size).toBe(0)
    expect((await store.fetch(put.artifact, join(dir, 'empty.pkl'))).size).toBe(0)
  })
})
