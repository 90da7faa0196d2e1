import { describe, expect, test } from '@jest/globals'
import { createServer } from 'node:net'
import { createGitHubClient, fetchWithTimeout } from '../../../src/github/client.js'
import { getReleaseByTag } from '../../../src/github/releases.js'
import { RegistryError } from '../../../src/domain/errors.js'

const TOKEN = 'ghp_unitTestTokenThatMustNeverLeak000000'

/** A port nothing listens on: bind, read the port, close. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>(resolve => server.close(() => resolve()))
  if (!address || typeof address === 'string') throw new Error('no port')
  return address.port
}

describe('createGitHubClient', () => {
  test('one shared client per token and API URL', () => {
    const a = createGitHubClient({ token: TOKEN, apiUrl: 'https://ghe.example/api/v3/' })
    const b = createGitHubClient({ token: TOKEN, apiUrl: 'https://ghe.example/api/v3' })
    const c = createGitHubClient({ token: `${TOKEN}x`, apiUrl: 'https://ghe.example/api/v3' })
    expect(a).toBe(b)
    expect(c).not.toBe(a)
    expect(a.apiUrl).toBe('https://ghe.example/api/v3')
  })

  test('redacts the token', () => {
    const client = createGitHubClient({ token: TOKEN })
    expect(client.redact(`Authorization: token ${TOKEN}`)).toBe('Authorization: token ***')
  })

  test('an unreachable API → cannot reach GitHub at <apiUrl>: ECONNREFUSED, one line, no token', async () => {
    const apiUrl = `http://127.0.0.1:${await closedPort()}`
    const warnings: string[] = []
    const client = createGitHubClient({
      token: TOKEN,
      apiUrl,
      retries: 1,
      retryBaseMs: 10,
      log: { info: () => {}, warn: message => warnings.push(message) }
    })
    const error = await getReleaseByTag(client, { owner: 'acme', repo: 'models', tag: 'm@v1.0.0' }).catch(
      e => e
    )
    expect(error).toBeInstanceOf(RegistryError)
    expect(error.kind).toBe('unavailable')
    expect(error.message).toBe(
      `reading release m@v1.0.0 failed: cannot reach GitHub at ${apiUrl} (ECONNREFUSED); check the network and the GitHub API URL`
    )
    expect(error.stack).not.toMatch(/\n\s+at /)
    expect(JSON.stringify({ message: error.message, details: error.details, warnings })).not.toContain(TOKEN)
  })
})

describe('fetchWithTimeout', () => {
  test('gives plain requests a deadline and leaves streamed or signalled ones alone', async () => {
    const seen: (AbortSignal | null | undefined)[] = []
    const base = (async (_input: unknown, init?: RequestInit) => {
      seen.push(init?.signal)
      return new Response('ok')
    }) as typeof fetch
    const wrapped = fetchWithTimeout(1000, base)
    const own = new AbortController().signal
    await wrapped('http://x/', {})
    await wrapped('http://x/', { signal: own })
    await wrapped('http://x/', { method: 'POST', body: (async function* () {})() as never })
    expect(seen[0]).toBeInstanceOf(AbortSignal)
    expect(seen[1]).toBe(own)
    expect(seen[2]).toBeUndefined()
  })
})
