/**
 * isomorphic-git's Node HTTP client with one repair. When a remote's HEAD points at a branch
 * with no commits (a fresh `git init --bare` whose only branch is the registry), upload-pack
 * advertises refs without HEAD, and isomorphic-git's fetch throws "Could not find HEAD" after
 * negotiating, losing the pack. Adding a `symref=HEAD:` capability to the advertisement
 * satisfies it; the value only feeds fetch's `defaultBranch` result, which we do not use.
 * Every request also gets an idle timeout: a server that stops answering fails the command
 * instead of hanging it.
 */
import type { Agent } from 'node:http'
import { HttpProxyAgent } from 'http-proxy-agent'
import { HttpsProxyAgent } from 'https-proxy-agent'
import type { GitHttpRequest, GitHttpResponse, HttpClient } from 'isomorphic-git'
import nodeHttp from 'isomorphic-git/http/node'
import { proxyFor, type ProxySettings } from '../domain/proxy.js'

/** How long a connection may stay silent before the request fails. */
export const DEFAULT_IDLE_TIMEOUT_MS = 60_000

/**
 * `proxy`: HTTPS_PROXY / HTTP_PROXY / NO_PROXY as the front read them. A proxied https remote is
 * reached through a CONNECT tunnel, a proxied http one by absolute-URI requests to the proxy.
 */
export function registryHttpClient(
  branch: string,
  idleTimeoutMs = DEFAULT_IDLE_TIMEOUT_MS,
  proxy?: ProxySettings
): HttpClient {
  const agents = new Map<string, Agent>()
  const agentFor = (url: string): Agent | undefined => {
    const via = proxyFor(url, proxy)
    if (!via) return undefined
    const https = new URL(url).protocol === 'https:'
    const key = `${https ? 'https' : 'http'} ${via}`
    let agent = agents.get(key)
    if (!agent) agents.set(key, (agent = https ? new HttpsProxyAgent(via) : new HttpProxyAgent(via)))
    return agent
  }
  return {
    async request(request: GitHttpRequest): Promise<GitHttpResponse> {
      // isomorphic-git's Node client hands `fetchOptions` to simple-get, whose `timeout` is the socket's idle limit.
      const agent = agentFor(request.url)
      const withTimeout = {
        ...request,
        ...(agent ? { agent } : {}),
        fetchOptions: { timeout: idleTimeoutMs }
      } as GitHttpRequest
      const response = await nodeHttp.request(withTimeout)
      const isAdvertisement =
        (request.method ?? 'GET') === 'GET' && request.url.endsWith('/info/refs?service=git-upload-pack')
      if (!isAdvertisement || response.statusCode !== 200 || !response.body) return response
      const chunks: Uint8Array[] = []
      for await (const chunk of response.body) chunks.push(chunk)
      const patched = addHeadSymref(Buffer.concat(chunks), `refs/heads/${branch}`)
      return { ...response, body: single(patched) }
    }
  }
}

async function* single(buffer: Uint8Array): AsyncIterableIterator<Uint8Array> {
  yield buffer
}

/** Rewrites the first ref line's capabilities when the advertisement has no HEAD at all. */
export function addHeadSymref(body: Buffer, target: string): Buffer {
  const lines: Buffer[] = []
  for (let at = 0; at < body.length;) {
    const length = Number.parseInt(body.subarray(at, at + 4).toString('latin1'), 16)
    if (!Number.isFinite(length) || (length !== 0 && length < 4) || at + Math.max(length, 4) > body.length)
      return body
    lines.push(body.subarray(at, at + Math.max(length, 4)))
    at += Math.max(length, 4)
  }
  const payload = (line: Buffer): string => line.subarray(4).toString('latin1')
  const refLines = lines.filter(line => line.length > 4 && !payload(line).startsWith('#'))
  const first = refLines[0]
  if (!first) return body
  const text = payload(first)
  const nul = text.indexOf('\0')
  if (nul < 0 || text.includes('symref=HEAD:')) return body
  const hasHead = refLines.some(line => /^[0-9a-f]{40} HEAD(\0|\n|$)/.test(payload(line)))
  if (hasHead) return body
  const newline = text.endsWith('\n') ? '\n' : ''
  const patched = `${text.slice(0, text.length - newline.length)} symref=HEAD:${target}${newline}`
  const replacement = Buffer.concat([
    Buffer.from((patched.length + 4).toString(16).padStart(4, '0'), 'latin1'),
    Buffer.from(patched, 'latin1')
  ])
  return Buffer.concat(lines.map(line => (line === first ? replacement : line)))
}
