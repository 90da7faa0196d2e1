/**
 * A real forward proxy on 127.0.0.1 for tests of HTTPS_PROXY / HTTP_PROXY / NO_PROXY: it relays
 * absolute-URI requests (`GET http://host/path`, how clients send plain-http requests to a proxy)
 * and CONNECT tunnels (how undici's ProxyAgent and https-proxy-agent reach any origin), and
 * records what passed through it.
 */
import { createServer, request as httpRequest, type Server } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'

export interface ProxiedRequest {
  kind: 'forward' | 'connect'
  /** `METHOD url` for a forwarded request, `host:port` for a tunnel. */
  target: string
}

export interface TestProxy {
  url: string
  requests: ProxiedRequest[]
  close(): Promise<void>
}

export async function startTestProxy(): Promise<TestProxy> {
  const requests: ProxiedRequest[] = []
  const sockets = new Set<Socket>()
  const server: Server = createServer((req, res) => {
    const target = new URL(req.url ?? '/')
    requests.push({ kind: 'forward', target: `${req.method} ${target.href}` })
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port || 80,
        method: req.method,
        path: `${target.pathname}${target.search}`,
        headers: { ...req.headers, host: target.host }
      },
      answer => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    upstream.on('error', error => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' })
      res.end(`proxy: ${error.message}`)
    })
    req.pipe(upstream)
  })
  server.on('connect', (req, client: Socket, head: Buffer) => {
    requests.push({ kind: 'connect', target: req.url ?? '' })
    const [host, port] = (req.url ?? '').split(':')
    const upstream = connect(Number(port) || 443, host as string, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length) upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
      socket.on('error', () => {
        client.destroy()
        upstream.destroy()
      })
    }
  })
  server.on('connection', socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise(resolve => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}
