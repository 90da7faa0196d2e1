import { describe, expect, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { Writable } from 'node:stream'
import { HashingStream, digestStream } from '../../../src/stores/hashing.js'
import { isTempName, tempPathBeside } from '../../../src/stores/atomic-file.js'
import { fileSystemError } from '../../../src/stores/atomic-file.js'
import { RegistryError } from '../../../src/domain/errors.js'

const sha = (data: Buffer): string => createHash('sha256').update(data).digest('hex')

function* chunks(total: number, size: number): Generator<Buffer> {
  for (let offset = 0; offset < total; offset += size) {
    yield Buffer.alloc(Math.min(size, total - offset), offset % 251)
  }
}

describe('digestStream', () => {
  test('hashes and counts across chunk boundaries, reporting progress', async () => {
    const parts = [...chunks(10_000, 3_000)]
    const progress: [number, number][] = []
    const digest = await digestStream(Readable.from(parts), {
      onProgress: (d, t) => progress.push([d, t]),
      total: 10_000
    })
    expect(digest).toEqual({ sha256: sha(Buffer.concat(parts)), size: 10_000 })
    expect(progress).toEqual([
      [3000, 10_000],
      [6000, 10_000],
      [9000, 10_000],
      [10_000, 10_000]
    ])
  })

  test('the empty stream has the SHA-256 of no bytes', async () => {
    expect(await digestStream(Readable.from([]))).toEqual({
      sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      size: 0
    })
  })
})

describe('HashingStream', () => {
  test('passes bytes through unchanged and digests them', async () => {
    const parts = [...chunks(5_000, 1_024)]
    const received: Buffer[] = []
    const hashing = new HashingStream()
    await pipeline(
      Readable.from(parts),
      hashing,
      new Writable({
        write(chunk: Buffer, _encoding, callback) {
          received.push(chunk)
          callback()
        }
      })
    )
    expect(Buffer.concat(received)).toEqual(Buffer.concat(parts))
    expect(hashing.digest()).toEqual({ sha256: sha(Buffer.concat(parts)), size: 5_000 })
  })

  test('refuses to report a digest before the end', () => {
    expect(() => new HashingStream().digest()).toThrow(/before the stream finished/)
  })
})

describe('tempPathBeside', () => {
  test('is a hidden, unique name in the same directory', () => {
    const a = tempPathBeside('/data/models/m.pkl')
    const b = tempPathBeside('/data/models/m.pkl')
    expect(a).toMatch(/^\/data\/models\/\.m\.pkl\.mreg-[0-9a-f]{16}\.tmp$/)
    expect(a).not.toBe(b)
    expect(isTempName(a.split('/').pop() ?? '')).toBe(true)
    expect(isTempName('m.pkl')).toBe(false)
  })

  test('stays within the 255-byte name limit for long names', () => {
    const name =
      tempPathBeside(`/d/${'x'.repeat(255)}`)
        .split('/')
        .pop() ?? ''
    expect(name.length).toBeLessThanOrEqual(255)
  })
})

describe('fileSystemError', () => {
  const withCode = (code: string): Error => Object.assign(new Error(code), { code })

  test.each([
    ['ENOSPC', 'unavailable', /no space left/],
    ['EACCES', 'invalid-input', /permission denied/],
    ['ENOENT', 'invalid-input', /does not exist/],
    ['EIO', 'unavailable', /\(EIO\); check the disk/]
  ])('%s → %s with a one-line message', (code, kind, message) => {
    const error = fileSystemError(withCode(code), 'write', '/x/y')
    expect(error).toBeInstanceOf(RegistryError)
    expect(error.kind).toBe(kind)
    expect(error.message).toMatch(message)
    expect(error.message).toContain('"/x/y"')
    expect(error.message).not.toContain('\n')
  })

  test('passes RegistryErrors through', () => {
    const original = new RegistryError('integrity', 'bad')
    expect(fileSystemError(original, 'write', '/x')).toBe(original)
  })
})
