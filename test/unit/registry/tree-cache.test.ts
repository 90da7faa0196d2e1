/**
 * GitReader keeps parsed trees by their entries, not only by their number: a long write (an
 * import's hundred commits) must not keep every directory it rewrote, and the oldest trees go
 * first.
 */
import { expect, test } from '@jest/globals'
import { GitReader } from '../../../src/registry/git-reader.js'
import { encodeTree } from '../../../src/registry/objects.js'
import type { ObjectKind, ObjectSource, RawObject } from '../../../src/registry/object-source.js'

const ENTRIES = 60_000
const BLOB = 'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391'

/** Trees of 60,000 files each, made up on request; every read is counted. */
function countingSource(): { source: ObjectSource; reads: Map<string, number> } {
  const reads = new Map<string, number>()
  const source: ObjectSource = {
    read(oid: string, expected: ObjectKind): Promise<RawObject> {
      reads.set(oid, (reads.get(oid) ?? 0) + 1)
      const items = Array.from({ length: ENTRIES }, (_, i) => ({
        mode: '100644',
        name: `${i}.json`,
        oid: BLOB
      }))
      return Promise.resolve({ type: expected, data: encodeTree(items) })
    },
    close: () => undefined
  }
  return { source, reads }
}

const oid = (n: number): string => String(n).repeat(40)

test('parsed trees are kept up to 200,000 entries in all, the oldest let go first', async () => {
  const { source, reads } = countingSource()
  const reader = new GitReader('/nonexistent', source)
  for (const n of [1, 2, 3]) expect((await reader.readTree(oid(n))).size).toBe(ENTRIES)
  await reader.readTree(oid(1))
  expect(reads.get(oid(1))).toBe(1) // 180,000 entries: all kept
  await reader.readTree(oid(4)) // 240,000: the oldest goes
  await reader.readTree(oid(2))
  expect(reads.get(oid(2))).toBe(1)
  await reader.readTree(oid(1))
  expect(reads.get(oid(1))).toBe(2)
})
