import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { copyWithHash, hashFile } from '../../../src/stores/hashing.js'
import { moveIntoPlace, removeQuietly, writeFileAtomic } from '../../../src/stores/atomic-file.js'
import { caught } from '../../support/registry-error.js'

const sha = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex')

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mreg-hash-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('hashFile', () => {
  test('digests a file larger than one chunk and reports progress up to its size', async () => {
    const data = Buffer.alloc(3 * 1024 * 1024 + 17)
    for (let i = 0; i < data.length; i += 4096) data[i] = i % 256
    const path = join(dir, 'model.pkl')
    await writeFile(path, data)
    const progress: [number, number][] = []
    const digest = await hashFile(path, (done, total) => progress.push([done, total]))
    expect(digest).toEqual({ sha256: sha(data), size: data.length })
    expect(progress.length).toBeGreaterThan(1)
    expect(progress.at(-1)).toEqual([data.length, data.length])
  })

  test('a missing file is invalid input naming the path', async () => {
    const error = await caught(hashFile(join(dir, 'x.pkl')))
    expect(error.kind).toBe('invalid-input')
    expect(error.message).toBe(`model file "${join(dir, 'x.pkl')}" not found: check the path`)
  })

  test('a directory is invalid input', async () => {
    const error = await caught(hashFile(dir))
    expect(error.kind).toBe('invalid-input')
    expect(error.message).toBe(`"${dir}" is a directory, not a model file`)
  })

  test('a path through a file is reported as not found', async () => {
    await writeFile(join(dir, 'file'), 'x')
    const error = await caught(hashFile(join(dir, 'file', 'model.pkl')))
    expect(error.kind).toBe('invalid-input')
    expect(error.message).toMatch(/not found: check the path$/)
  })

  const asRoot = process.getuid?.() === 0
  ;(asRoot ? test.skip : test)('an unreadable file is invalid input (skipped as root)', async () => {
    const path = join(dir, 'secret.pkl')
    await writeFile(path, 'x')
    await chmod(path, 0o000)
    const error = await caught(hashFile(path))
    expect(error.kind).toBe('invalid-input')
    expect(error.message).toMatch(/permission denied/)
  })
})

describe('copyWithHash', () => {
  test('writes the bytes and returns their digest', async () => {
    const target = join(dir, 'out.bin')
    const digest = await copyWithHash(Readable.from([Buffer.from('abc'), 'def']), target)
    expect(digest).toEqual({ sha256: sha('abcdef'), size: 6 })
    expect(await readFile(target, 'utf8')).toBe('abcdef')
  })

  test('never writes into an existing file', async () => {
    const target = join(dir, 'out.bin')
    await writeFile(target, 'precious')
    const error = await caught(copyWithHash(Readable.from([Buffer.from('new')]), target))
    expect(error.kind).toBe('unavailable')
    expect(await readFile(target, 'utf8')).toBe('precious')
  })

  test('a failing source removes the partial destination and surfaces the source error', async () => {
    const target = join(dir, 'out.bin')
    async function* failing(): AsyncGenerator<Buffer> {
      yield Buffer.from('partial')
      throw new Error('connection reset')
    }
    await expect(copyWithHash(failing(), target)).rejects.toThrow('connection reset')
    expect(await readdir(dir)).toEqual([])
  })
})

describe('atomic file helpers', () => {
  test('moveIntoPlace replaces the final file', async () => {
    await writeFile(join(dir, 'final'), 'old')
    await writeFile(join(dir, 'temp'), 'new')
    await moveIntoPlace(join(dir, 'temp'), join(dir, 'final'))
    expect(await readdir(dir)).toEqual(['final'])
    expect(await readFile(join(dir, 'final'), 'utf8')).toBe('new')
  })

  test('moveIntoPlace into a missing directory is a RegistryError', async () => {
    await writeFile(join(dir, 'temp'), 'new')
    const error = await caught(moveIntoPlace(join(dir, 'temp'), join(dir, 'nope', 'final')))
    expect(error.kind).toBe('invalid-input')
  })

  test('writeFileAtomic leaves only the final file', async () => {
    await writeFileAtomic(join(dir, 'a.json'), '{"a":1}')
    await writeFileAtomic(join(dir, 'a.json'), '{"a":2}')
    expect(await readdir(dir)).toEqual(['a.json'])
    expect(await readFile(join(dir, 'a.json'), 'utf8')).toBe('{"a":2}')
  })

  test('removeQuietly ignores missing files and removes read-only ones', async () => {
    await removeQuietly(join(dir, 'missing'))
    await mkdir(join(dir, 'sub'))
    await writeFile(join(dir, 'sub', 'ro'), 'x', { mode: 0o444 })
    await removeQuietly(join(dir, 'sub', 'ro'))
    expect(await readdir(join(dir, 'sub'))).toEqual([])
  })
})
