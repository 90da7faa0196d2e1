/** A git server that accepts the connection and then says nothing fails the command, one line, instead of hanging it. */
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { createServer, type Server, type Socket } from 'node:net'
import { join } from 'node:path'
import { RemoteRegistryBackend } from '../../../src/registry/remote-backend.js'
import { makeTempDir, removeDir } from '../../support/git-repo.js'

let server: Server
let port: number
let root: string
const sockets: Socket[] = []

beforeAll(async () => {
  root = await makeTempDir('mreg-timeout-')
  server = createServer(socket => void sockets.push(socket))
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as { port: number }).port
})

afterAll(async () => {
  for (const socket of sockets) socket.destroy()
  await new Promise(resolve => server.close(resolve))
  await removeDir(root)
})

test('a silent server times out as unavailable, with no token in the message', async () => {
  const backend = new RemoteRegistryBackend({
    url: `http://127.0.0.1:${port}/acme/models.git`,
    cacheDir: join(root, 'cache'),
    token: 'ghs_silent_server_token',
    idleTimeoutMs: 300
  })
  const started = Date.now()
  const error = await backend.snapshot().catch((e: unknown) => e)
  expect(Date.now() - started).toBeLessThan(10_000)
  expect(error).toMatchObject({ kind: 'unavailable' })
  const message = (error as Error).message
  expect(message).toMatch(/timed out/i)
  expect(message).not.toContain('ghs_silent_server_token')
  expect(message.split('\n')).toHaveLength(1)
})
