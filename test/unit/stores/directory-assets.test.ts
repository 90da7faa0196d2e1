/**
 * How a directory version is laid out as release assets: names GitHub keeps as asked, unique by
 * position; the 1000-asset limit counted in assets (parts included), before anything is made.
 */
import { describe, expect, test } from '@jest/globals'
import {
  directoryAssetName,
  planDirectory,
  RELEASE_ASSET_LIMIT
} from '../../../src/stores/github-release/directory-assets.js'
import { sanitiseAssetName } from '../../support/github-emulator/handlers/upload.js'

const sha = 'a'.repeat(64)

function directory(sizes: number[]) {
  const entries = sizes.map((size, i) => ({ path: `d/f${i}.bin`, size, sha256: sha }))
  return {
    entries,
    files: new Map(entries.map(e => [e.path, `/tmp/${e.path}`])),
    digest: { sha256: sha, size: sizes.reduce((a, b) => a + b, 0) }
  }
}

describe('directoryAssetName', () => {
  test.each([
    [1, 'model.pkl', '0001-model.pkl'],
    [12, 'features/extract (v2).py', '0012-features_extract__v2_.py'],
    [3, 'lib/é.json', '0003-lib__.json'],
    [4, 'notes.', '0004-notes'],
    [5, 'a@b+c', '0005-a_b_c']
  ])('%i %s → %s, unchanged by GitHub’s renaming', (position, path, name) => {
    expect(directoryAssetName(position, path)).toBe(name)
    expect(sanitiseAssetName(name)).toBe(name)
  })

  test('positions keep paths that read alike apart', () => {
    expect(directoryAssetName(1, 'a b')).not.toBe(directoryAssetName(2, 'a_b'))
  })
})

describe('planDirectory', () => {
  test('an empty file needs no asset; a large one one per part', () => {
    const planned = planDirectory(directory([0, 10, 25]), 10)
    expect(planned.map(f => f.plan.length)).toEqual([0, 1, 3])
  })

  test(`more than ${RELEASE_ASSET_LIMIT} assets, parts included, is refused as bad input`, () => {
    expect(() => planDirectory(directory([600, 500]), 1)).toThrow(
      expect.objectContaining({
        kind: 'invalid-input',
        message: expect.stringMatching(/needs 1100 release assets \(2 files\)/)
      })
    )
    expect(planDirectory(directory([500, 500]), 1)).toHaveLength(2)
  })
})
