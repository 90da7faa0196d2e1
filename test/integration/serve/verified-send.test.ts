/**
 * sendVerified (src/serve/verified-send.ts) on a file of several chunks: the bytes arrive whole
 * and in order while the worker hashes them, two downloads share the worker, and a file whose
 * hash is not the expected one never arrives complete (its last chunk is held back and the
 * connection cut).
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { createHash, randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CHUNK, HashingWorker, sendVerified, type SendResult } from '../../../src/serve/verified-send.js'

// Five and a half chunks: the four slots are each used more than once, the last chunk is partial.
const bytes = randomBytes(5 * CHUNK + CHUNK / 2)
const sha256 = createHash('sha256').update(bytes).digest('hex')
const hashing = new HashingWorker()
const results: SendResult[] = []
const failures: unknown[] = []
let dir: string
let server: Server
let url: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mreg-send-'))
  await writeFile(join(dir, 'model.bin'), bytes)
  await writeFile(join(dir, 'empty.bin'), '')
  server = createServer((req, res) => {
    const empty = req.url === '/empty'
    const expected =
      req.url === '/wrong' ? 'f'.repeat(64) : empty ? createHash('sha256').digest('hex') : sha256
    res.writeHead(200, { 'content-length': String(empty ? 0 : bytes.length) })
    sendVerified(
      join(dir, empty ? 'empty.bin' : 'model.bin'),
      empty ? 0 : bytes.length,
      expected,
      res,
      hashing
    )
      .then(result => {
        results.push(result)
        if (result.mismatch !== null) res.destroy()
      })
      .catch((error: unknown) => {
        failures.push((error as { code?: string }).code)
        res.destroy()
      })
  })
  await new Promise<void>(done => server.listen(0, '127.0.0.1', done))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

/** The server's results, once `n` sends have finished (a response can reach the client first). */
async function settled(n: number): Promise<SendResult[]> {
  for (let i = 0; i < 200 && results.length < n; i++) await new Promise(done => setTimeout(done, 10))
  return results
}

afterAll(async () => {
  await new Promise(done => server.close(done))
  await hashing.close()
  await rm(dir, { recursive: true, force: true })
})

test('two downloads at once arrive whole, and both are verified', async () => {
  results.length = 0
  const [a, b] = await Promise.all(
    [fetch(`${url}/`), fetch(`${url}/`)].map(async r => Buffer.from(await (await r).arrayBuffer()))
  )
  expect(a?.equals(bytes)).toBe(true)
  expect(b?.equals(bytes)).toBe(true)
  expect(await settled(2)).toEqual([{ mismatch: null }, { mismatch: null }])
})

test('an empty file is sent and verified', async () => {
  results.length = 0
  expect((await (await fetch(`${url}/empty`)).arrayBuffer()).byteLength).toBe(0)
  expect(await settled(1)).toEqual([{ mismatch: null }])
})

test('bytes that do not hash to the expected SHA-256 never arrive whole', async () => {
  results.length = 0
  await expect(fetch(`${url}/wrong`).then(r => r.arrayBuffer())).rejects.toThrow()
  expect(await settled(1)).toEqual([{ mismatch: sha256 }])
})

test('a client that goes mid-download ends the send as gone (ECONNRESET), not as a server error', async () => {
  failures.length = 0
  const controller = new AbortController()
  const response = await fetch(`${url}/`, { signal: controller.signal })
  const reader = (response.body as ReadableStream<Uint8Array>).getReader()
  await reader.read()
  controller.abort()
  for (let i = 0; i < 200 && failures.length === 0; i++) await new Promise(done => setTimeout(done, 10))
  expect(failures).toEqual(['ECONNRESET'])
})
