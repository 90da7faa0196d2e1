/**
 * Conditional requests as GitHub documents them (rule conditional-request): a GET answers with an
 * ETag; sent back in If-None-Match it answers 304 with no body while the resource is unchanged,
 * and that 304 does not count against the primary rate limit; a change (a push) or another token
 * gets a 200 with a new ETag.
 */
import { afterAll, afterEach, beforeAll, expect, test } from '@jest/globals'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  ALL_WRITE,
  basicHeader,
  startGitHubEmulator,
  type GitHubEmulator
} from '../../support/github-emulator/index.js'
import { git } from './helpers.js'

let gh: GitHubEmulator
let work: string

beforeAll(async () => {
  gh = await startGitHubEmulator()
  work = await mkdtemp(join(tmpdir(), 'gh-emulator-conditional-'))
})
afterAll(async () => {
  await gh.close()
  await rm(work, { recursive: true, force: true })
})
afterEach(() => expect(gh.validationErrors).toEqual([]))

const getRef = (ref: string, headers: Record<string, string> = {}, token = gh.token) =>
  fetch(`${gh.apiUrl}/repos/${gh.owner}/${gh.repo}/git/ref/${ref}`, {
    headers: { authorization: `Bearer ${token}`, accept: 'application/vnd.github+json', ...headers }
  })

test('an unchanged ref answers 304 to its ETag without counting against the primary limit', async () => {
  const first = await getRef('heads/main')
  expect(first.status).toBe(200)
  const etag = first.headers.get('etag') ?? ''
  expect(etag).toMatch(/^"[0-9a-f]{32}"$/)
  const sha = ((await first.json()) as { object: { sha: string } }).object.sha
  const used = Number(first.headers.get('x-ratelimit-used'))

  for (const sent of [etag, `W/${etag}`, `"other", ${etag}`]) {
    const again = await getRef('heads/main', { 'if-none-match': sent })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    expect(again.headers.get('etag')).toBe(etag)
    expect(again.headers.get('vary')).toContain('Authorization')
    expect(Number(again.headers.get('x-ratelimit-used'))).toBe(used)
  }
  expect(gh.requests.filter(r => r.status === 304).map(r => r.rule)).toEqual([
    'conditional-request',
    'conditional-request',
    'conditional-request'
  ])

  // A stale ETag is a full, counted answer.
  const stale = await getRef('heads/main', { 'if-none-match': '"0123456789abcdef0123456789abcdef"' })
  expect(stale.status).toBe(200)
  expect(Number(stale.headers.get('x-ratelimit-used'))).toBe(used + 1)

  // ETags are per token: another token's request with this ETag gets the representation.
  gh.tokens.add('ghs_other', { login: 'other[bot]', permissions: ALL_WRITE })
  const other = await getRef('heads/main', { 'if-none-match': etag }, 'ghs_other')
  expect(other.status).toBe(200)
  expect(other.headers.get('etag')).not.toBe(etag)

  // A push moves the ref: the old ETag no longer matches.
  const env = gh.gitEnv({ GIT_CONFIG_COUNT: '0' })
  const run = (...args: string[]) =>
    git(['-c', `http.extraHeader=${basicHeader(gh.token)}`, ...args], { cwd: work, env })
  await git(['-c', `http.extraHeader=${basicHeader(gh.token)}`, 'clone', '-q', gh.gitUrl, work], {
    cwd: tmpdir(),
    env
  })
  await writeFile(join(work, 'moved.txt'), 'moved\n')
  await run('add', 'moved.txt')
  await run('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'move main')
  await run('push', '-q', 'origin', 'HEAD:main')
  const moved = await getRef('heads/main', { 'if-none-match': etag })
  expect(moved.status).toBe(200)
  expect(((await moved.json()) as { object: { sha: string } }).object.sha).not.toBe(sha)
  expect(moved.headers.get('etag')).not.toBe(etag)
})
