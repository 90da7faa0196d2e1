import { describe, expect, test } from '@jest/globals'
import {
  assetDownloadUrl,
  parseReleaseTag,
  partName,
  releasePageUrl,
  releaseTag
} from '../../../src/stores/github-release/naming.js'

describe('release tag naming', () => {
  test('tag is <name>@v<version>', () => {
    expect(releaseTag('theft-detector', '1.2.0')).toBe('theft-detector@v1.2.0')
  })

  test('parses registry tags back, including prerelease and build versions', () => {
    expect(parseReleaseTag('theft-detector@v1.2.0')).toEqual({ name: 'theft-detector', version: '1.2.0' })
    expect(parseReleaseTag('iso_forest.v2@v1.0.0-rc.1')).toEqual({
      name: 'iso_forest.v2',
      version: '1.0.0-rc.1'
    })
    expect(parseReleaseTag(releaseTag('m', '2.0.0+build.7'))).toEqual({ name: 'm', version: '2.0.0+build.7' })
  })

  test.each([
    'v1.2.0',
    'theft-detector@1.2.0',
    'theft-detector@v1.2',
    'Theft@v1.0.0',
    '@v1.0.0',
    'a/b@v1.0.0',
    'model@v01.0.0',
    'model@vlatest',
    'model@vv1.0.0',
    'model@v 1.0.0'
  ])('ignores %s (not a registry tag)', tag => {
    expect(parseReleaseTag(tag)).toBeNull()
  })

  test('part names are zero-padded so they sort in order', () => {
    expect(partName('m_20260101_000000.pkl', 0)).toBe('m_20260101_000000.pkl.part000')
    expect(partName('m.pkl', 12)).toBe('m.pkl.part012')
    expect(partName('m.pkl', 1000)).toBe('m.pkl.part1000')
  })

  test('browser URLs percent-encode the tag and the asset name', () => {
    expect(assetDownloadUrl('https://github.com/', 'acme', 'meters', 'iso@v1.1.0', 'iso_1.pkl')).toBe(
      'https://github.com/acme/meters/releases/download/iso%40v1.1.0/iso_1.pkl'
    )
    expect(releasePageUrl('http://127.0.0.1:9', 'o', 'r', 'm@v1.0.0+b')).toBe(
      'http://127.0.0.1:9/o/r/releases/tag/m%40v1.0.0%2Bb'
    )
  })
})
