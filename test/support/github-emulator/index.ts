/**
 * A local, stateful GitHub for tests: the REST endpoints the product calls, validated against
 * GitHub's published OpenAPI description, plus the repository over git smart HTTP and a second
 * origin for asset downloads. See rules.ts for every behaviour emulated beyond the description.
 *
 *   const gh = await startGitHubEmulator({ token: 't' })
 *   const octokit = new Octokit({ auth: gh.token, baseUrl: gh.apiUrl })
 *   // git push `${gh.serverUrl}/${gh.owner}/${gh.repo}.git` with http.extraHeader (gh.gitEnv())
 *   expect(gh.validationErrors).toEqual([])
 *   await gh.close()
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { basicHeader } from './auth.js'
import type { EmulatorContext } from './context.js'
import { DownloadSigner, serveDownload } from './download.js'
import { FaultInjector } from './faults.js'
import { GitRepo, isolatedGitEnv } from './git/repo.js'
import { PushRules } from './git/push-rules.js'
import { objectBatch } from './git/object-batch.js'
import { HANDLERS } from './handlers/index.js'
import { PathMatcher } from './openapi/paths.js'
import { loadSpec } from './openapi/spec.js'
import { OpenApiValidator } from './openapi/validator.js'
import { RateLimiter } from './rate-limit.js'
import { WriteQueue, handleMain, record, type Pipeline } from './server.js'
import { EmulatorState, timestamp } from './state.js'
import type { EmulatorOptions, GitHubEmulator, RecordedRequest } from './types.js'

export type { EmulatorOptions, GitHubEmulator, RecordedRequest } from './types.js'
export type { FaultInjector } from './faults.js'
export type { PushRules, Ruleset, RulesetRule } from './git/push-rules.js'
export type { TokenGrant, TokenTable } from './tokens.js'
export type { EmulatorState, ReleaseRecord, AssetRecord, PullRecord, ReviewRecord } from './state.js'
export { RULES, type RuleName } from './rules.js'
export { ALL_WRITE, type TokenPermissions } from './permissions.js'
export { basicHeader } from './auth.js'

/** GitHub's per-asset limit: "Each file included in a release must be under 2 GiB." */
export const DEFAULT_MAX_ASSET_BYTES = 2 * 1024 ** 3 - 1

let shared: { validator: OpenApiValidator; matcher: PathMatcher } | undefined

/** The validator and matcher are per process: the description is read and compiled once. */
function openapi(): { validator: OpenApiValidator; matcher: PathMatcher } {
  if (!shared) {
    const spec = loadSpec(Object.keys(HANDLERS))
    shared = { validator: new OpenApiValidator(spec), matcher: new PathMatcher(spec.routes) }
  }
  return shared
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port))
  })
}

function close(server: Server): Promise<void> {
  return new Promise(resolve => {
    server.close(() => resolve())
    server.closeAllConnections()
  })
}

/** Answer with a plain 500 (and record why) when the pipeline itself throws. */
function guard(
  validationErrors: string[],
  run: (req: IncomingMessage, res: ServerResponse) => Promise<void>
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    run(req, res).catch((error: unknown) => {
      validationErrors.push(
        `emulator failure on ${req.method} ${req.url}: ${(error as Error).stack ?? String(error)}`
      )
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' })
      res.end('GitHub emulator failure')
    })
  }
}

export async function startGitHubEmulator(options: EmulatorOptions = {}): Promise<GitHubEmulator> {
  const owner = options.owner ?? 'acme'
  const repo = options.repo ?? 'models'
  const token = options.token ?? `ghs_emulator${randomBytes(12).toString('hex')}`
  const defaultBranch = options.defaultBranch ?? 'main'
  const { validator, matcher } = openapi()

  const root = await mkdtemp(join(tmpdir(), 'gh-emulator-'))
  const repoDir = join(root, owner, `${repo}.git`)
  const git = new GitRepo(repoDir)
  await git.init(defaultBranch)
  if (options.initialCommit !== false) {
    await git.commitFile(defaultBranch, 'README.md', `# ${repo}\n`, 'Initial commit\n')
  }

  const requests: RecordedRequest[] = []
  const validationErrors: string[] = []
  const state = new EmulatorState(git, 'github-actions[bot]', owner, token)
  if (options.permissions) state.tokenPermissions = { ...options.permissions }
  if (options.actionsCanCreatePullRequests !== undefined)
    state.actionsCanCreatePullRequests = options.actionsCanCreatePullRequests
  const faults = new FaultInjector()
  // The listeners exist before the ports (and so the URLs) are known; these are filled in below.
  const late: { pipeline?: Pipeline; signer?: DownloadSigner } = {}

  const main = createServer(
    guard(validationErrors, (req, res) => handleMain(late.pipeline as Pipeline, req, res))
  )
  const download = createServer(
    guard(validationErrors, async (req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname
      const entry = record(requests, req, res, 'download', path)
      const fault = faults.takeFailure('download', req.method ?? 'GET', path)
      if (fault) {
        entry.rule = 'injected-fault'
        res.writeHead(fault.status, { 'content-type': 'text/plain', ...fault.headers })
        res.end(`Injected fault: ${fault.status}\n`)
        return
      }
      const reset = faults.takeConnectionReset('download', req.method ?? 'GET', path)
      if (reset) {
        // Mid-transfer: the response starts, half the bytes go out, then the connection drops.
        res.end = ((chunk?: unknown) => {
          if (Buffer.isBuffer(chunk) && chunk.length > 1)
            res.write(chunk.subarray(0, Math.floor(chunk.length / 2)), () => res.destroy())
          else res.destroy()
          return res
        }) as typeof res.end
      }
      const served = serveDownload(ctx, late.signer as DownloadSigner, req, res).rule
      entry.rule = reset ? 'injected-fault' : served
    })
  )
  const [mainPort, downloadPort] = await Promise.all([listen(main), listen(download)])
  const serverUrl = `http://127.0.0.1:${mainPort}`
  const downloadOrigin = `http://127.0.0.1:${downloadPort}`
  const repoId = 700_000 + (mainPort % 100_000)
  const signer = new DownloadSigner(downloadOrigin, repoId)
  late.signer = signer

  const pushRules = new PushRules()
  const ctx: EmulatorContext = {
    apiUrl: `${serverUrl}/api/v3`,
    serverUrl,
    uploadsUrl: `${serverUrl}/uploads`,
    downloadOrigin,
    owner,
    repo,
    repoId,
    defaultBranch,
    createdAt: timestamp(),
    maxAssetBytes: options.maxAssetBytes ?? DEFAULT_MAX_ASSET_BYTES,
    immutableReleases: options.immutableReleases ?? false,
    state,
    git,
    faults,
    pushRules,
    signDownload: (assetId, name) => signer.url(assetId, name)
  }
  late.pipeline = {
    ctx,
    writes: new WriteQueue(),
    pushRules,
    projectRoot: root,
    validator,
    matcher,
    limiter: new RateLimiter(options.rateLimit),
    requests,
    validationErrors,
    latencyMs: options.latencyMs ?? 0
  }

  return {
    apiUrl: ctx.apiUrl,
    serverUrl,
    uploadsUrl: ctx.uploadsUrl,
    downloadOrigin,
    token,
    owner,
    repo,
    gitUrl: `${serverUrl}/${owner}/${repo}.git`,
    repoDir,
    state,
    faults,
    pushRules,
    tokens: state.tokens,
    requests,
    validationErrors,
    gitEnv: (extra = {}) =>
      isolatedGitEnv({
        GIT_CONFIG_COUNT: '1',
        GIT_CONFIG_KEY_0: 'http.extraHeader',
        GIT_CONFIG_VALUE_0: basicHeader(token),
        GIT_AUTHOR_NAME: 'Emulator Test',
        GIT_AUTHOR_EMAIL: 'test@example.com',
        GIT_COMMITTER_NAME: 'Emulator Test',
        GIT_COMMITTER_EMAIL: 'test@example.com',
        ...extra
      }),
    close: async () => {
      await Promise.all([close(main), close(download)])
      objectBatch(ctx.git).close()
      await rm(root, { recursive: true, force: true })
    }
  }
}
