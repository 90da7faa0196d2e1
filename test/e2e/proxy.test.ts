/**
 * Self-hosted runners that reach GitHub only through a proxy: HTTP_PROXY / HTTPS_PROXY (either
 * case) carry the API calls, the git traffic and the asset downloads through a real forward proxy
 * on 127.0.0.1 (test/support/http-proxy.ts), and NO_PROXY sends them straight. Through
 * `mreg --github` and through the Action bundle.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import { join } from 'node:path'
import { resetGitHubClients } from '../../src/github/client.js'
import { githubCliArgs, mreg, removeDir, tempDir, testEnv } from '../support/cli-harness.js'
import { startGitHubEmulator, type GitHubEmulator } from '../support/github-emulator/index.js'
import { startTestProxy, type TestProxy } from '../support/http-proxy.js'
import { writeModelFile } from './support/registry-state.js'
import { bundleAction, newJob, runStep, type Bundle, type Job } from './support/run-action.js'

let bundle: Bundle
let gh: GitHubEmulator
let proxy: TestProxy
let job: Job
let work: string

beforeAll(async () => {
  bundle = await bundleAction()
  gh = await startGitHubEmulator()
  proxy = await startTestProxy()
  job = await newJob(gh)
  work = await tempDir()
  await writeModelFile(join(work, 'model.pkl'))
  await writeModelFile(join(job.workspace, 'model.pkl'))
}, 60_000)

afterAll(async () => {
  await job?.dispose()
  await proxy?.close()
  await gh?.close()
  await bundle?.dispose()
  await removeDir(work)
  resetGitHubClients()
})

beforeEach(() => {
  proxy.requests.length = 0
  resetGitHubClients()
})

const port = () => new URL(gh.serverUrl).port
const downloadPort = () => new URL(gh.downloadOrigin).port

/** What reached the emulator's origins through the proxy, by kind of traffic. */
function through(): { api: number; git: number; download: number } {
  const targets = proxy.requests.map(r => r.target)
  const onMain = (needle: string) =>
    targets.filter(t => t.includes(`127.0.0.1:${port()}${needle}`) || t === `127.0.0.1:${port()}`).length
  return {
    api: onMain('/api/v3/'),
    git: onMain('/acme/models.git/'),
    download: targets.filter(t => t.includes(`127.0.0.1:${downloadPort()}`)).length
  }
}

const cli = (args: string[], extra: Record<string, string>) =>
  mreg(
    work,
    githubCliArgs(gh, ...args),
    testEnv({ GITHUB_TOKEN: gh.token, XDG_CACHE_HOME: join(work, 'cache'), ...extra })
  )

describe('mreg --github behind a proxy', () => {
  test('HTTP_PROXY: init, register and fetch go through it (API, git, download)', async () => {
    const env = { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url }
    expect((await cli(['init'], env)).code).toBe(0)
    const registered = await cli(['register', join(work, 'model.pkl'), '--type', 'isolation_forest'], env)
    expect(registered.stderr).toBe('')
    expect(registered.code).toBe(0)
    const fetched = await cli(['fetch', 'isolation_forest@latest', '--out', join(work, 'out.pkl')], env)
    expect(fetched.stderr).toBe('')
    expect(fetched.code).toBe(0)
    // The registry branch moves through the API; history reads a git fetch of it.
    const history = await cli(['history', 'isolation_forest@latest'], env)
    expect(history.stderr).toBe('')
    expect(history.code).toBe(0)
    expect(proxy.requests.length).toBeGreaterThan(0)
    // A tunnel (CONNECT host:port) carries many requests; a forwarded request names its URL.
    const tunnels = proxy.requests.filter(r => r.kind === 'connect').map(r => r.target)
    const forwarded = proxy.requests.filter(r => r.kind === 'forward').map(r => r.target)
    expect(forwarded.some(t => t.includes('/acme/models.git/info/refs?service=git-upload-pack'))).toBe(true)
    expect(tunnels).toContain(`127.0.0.1:${port()}`)
    expect(tunnels).toContain(`127.0.0.1:${downloadPort()}`)
    expect(gh.validationErrors).toEqual([])
  }, 90_000)

  test('NO_PROXY naming the host: nothing goes through the proxy', async () => {
    const listed = await cli(['list'], {
      HTTP_PROXY: proxy.url,
      HTTPS_PROXY: proxy.url,
      NO_PROXY: 'localhost,127.0.0.1'
    })
    expect(listed.code).toBe(0)
    const shown = await cli(['fetch', 'isolation_forest@latest', '--out', join(work, 'again.pkl')], {
      http_proxy: proxy.url,
      no_proxy: '127.0.0.1'
    })
    expect(shown.stderr).toBe('')
    expect(shown.code).toBe(0)
    expect(proxy.requests).toEqual([])
  }, 60_000)

  test('a proxy that is down fails the command with a one-line unavailable message', async () => {
    const dead = await startTestProxy()
    const url = dead.url
    await dead.close()
    const result = await cli(['list'], { HTTP_PROXY: url })
    expect(result.code).toBe(1)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    // The first request reads the registry branch's ref through the API.
    expect(result.stderr).toMatch(
      /^mreg: reading branch model-registry failed: cannot reach GitHub at .* \(ECONNREFUSED\)/
    )
  }, 60_000)
})

describe('the Action behind a proxy', () => {
  test('lowercase https_proxy/http_proxy: register (API) and history (git) go through it; NO_PROXY bypasses it', async () => {
    const inputs = { command: 'register', 'model-path': 'model.pkl', 'model-type': 'isolation_forest' }
    const proxied = await runStep(bundle, job, {
      inputs,
      env: { http_proxy: proxy.url, https_proxy: proxy.url }
    })
    expect(proxied.errors).toEqual([])
    expect(proxied.code).toBe(0)
    // The API (the registry branch moves through it, the release and its upload): a CONNECT
    // tunnel to GitHub's origin.
    expect(proxy.requests.some(r => r.kind === 'connect' && r.target === `127.0.0.1:${port()}`)).toBe(true)
    // git (history reads a fetch of the branch): forwarded through the same proxy.
    proxy.requests.length = 0
    const history = await runStep(bundle, job, {
      inputs: { command: 'history', reference: 'isolation_forest@latest' },
      env: { http_proxy: proxy.url, https_proxy: proxy.url }
    })
    expect(history.errors).toEqual([])
    expect(history.code).toBe(0)
    expect(
      proxy.requests.some(
        r => r.kind === 'forward' && r.target.includes('/acme/models.git/info/refs?service=git-upload-pack')
      )
    ).toBe(true)
    expect(through().git).toBeGreaterThan(0)

    proxy.requests.length = 0
    const direct = await runStep(bundle, job, {
      inputs,
      env: { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, NO_PROXY: '127.0.0.1' }
    })
    expect(direct.errors).toEqual([])
    expect(direct.code).toBe(0)
    expect(proxy.requests).toEqual([])
  }, 90_000)
})
