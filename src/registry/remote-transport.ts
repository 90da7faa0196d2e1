/**
 * Fetching the registry branch into a local bare cache and pushing to it over smart HTTP.
 * The URL and token live only in memory: nothing is written to the cache's config, and every
 * error becomes a one-line 'unavailable' RegistryError with the token and URL credentials removed.
 */
import fs from 'node:fs'
import { mkdir, unlink, writeFile } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import { dirname, join } from 'node:path'
import git, { type AuthCallback, type HttpClient, type PushResult } from 'isomorphic-git'
import { RegistryError } from '../domain/errors.js'
import type { ProxySettings } from '../domain/proxy.js'
import { withCacheLock } from './cache-lock.js'
import { registryHttpClient } from './http-client.js'

const ZERO_OID = '0'.repeat(40)
/** git's INFINITE_DEPTH: a fetch that deepens this far removes the shallow boundary. */
const UNSHALLOW_DEPTH = 0x7fffffff

export interface TransportOptions {
  url: string
  gitdir: string
  branch: string
  token?: string
  cache: object
  idleTimeoutMs?: number
  proxy?: ProxySettings
}

export class RemoteTransport {
  /** The URL without credentials, safe to print. */
  readonly displayUrl: string
  /** Where the last fetched remote tip is kept in the cache, like git's remote-tracking branches. */
  readonly trackingRef: string
  private readonly url: string
  private readonly secrets: string[]
  private readonly onAuth?: AuthCallback
  private readonly http: HttpClient

  constructor(private readonly options: TransportOptions) {
    const parsed = parseUrl(options.url)
    this.url = parsed.url
    this.displayUrl = parsed.url
    this.trackingRef = `refs/remotes/origin/${options.branch}`
    this.http = registryHttpClient(options.branch, options.idleTimeoutMs, options.proxy)
    const token = options.token ?? parsed.password
    const username = options.token !== undefined ? 'x-access-token' : (parsed.username ?? 'x-access-token')
    this.secrets = [token, parsed.password].filter((s): s is string => Boolean(s))
    if (token) this.onAuth = () => ({ username, password: token })
  }

  /**
   * Brings the branch tip (and what it needs) into the cache and returns it; null when the remote
   * has no such branch. `depth` limits history on a first fetch; later fetches only add what is new.
   */
  async fetch(options: { depth?: number } = {}): Promise<string | null> {
    return this.fetchInto(`refs/heads/${this.options.branch}`, options.depth)
  }

  /**
   * Fetches another ref of the remote (a proposal branch, `refs/pull/<n>/head`) and returns its
   * commit; null when the remote has no such ref. The registry branch's tip is offered as what we
   * have, so only the commits on top of it travel.
   */
  async fetchRef(remoteRef: string): Promise<string | null> {
    return this.fetchInto(remoteRef)
  }

  /**
   * One fetch of `remoteRef` into the cache, under the cache lock. `ref` is the registry's
   * tracking ref either way: for another remote ref it only supplies the "have" line.
   */
  private fetchInto(remoteRef: string, depth?: number): Promise<string | null> {
    return withCacheLock(this.options.gitdir, async () => {
      try {
        const result = await git.fetch({
          fs,
          http: this.http,
          gitdir: this.options.gitdir,
          cache: this.options.cache,
          url: this.url,
          ref: this.trackingRef,
          remoteRef,
          singleBranch: true,
          tags: false,
          depth,
          onAuth: this.onAuth
        })
        return result.fetchHead ?? null
      } catch (error) {
        if (errorCode(error) === 'NotFoundError' && !isNetworkError(error)) return null
        throw this.unavailable('fetch from', error)
      }
    })
  }

  /** Fetches the rest of the history behind a shallow cache. */
  async unshallow(): Promise<void> {
    await this.fetch({ depth: UNSHALLOW_DEPTH })
  }

  /**
   * Pushes `commit` to the branch only if the remote still holds `expected` (null: absent).
   * Returns false when someone else got there first; the server re-checks the old value under
   * its own lock, so a push racing ours cannot be overwritten.
   */
  async push(commit: string, expected: string | null): Promise<boolean> {
    return this.withOutgoingRef(commit, async ref => {
      const remote = remoteMessages()
      try {
        await git.push({
          ...this.pushTarget(ref, this.options.branch),
          onMessage: remote.collect,
          force: false,
          // The advertised value is the one the server will check; refuse unless it is what we built on.
          onPrePush: ({ remoteRef }) => remoteRef.oid === (expected ?? ZERO_OID)
        })
        return true
      } catch (error) {
        const code = errorCode(error)
        if (code === 'GitPushError')
          return this.judgeRejection(error, this.options.branch, await remote.lines())
        if (code === 'UserCanceledError' || code === 'PushRejectedError') return false
        // The remote moved to commits this cache has never seen: the fast-forward check cannot read them.
        if (code === 'NotFoundError' && !isNetworkError(error)) return false
        throw this.unavailable('push to', error)
      }
    })
  }

  /**
   * Points `branch` (never the registry branch) at `commit`, replacing whatever it held: a
   * proposal is rebuilt, not appended to. Returns false when the server refused the update
   * because the branch moved meanwhile (another run proposing the same change).
   */
  async pushProposal(commit: string, branch: string): Promise<boolean> {
    if (branch === this.options.branch) {
      throw new RegistryError('invalid-input', `refusing to force-push the registry branch "${branch}"`)
    }
    return this.withOutgoingRef(commit, async ref => {
      const remote = remoteMessages()
      try {
        await git.push({ ...this.pushTarget(ref, branch), onMessage: remote.collect, force: true })
        return true
      } catch (error) {
        const code = errorCode(error)
        if (code === 'GitPushError') return this.judgeRejection(error, branch, await remote.lines())
        if (code === 'PushRejectedError') return false
        throw this.unavailable('push to', error)
      }
    })
  }

  /** What every push names: this cache, the remote and its credentials, our ref → their branch. */
  private pushTarget(ref: string, branch: string) {
    return {
      fs,
      http: this.http,
      gitdir: this.options.gitdir,
      cache: this.options.cache,
      url: this.url,
      ref,
      remoteRef: `refs/heads/${branch}`,
      onAuth: this.onAuth
    }
  }

  /**
   * isomorphic-git pushes a ref, not a commit: a ref of this process's own names the commit for
   * the push's duration, so concurrent pushes from one cache never see each other's.
   */
  private async withOutgoingRef<T>(commit: string, push: (ref: string) => Promise<T>): Promise<T> {
    return withCacheLock(this.options.gitdir, () => this.pushWithRef(commit, push))
  }

  private async pushWithRef<T>(commit: string, push: (ref: string) => Promise<T>): Promise<T> {
    const outgoing = `refs/mreg/outgoing/${process.pid}-${randomBytes(4).toString('hex')}`
    const outgoingPath = join(this.options.gitdir, outgoing)
    await mkdir(dirname(outgoingPath), { recursive: true })
    await writeFile(outgoingPath, `${commit}\n`)
    try {
      return await push(outgoing)
    } finally {
      await unlink(outgoingPath).catch(() => undefined)
    }
  }

  /**
   * The server answered the push with a failure. Losing the race on the old value ("failed to
   * update ref", "cannot lock ref", "fetch first") is retried; a hook or branch protection saying
   * no will say no again, so it is reported at once.
   */
  private judgeRejection(error: unknown, branch: string, remote: string[]): false {
    const result = (error as { data?: { result?: PushResult } }).data?.result
    const reasons = Object.values(result?.refs ?? {})
      .filter(r => !r.ok)
      .map(r => r.error)
    if (result && !result.ok)
      throw this.unavailable('push to', new Error(`server could not unpack (${result.error})`))
    const reason = reasons.join('; ')
    if (/declined|protected|denied|forbidden|not allowed|permission|violation/i.test(reason)) {
      // The rule's own text (GitHub: `remote: error: GH013: …` and one `- <rule>` line per rule)
      // comes on the side band; without it the user never learns which rule said no.
      const said = remote.filter(line => line !== '' && !/^Review all repository rules at/i.test(line))
      throw new RegistryError(
        'refused',
        this.redact(
          `the registry at ${this.displayUrl} refused the push to ${branch}: ${reason}${said.length ? ` (the server said: ${said.join(' ')})` : ''}${/rule violation|protected branch/i.test(reason) ? '; direct writes to the registry branch need a token its ruleset lets bypass (README: Branch protection)' : ''}`
        ),
        { url: this.displayUrl, remote: said.map(line => this.redact(line)) }
      )
    }
    return false
  }

  private redact(message: string): string {
    let text = message
    for (const secret of this.secrets) text = text.split(secret).join('***')
    return text.replace(/\s*\n\s*/g, ' ')
  }

  private unavailable(action: string, error: unknown): RegistryError {
    const http = (error as { code?: string; data?: { statusCode?: number; response?: string } }).data
    if (errorCode(error) === 'HttpError' && http?.statusCode === 403) {
      // GitHub: 403 with "Permission to o/r.git denied to <login>." — the token lacks contents:
      // write to push (it may read), or contents: read to fetch.
      const said = (http.response ?? '').split('\n')[0]?.trim().slice(0, 200)
      const pushing = action === 'push to'
      const permission = pushing ? 'contents: write' : 'contents: read'
      return new RegistryError(
        'refused',
        this.redact(
          `the token may not ${pushing ? 'push to' : 'read'} the registry at ${this.displayUrl} (HTTP 403${said ? `: ${said}` : ''}): it needs the ${permission} permission`
        ),
        { url: this.displayUrl, permission }
      )
    }
    const message = `cannot ${action} the registry at ${this.displayUrl}: ${describe(error)}`
    return new RegistryError('unavailable', this.redact(message), { url: this.displayUrl })
  }
}

/**
 * The server's side-band messages of one push (git prints them as `remote:` lines). isomorphic-git
 * hands them over without awaiting, so `lines()` lets pending deliveries finish first.
 */
function remoteMessages(): { collect: (message: string) => void; lines: () => Promise<string[]> } {
  const received: string[] = []
  return {
    collect: message => {
      for (const line of message.split(/\r?\n/)) received.push(line.trim())
    },
    lines: async () => {
      await new Promise(resolve => setImmediate(resolve))
      return received
    }
  }
}

function parseUrl(raw: string): { url: string; username?: string; password?: string } {
  let parsed: URL
  try {
    parsed = new URL(raw)
  } catch {
    throw new RegistryError('invalid-input', 'the registry remote is not a valid URL')
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new RegistryError(
      'invalid-input',
      `the registry remote must be an http(s) URL, not ${parsed.protocol}`
    )
  }
  const username = parsed.username ? decodeURIComponent(parsed.username) : undefined
  const password = parsed.password ? decodeURIComponent(parsed.password) : undefined
  parsed.username = ''
  parsed.password = ''
  return { url: parsed.toString().replace(/\/$/, ''), username, password }
}

function errorCode(error: unknown): string | undefined {
  return (error as { code?: string } | null)?.code
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EPIPE'
])

function isNetworkError(error: unknown): boolean {
  return NETWORK_CODES.has(errorCode(error) ?? '')
}

/** A short reason: status codes and socket error names, never response bodies or headers. */
function describe(error: unknown): string {
  const code = errorCode(error)
  if (code === 'HttpError') {
    const { statusCode, statusMessage } = (error as { data: { statusCode: number; statusMessage: string } })
      .data
    if (statusCode === 401 || statusCode === 403)
      return `authentication failed (HTTP ${statusCode}); check the token`
    if (statusCode === 404) return 'no repository there (HTTP 404)'
    return `HTTP ${statusCode} ${statusMessage}`.trim()
  }
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused'
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host not found'
    case 'ETIMEDOUT':
      return 'timed out'
    case 'ECONNRESET':
    case 'EPIPE':
      return 'connection reset'
    case 'SmartHttpError':
      return 'the server does not speak the Git smart HTTP protocol'
  }
  const message = error instanceof Error ? error.message : String(error)
  return (message.split('\n')[0] ?? 'unknown error').slice(0, 200)
}
