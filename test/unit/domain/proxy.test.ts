import { describe, expect, test } from '@jest/globals'
import { proxyFor, proxyFromEnv } from '../../../src/domain/proxy.js'

describe('proxyFromEnv', () => {
  test('lowercase wins, empty values are unset', () => {
    expect(
      proxyFromEnv({
        HTTPS_PROXY: 'http://upper:1',
        https_proxy: 'http://lower:1',
        HTTP_PROXY: ' ',
        NO_PROXY: 'a'
      })
    ).toEqual({ httpsProxy: 'http://lower:1', noProxy: 'a' })
  })
})

describe('proxyFor', () => {
  const settings = {
    httpProxy: 'http://p:3128',
    httpsProxy: 'http://ps:3128',
    noProxy: 'internal.example, .corp, 10.0.0.1:8080'
  }
  test.each([
    ['https://api.github.com/repos', 'http://ps:3128'],
    ['http://example.com/', 'http://p:3128'],
    ['https://internal.example/x', undefined],
    ['https://git.internal.example/x', undefined],
    ['https://notinternal.example/x', 'http://ps:3128'],
    ['https://a.b.corp/', undefined],
    ['http://10.0.0.1:8080/', undefined],
    ['http://10.0.0.1:9090/', 'http://p:3128']
  ])('%s → %s', (url, expected) => {
    expect(proxyFor(url, settings)).toBe(expected)
  })
  test('https falls back on the http proxy; * bypasses everything; nothing set, nothing proxied', () => {
    expect(proxyFor('https://x.io', { httpProxy: 'http://p:1' })).toBe('http://p:1')
    expect(proxyFor('https://x.io', { httpProxy: 'http://p:1', noProxy: '*' })).toBeUndefined()
    expect(proxyFor('https://x.io', {})).toBeUndefined()
  })
})
