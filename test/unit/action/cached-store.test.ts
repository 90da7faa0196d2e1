/**
 * fetch through the Actions cache: a hit is still verified, a bad hit is downloaded again, a miss
 * or a failing cache service is not an error, and the store's listing passes through.
 */
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { Artifact } from '../../../src/domain/types.js'
import { integrityError } from '../../../src/domain/errors.js'
import type { ArtifactStore, FetchResult, StoredItem } from '../../../src/stores/artifact-store.js'

const realCore = await import('@actions/core')
const info = jest.fn<(message: string) => void>()
const warning = jest.fn<(message: string) => void>()
jest.unstable_mockModule('@actions/core', () => ({ ...realCore, info, warning }))

let available = true
/** What restoreCache puts at the path: bytes (a hit), undefined (a miss), or an Error (service failure). */
let cached: Buffer | Error | undefined
const saved: { paths: string[]; key: string; bytes: Buffer }[] = []
let saveFails = false

jest.unstable_mockModule('@actions/cache', () => ({
  isFeatureAvailable: () => available,
  restoreCache: async (paths: string[], key: string) => {
    if (cached instanceof Error) throw cached
    if (cached === undefined) return undefined
    await mkdir(dirname(paths[0] as string), { recursive: true })
    await writeFile(paths[0] as string, cached)
    return key
  },
  saveCache: async (paths: string[], key: string) => {
    if (saveFails) throw new Error('reserveCache failed: Cache service responded with 500')
    saved.push({ paths, key, bytes: await readFile(paths[0] as string) })
    return 1
  }
}))

const { CachedArtifactStore } = await import('../../../src/action/cached-store.js')

const bytes = Buffer.from('the model file')
const sha256 = createHash('sha256').update(bytes).digest('hex')
const artifact: Artifact = {
  store: 'github-release',
  file_name: 'm_20260101_000000.pkl',
  size: bytes.length,
  sha256,
  media_type: 'application/octet-stream'
}

/** Writes the true bytes on fetch (or fails as told); counts calls. */
class FakeStore implements ArtifactStore {
  readonly kind = 'github-release' as const
  readonly bindsVersion = true
  readonly parallelFetches = 1
  fetches: string[] = []
  fail?: Error
  removedStored: StoredItem[] = []
  async put(): Promise<never> {
    throw new Error('not used')
  }
  async putDirectory(): Promise<never> {
    throw new Error('not used')
  }
  async finish(): Promise<void> {}
  async fetch(_artifact: Artifact, outPath: string): Promise<FetchResult> {
    this.fetches.push(outPath)
    if (this.fail) throw this.fail
    await mkdir(dirname(outPath), { recursive: true })
    await writeFile(outPath, bytes)
    return { path: outPath, sha256, size: bytes.length }
  }
  async verify() {
    return { ok: true, actual: sha256, present: true }
  }
  async verifyFiles(file: Artifact) {
    return [{ file, ok: true, actual: sha256, present: true }]
  }
  async remove(): Promise<void> {}
  async *listStored(): AsyncIterable<StoredItem> {
    yield { id: '7', size: 1, modified: new Date(0), label: 'release x@v1.0.0' }
  }
  async removeStored(item: StoredItem): Promise<void> {
    this.removedStored.push(item)
  }
}

let dir: string
let inner: FakeStore

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mreg-cached-store-'))
  inner = new FakeStore()
  available = true
  cached = undefined
  saveFails = false
  saved.length = 0
  info.mockClear()
  warning.mockClear()
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const store = () => new CachedArtifactStore(inner, join(dir, 'cache'))
const out = () => join(dir, 'out', 'model.pkl')

describe('CachedArtifactStore.fetch', () => {
  test('no cache service: straight to the store', async () => {
    available = false
    const result = await store().fetch(artifact, out())
    expect(result).toEqual({ path: out(), sha256, size: bytes.length })
    expect(inner.fetches).toEqual([out()])
    expect(saved).toEqual([])
  })

  test('a miss downloads (verified by the store), saves under the sha256 key, then copies into place', async () => {
    const result = await store().fetch(artifact, out())
    expect(result).toEqual({ path: out(), sha256, size: bytes.length })
    expect(await readFile(out())).toEqual(bytes)
    expect(inner.fetches).toHaveLength(1)
    expect(saved).toEqual([
      { paths: [join(dir, 'cache', sha256, artifact.file_name)], key: `mreg-sha256-${sha256}`, bytes }
    ])
  })

  test('a hit with the right bytes is verified and used: no download', async () => {
    cached = bytes
    const result = await store().fetch(artifact, out())
    expect(result.sha256).toBe(sha256)
    expect(await readFile(out())).toEqual(bytes)
    expect(inner.fetches).toEqual([])
    expect(info).toHaveBeenCalledWith(`cache hit for ${artifact.file_name} (sha256 verified)`)
  })

  test('a hit with other bytes is refused with a warning and downloaded again', async () => {
    cached = Buffer.from('tampered cache entry')
    const result = await store().fetch(artifact, out())
    expect(result.sha256).toBe(sha256)
    expect(await readFile(out())).toEqual(bytes)
    expect(inner.fetches).toHaveLength(1)
    expect(warning).toHaveBeenCalledWith(expect.stringContaining('does not match its sha256'))
  })

  test('a failing cache service (restore and save) is not an error', async () => {
    cached = new Error('getCacheEntry failed: connect ECONNREFUSED')
    saveFails = true
    const result = await store().fetch(artifact, out())
    expect(result.sha256).toBe(sha256)
    expect(await readFile(out())).toEqual(bytes)
    expect(warning).not.toHaveBeenCalled()
  })

  test('a download that fails verification: the error, nothing at the destination, nothing saved', async () => {
    inner.fail = integrityError(`checksum mismatch for ${artifact.file_name}`)
    await expect(store().fetch(artifact, out())).rejects.toThrow('checksum mismatch')
    expect(saved).toEqual([])
    await expect(readdir(join(dir, 'out'))).rejects.toThrow()
  })
})

describe('the rest of the port passes through', () => {
  test('listStored and removeStored (cleanup and doctor sweep orphans with them)', async () => {
    const s = store()
    const items: StoredItem[] = []
    for await (const item of s.listStored!({ live: new Set() })) items.push(item)
    expect(items.map(i => i.id)).toEqual(['7'])
    await s.removeStored!(items[0]!)
    expect(inner.removedStored).toEqual(items)
  })

  test('absent when the inner store cannot list', () => {
    const plain: ArtifactStore = {
      kind: 'local',
      bindsVersion: false,
      parallelFetches: 1,
      put: inner.put.bind(inner),
      putDirectory: inner.putDirectory.bind(inner),
      finish: inner.finish.bind(inner),
      fetch: inner.fetch.bind(inner),
      verify: inner.verify.bind(inner),
      verifyFiles: inner.verifyFiles.bind(inner),
      remove: inner.remove.bind(inner)
    }
    const s = new CachedArtifactStore(plain, dir)
    expect(s.listStored).toBeUndefined()
    expect(s.removeStored).toBeUndefined()
  })
})
