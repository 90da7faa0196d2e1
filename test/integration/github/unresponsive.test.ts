/**
 * An API that accepts the connection and never answers, and one that answers the wrong shape
 * (`{}` where a list is documented): each call fails within its time limit, or at once, with a
 * one-line message naming the endpoint — never a hang, never "response.data.map is not a function".
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import { RegistryError } from '../../../src/domain/errors.js'
import { createGitHubClient, resetGitHubClients } from '../../../src/github/client.js'
import { findOpenPull, listReviews, pullsForCommit } from '../../../src/github/pulls.js'
import { getReleaseByTag, listAssets, listReleases } from '../../../src/github/releases.js'

let silent: TcpServer
let sockets: Socket[] = []
let wrongShape: Server
let silentUrl: string
let wrongShapeUrl: string

const listen = (server: TcpServer | Server): Promise<number> =>
  new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)))

beforeAll(async () => {
  silent = createTcpServer(socket => {
    sockets.push(socket) // accepted, never answered
  })
  wrongShape = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end('{}')
  })
  silentUrl = `http://127.0.0.1:${await listen(silent)}/api/v3`
  wrongShapeUrl = `http://127.0.0.1:${await listen(wrongShape)}/api/v3`
})

afterAll(async () => {
  for (const socket of sockets) socket.destroy()
  sockets = []
  await new Promise(resolve => silent.close(resolve))
  await new Promise(resolve => wrongShape.close(resolve))
  resetGitHubClients()
})

const repo = { owner: 'acme', repo: 'models' }
const TOKEN = 'ghs_unresponsive0123456789abcdef'

async function failure(promise: Promise<unknown>): Promise<RegistryError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(RegistryError)
  return error as RegistryError
}

test('a request that gets no answer fails after its time limit (and one retry), naming the endpoint and the limit', async () => {
  const client = createGitHubClient({
    token: TOKEN,
    apiUrl: silentUrl,
    timeoutMs: 400,
    retries: 1,
    retryBaseMs: 10
  })
  const started = Date.now()
  const error = await failure(getReleaseByTag(client, { ...repo, tag: 'm@v1.0.0' }))
  const elapsed = Date.now() - started
  expect(error.kind).toBe('unavailable')
  expect(error.message).toBe(
    `reading release m@v1.0.0 failed: GitHub at ${silentUrl} did not answer GET /api/v3/repos/acme/models/releases/tags/m%40v1.0.0 within 0.4 s; check the network and the GitHub API URL`
  )
  expect(error.details).toMatchObject({ code: 'ETIMEDOUT', timeout_seconds: 0.4 })
  expect(elapsed).toBeGreaterThanOrEqual(800) // two attempts of 0.4 s
  expect(elapsed).toBeLessThan(10_000)
})

test('the default limit bounds a request too: 20 s, not a minute', () => {
  const client = createGitHubClient({ token: TOKEN, apiUrl: silentUrl })
  expect(client.timeoutMs).toBe(20_000)
})

test.each([
  ['listing releases', () => listReleases(client(), repo), '/api/v3/repos/acme/models/releases'],
  [
    'listing assets',
    () => listAssets(client(), { ...repo, release_id: 7 }),
    '/api/v3/repos/acme/models/releases/7/assets'
  ],
  [
    'listing reviews',
    () => listReviews(client(), { ...repo, pull_number: 3 }),
    '/api/v3/repos/acme/models/pulls/3/reviews'
  ],
  [
    'listing the pulls of a commit',
    () => pullsForCommit(client(), { ...repo, commit_sha: 'a'.repeat(40) }),
    `/api/v3/repos/acme/models/commits/${'a'.repeat(40)}/pulls`
  ],
  [
    'finding a pull request',
    () => findOpenPull(client(), { ...repo, branch: 'b', base: 'main' }),
    '/api/v3/repos/acme/models/pulls'
  ]
])('%s: `{}` where a list is documented is an error naming the endpoint', async (_what, run, path) => {
  const error = await failure(run())
  expect(error.kind).toBe('unavailable')
  expect(error.message).toContain(`GET ${path} answered an object where a list was expected`)
  expect(error.message).not.toMatch(/is not a function/)
  expect(error.message).not.toMatch(/\n/)
})

function client() {
  return createGitHubClient({ token: TOKEN, apiUrl: wrongShapeUrl, retries: 0, writeSpacingMs: 0 })
}
