/** The one rule for where mreg's caches live (src/cli/cache-home.ts). */
import { expect, test } from '@jest/globals'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { mregCacheHome } from '../../../src/cli/cache-home.js'

test('an absolute XDG_CACHE_HOME is used', () => {
  expect(mregCacheHome({ XDG_CACHE_HOME: '/var/cache/ci' })).toBe('/var/cache/ci/mreg')
})

test('an unset, empty or relative XDG_CACHE_HOME falls back to ~/.cache', () => {
  const fallback = join(homedir(), '.cache', 'mreg')
  expect(mregCacheHome({})).toBe(fallback)
  expect(mregCacheHome({ XDG_CACHE_HOME: '' })).toBe(fallback)
  expect(mregCacheHome({ XDG_CACHE_HOME: 'cache' })).toBe(fallback)
  expect(mregCacheHome({ XDG_CACHE_HOME: './cache' })).toBe(fallback)
})

test('the home is the given environment’s HOME; a relative one gives no cache', () => {
  expect(mregCacheHome({ HOME: '/home/ci' })).toBe('/home/ci/.cache/mreg')
  expect(mregCacheHome({ HOME: 'relative' })).toBeUndefined()
})
