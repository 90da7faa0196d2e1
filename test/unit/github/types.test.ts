import { describe, expect, test } from '@jest/globals'
import { parseDigest, toAsset, toRelease } from '../../../src/github/types.js'
import { parseUploadUrl } from '../../../src/github/assets.js'

const HEX = 'ac884758b3d08df1'.repeat(4)

describe('asset digests', () => {
  test('sha256:<hex> gives the hex, lower-cased', () => {
    expect(parseDigest(`sha256:${HEX}`)).toBe(HEX)
    expect(parseDigest(`sha256:${HEX.toUpperCase()}`)).toBe(HEX)
  })

  test.each([null, undefined, '', HEX, `sha512:${HEX}`, `sha256:${HEX.slice(1)}`, `sha256:${HEX}00`])(
    'no usable digest in %p',
    digest => {
      expect(parseDigest(digest)).toBeNull()
    }
  )
})

describe('GitHub objects', () => {
  test('a release keeps the fields the store uses and its assets', () => {
    const release = toRelease({
      id: 7,
      tag_name: 'm@v1.0.0',
      name: 'm 1.0.0',
      body: null,
      draft: true,
      prerelease: false,
      immutable: true,
      html_url: 'https://github.com/o/r/releases/tag/untagged-1',
      upload_url: 'https://uploads.github.com/repos/o/r/releases/7/assets{?name,label}',
      target_commitish: 'main',
      created_at: '2026-01-01T00:00:00Z',
      published_at: null,
      assets: [{ id: 1, name: 'a', size: 3, state: 'starter', digest: null }],
      author: { login: 'x' }
    })
    expect(release).toMatchObject({ id: 7, tag_name: 'm@v1.0.0', draft: true, immutable: true, body: null })
    expect(release.assets[0]).toMatchObject({ id: 1, state: 'starter', digest: null })
    expect(release).not.toHaveProperty('author')
  })

  test('immutable is absent when GitHub does not say', () => {
    expect(toRelease({ id: 1 })).not.toHaveProperty('immutable')
    expect(toAsset({ id: 2, digest: `sha256:${HEX}` }).digest).toBe(`sha256:${HEX}`)
  })
})

describe('parseUploadUrl', () => {
  test('finds owner, repo and release id in GitHub.com and Enterprise forms', () => {
    expect(
      parseUploadUrl('https://uploads.github.com/repos/acme/meters/releases/123/assets{?name,label}')
    ).toEqual({
      owner: 'acme',
      repo: 'meters',
      release_id: 123
    })
    expect(parseUploadUrl('http://127.0.0.1:5000/api/uploads/repos/a/b.c/releases/9/assets')).toEqual({
      owner: 'a',
      repo: 'b.c',
      release_id: 9
    })
  })

  test('refuses anything else', () => {
    expect(() => parseUploadUrl('https://uploads.github.com/repos/acme/meters/releases/x/assets')).toThrow(
      /unexpected release upload_url/
    )
  })
})
