/**
 * Public types of the GitHub emulator. Tests of the GitHub client, the release-asset store and the
 * Action end to end import these; keep them stable.
 */
import type { EmulatorState } from './state.js'
import type { FaultInjector } from './faults.js'
import type { PushRules } from './git/push-rules.js'
import type { TokenTable } from './tokens.js'

export interface EmulatorOptions {
  /** Repository owner (a user). Default `acme`. */
  owner?: string
  /** Repository name. Default `models`. */
  repo?: string
  /** The main token (API: `token X`, `Bearer X`; git: Basic `<any user>:X`); more in `tokens`. */
  token?: string
  /** Largest asset accepted, in bytes. Default 2 GiB - 1 (GitHub's per-file limit). */
  maxAssetBytes?: number
  /** Published releases are immutable: no asset upload/delete, tag locked. Default false. */
  immutableReleases?: boolean
  rateLimit?: {
    /** Requests per window before the primary limit answers 403. Default 5000. */
    primaryLimit?: number
    /** Every Nth API request is refused by the secondary limit (429 + retry-after). Off by default. */
    secondaryEveryN?: number
    /** `retry-after` of those secondary refusals, seconds. Default 1. */
    secondaryRetryAfterSeconds?: number
    /** Length of the primary window, seconds (reset = window start + this). Default 3600. */
    windowSeconds?: number
  }
  /** The token's permissions (rule token-permissions). Default: every permission at write. */
  permissions?: import('./permissions.js').TokenPermissions
  /** "Allow GitHub Actions to create and approve pull requests". Default true. */
  actionsCanCreatePullRequests?: boolean
  /** Name of the default branch. Default `main`. */
  defaultBranch?: string
  /** Create one commit (a README) on the default branch, as a new GitHub repository offers. Default true. */
  initialCommit?: boolean
  /**
   * Milliseconds every API answer waits before it is sent, as a network round trip to GitHub
   * would add (a runner to api.github.com: tens of milliseconds). Default 0. Requests sent
   * together wait together; requests sent one after another add it up. Not for answers that
   * stream (uploads, downloads, git).
   */
  latencyMs?: number
}

export interface RecordedRequest {
  /** Which listener and which part of it answered. */
  origin: 'api' | 'uploads' | 'git' | 'web' | 'download'
  method: string
  /** Path without the `/api/v3` or `/uploads` prefix and without the query string. */
  path: string
  /** The full request target as received (path and query). */
  url: string
  status: number
  /** The OpenAPI operation the request matched, when it is an API request. */
  operationId?: string
  /** The named behaviour (see rules.ts) that produced this response, if any. */
  rule?: string
  /** Whether the request carried an Authorization header (the download origin refuses those). */
  authorization: boolean
  /** Bytes of the request body and of the response (headers excluded), for transfer budgets. */
  requestBytes: number
  responseBytes: number
  /** When the request arrived and when its response was sent (epoch ms, fractional; 0 until then): a command's timeline. */
  startedAt: number
  finishedAt: number
}

export interface GitHubEmulator {
  /** REST API base URL, GitHub Enterprise style: `http://127.0.0.1:PORT/api/v3` (Octokit `baseUrl`). */
  apiUrl: string
  /** Web and git origin: `http://127.0.0.1:PORT`; git remote is `${serverUrl}/${owner}/${repo}.git`. */
  serverUrl: string
  /** Where create-release's `upload_url` points: `http://127.0.0.1:PORT/uploads`. */
  uploadsUrl: string
  /** The second origin asset downloads redirect to (another port, like objects.githubusercontent.com). */
  downloadOrigin: string
  token: string
  owner: string
  repo: string
  /** `${serverUrl}/${owner}/${repo}.git` */
  gitUrl: string
  /** The bare repository on disk (served over smart HTTP and read by the refs/pulls endpoints). */
  repoDir: string
  state: EmulatorState
  faults: FaultInjector
  /** The rulesets and branch protection git pushes and merges meet. */
  pushRules: PushRules
  /**
   * Every token accepted (the main one included) with its login and permissions, for the API and
   * git alike: `tokens.add('ghs_app', { login: 'mreg-registry[bot]', permissions: ALL_WRITE })`.
   */
  tokens: TokenTable
  requests: RecordedRequest[]
  /** Every OpenAPI mismatch found; each also turned its response into a 500. Tests assert it stays empty. */
  validationErrors: string[]
  /** Environment for a `git` child process: auth header via GIT_CONFIG_*, no prompts, no system config. */
  gitEnv(extra?: NodeJS.ProcessEnv): NodeJS.ProcessEnv
  close(): Promise<void>
}
