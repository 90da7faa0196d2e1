/** The canonical manifest bytes README.md defines, checked against Python's json.dumps. */
import { describe, expect, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import { canonicalManifest, checkManifestPath, sortManifest } from '../../../src/domain/manifest.js'

const entries = [
  { path: '😀', size: 1, sha256: 'a'.repeat(64) },
  { path: '\uFFFD', size: 2, sha256: 'b'.repeat(64) },
  { path: 'b"q.bin', size: 0, sha256: 'f'.repeat(64) },
  { path: 'a/é.txt', size: 3, sha256: '0'.repeat(64) }
]

describe('canonical manifest', () => {
  test('sorted by UTF-8 bytes (U+FFFD before U+1F600, unlike UTF-16 order)', () => {
    expect(sortManifest(entries).map(e => e.path)).toEqual(['a/é.txt', 'b"q.bin', '\uFFFD', '😀'])
  })

  test("the same bytes as Python's json.dumps(sorted entries, separators=(',', ':'), ensure_ascii=False)", () => {
    // python3: hashlib.sha256(json.dumps(sorted(e, key=lambda x: x['path'].encode()),
    //   separators=(',', ':'), ensure_ascii=False).encode()).hexdigest()
    const digest = createHash('sha256').update(canonicalManifest(entries), 'utf8').digest('hex')
    expect(digest).toBe('13e7c6c64b4c4d993bfd2f2c6c4356cb726ca3263f298721493b7383b3d4a39a')
  })

  test.each(['', '/abs', 'a//b', './a', 'a/../b', '..', 'a\\b', 'a/'])('refuses the path %j', path => {
    expect(() => checkManifestPath(path)).toThrow(/invalid path/)
  })

  test('accepts nested relative paths', () => {
    expect(checkManifestPath('features/nested/é.json')).toBe('features/nested/é.json')
  })
})
