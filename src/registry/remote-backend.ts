/**
 * The registry branch on a remote Git server over smart HTTP (GitHub or any git http-backend).
 * A bare cache repository holds what was fetched: the first fetch is shallow (the tip is all
 * reads need) and history is fetched when log() or an old commit asks for it. Writes are a
 * commit in the cache pushed without force; the server's check of the old value is the
 * compare-and-swap, and a rejected push re-runs the builder on the new tip.
 */
import fs from 'node:fs'
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import git from 'isomorphic-git'
import { RegistryError } from '../domain/errors.js'
import type { ProxySettings } from '../domain/proxy.js'
import type { RegistryPolicy } from '../domain/types.js'
import { validatePolicy } from '../domain/validate.js'
import type {
  ChangeBuilder,
  CommitOutcome,
  LogEntry,
  LogOptions,
  ProposeOutcome,
  RegistryBackend,
  RegistrySnapshot
} from './backend.js'
import { checkBranchName, DEFAULT_BRANCH, openCommit, readJsonAtCommit } from './common.js'
import { writeChangeCommit, type CommitIdentity, type Identity, type WrittenCommit } from './commit-writer.js'
import { GitReader } from './git-reader.js'
import { readLog } from './history.js'
import { OptimisticWriter } from './optimistic-writer.js'
import { readRef } from './ref-lock.js'
import { RemoteTransport } from './remote-transport.js'
import { GitSnapshot, POLICY_PATH } from './snapshot.js'

const FETCH_REFSPEC = '+refs/heads/*:refs/remotes/origin/*'
/** How many attempts a push failing in transit gets before the failure is reported. */
const TRANSIENT_PUSH_ATTEMPTS = 4

export interface RemoteBackendOptions {
  /** e.g. `https://github.com/acme/models.git`; credentials in the URL are used, never printed. */
  url: string
  /** A directory for the bare cache repository; created when missing. One writer process at a time. */
  cacheDir: string
  /** Default `model-registry`. */
  branch?: string
  /** Sent as Basic auth `x-access-token:<token>` (GitHub's form); kept in memory only. */
  token?: string
  /** Default: GIT_AUTHOR_NAME/EMAIL, else `mreg <mreg@localhost>`. */
  author?: Identity
  /** Asked at the first commit when `author` is not given (OptimisticWriterSettings.identity). */
  identity?: () => Promise<CommitIdentity>
  /** How many times a change is built before giving up with a 'conflict' error. Default 50. */
  maxAttempts?: number
  now?: () => Date
  /** A request whose connection stays silent this long fails ('unavailable'). Default 60 s. */
  idleTimeoutMs?: number
  /** HTTPS_PROXY / HTTP_PROXY / NO_PROXY as the front read them. */
  proxy?: ProxySettings
}

export class RemoteRegistryBackend implements RegistryBackend {
  readonly description: string
  readonly branch: string
  readonly cacheDir: string
  private readonly transport: RemoteTransport
  private readonly reader: GitReader
  private readonly writer: OptimisticWriter
  private prepared?: Promise<void>

  constructor(options: RemoteBackendOptions) {
    this.branch = checkBranchName(options.branch ?? DEFAULT_BRANCH)
    this.cacheDir = resolve(options.cacheDir)
    this.reader = new GitReader(this.cacheDir)
    this.transport = new RemoteTransport({
      url: options.url,
      gitdir: this.cacheDir,
      branch: this.branch,
      token: options.token,
      cache: this.reader.cache,
      idleTimeoutMs: options.idleTimeoutMs,
      proxy: options.proxy
    })
    this.description = `${this.transport.displayUrl} (branch ${this.branch})`
    this.writer = new OptimisticWriter(
      {
        readTip: () => this.fetchTip(),
        writeCommit: (parent, change, identity, when) =>
          writeChangeCommit(this.reader, parent, change, identity, when),
        swapTip: (expected, written, attempt) => this.pushTip(expected, written, attempt),
        swapProposal: (written, branch) => this.transport.pushProposal(written.commit, branch),
        // A retry fetches the tip again anyway: build on it rather than re-push a commit now behind it.
        rebuildLostProposals: true,
        notInitialised: () =>
          new RegistryError(
            'not-initialised',
            w =>
              `no registry branch "${this.branch}" at ${this.transport.displayUrl} yet: the first register creates it, or ${w.command('init')}`,
            { field: 'registry-branch', value: this.branch, reason: 'absent' }
          ),
        keptChanging: (branch, attempts) =>
          new RegistryError(
            'conflict',
            `could not push to branch ${branch} at ${this.transport.displayUrl}: it kept changing for ${attempts} attempts; retry later`,
            { attempts }
          )
      },
      this.reader,
      this.branch,
      options
    )
  }

  async init(policy: RegistryPolicy): Promise<{ created: boolean; commit: string }> {
    validatePolicy(policy, POLICY_PATH, 'invalid-input')
    return this.writer.init(policy)
  }

  async snapshot(): Promise<RegistrySnapshot> {
    return GitSnapshot.open(this.reader, await this.writer.requireTip())
  }

  async snapshotAt(commit: string): Promise<RegistrySnapshot> {
    return GitSnapshot.open(this.reader, await this.withHistory(() => openCommit(this.reader, commit)))
  }

  async update<T>(build: ChangeBuilder<T>): Promise<CommitOutcome<T>> {
    return this.writer.update(build)
  }

  /**
   * Only an update has something to lose to a push whose answer was lost (register would delete
   * an artifact whose metadata landed); init reports the failure, and running it again finds the
   * branch if it landed.
   */
  private async pushTip(expected: string | null, written: WrittenCommit, attempt: number): Promise<boolean> {
    const landed =
      expected === null
        ? await this.transport.push(written.commit, null)
        : await this.pushOrLearn(written.commit, expected, attempt)
    if (landed) await this.remember(written.commit)
    return landed
  }

  /**
   * A push that fails in transit (5xx, reset) may still have been applied by the server before
   * the answer was lost. Reporting failure then would make register delete an artifact whose
   * metadata landed, so ask the server: our commit at the tip means it landed; otherwise the
   * push is tried again, a few times, like a lost race.
   */
  private async pushOrLearn(commit: string, expected: string, attempt: number): Promise<boolean> {
    try {
      return await this.transport.push(commit, expected)
    } catch (error) {
      if (!(error instanceof RegistryError) || error.kind !== 'unavailable') throw error
      let tip: string | null
      try {
        tip = await this.fetchTip()
      } catch {
        throw error
      }
      if (tip === commit) return true
      if (attempt >= TRANSIENT_PUSH_ATTEMPTS) throw error
      return false
    }
  }

  async log(options: LogOptions = {}): Promise<LogEntry[]> {
    const tip = await this.writer.requireTip()
    if (await this.isShallow()) await this.transport.unshallow()
    return readLog(this.reader, tip, options)
  }

  async readJsonAt(commit: string, path: string): Promise<unknown | null> {
    return this.withHistory(() => readJsonAtCommit(this.reader, commit, path))
  }

  /**
   * The proposal is built on the freshly fetched tip and force-pushed to its own branch only
   * (`+<commit>:refs/heads/<branch>`); the registry branch is never pushed here.
   */
  async propose<T>(build: ChangeBuilder<T>, branch: string): Promise<ProposeOutcome<T>> {
    return this.writer.propose(build, branch)
  }

  async fetchCommit(ref: string, from: string[] = []): Promise<string> {
    await this.prepare()
    if (!/^[0-9a-f]{4,40}$/i.test(ref)) {
      const name = ref.startsWith('refs/') ? ref : `refs/heads/${checkBranchName(ref)}`
      const fetched = await this.transport.fetchRef(name)
      if (!fetched) {
        throw new RegistryError('not-found', `no branch or ref "${ref}" at ${this.transport.displayUrl}`)
      }
      return openCommit(this.reader, fetched)
    }
    const present = async (): Promise<string | null> => {
      try {
        return await openCommit(this.reader, ref)
      } catch (error) {
        if (isNotFound(error)) return null
        throw error
      }
    }
    const known = await present()
    if (known) return known
    for (const candidate of from) {
      if ((await this.transport.fetchRef(candidate)) === null) continue
      const found = await present()
      if (found) return found
    }
    return this.withHistory(() => openCommit(this.reader, ref))
  }

  async parents(commit: string): Promise<string[]> {
    return this.withHistory(
      async () => (await this.reader.readCommit(await openCommit(this.reader, commit))).parents
    )
  }

  /** The remote tip after fetching it; null when the remote has no registry branch. */
  private async fetchTip(): Promise<string | null> {
    await this.prepare()
    const known = await readRef(this.cacheDir, this.transport.trackingRef)
    return this.transport.fetch({ depth: known ? undefined : 1 })
  }

  /**
   * A commit this cache lacks may be newer than the last fetch or older than the shallow
   * boundary: fetch the tip, then the history, reading again after each.
   */
  private async withHistory<T>(read: () => Promise<T>): Promise<T> {
    await this.prepare()
    const again = async (fetchMore: () => Promise<unknown>): Promise<T | undefined> => {
      await fetchMore()
      try {
        return await read()
      } catch (error) {
        if (isNotFound(error)) return undefined
        throw error
      }
    }
    try {
      return await read()
    } catch (error) {
      if (!isNotFound(error)) throw error
    }
    const afterFetch = await again(() => this.fetchTip())
    if (afterFetch !== undefined) return afterFetch
    if (await this.isShallow()) await this.transport.unshallow()
    return read()
  }

  /** After our own push, so the next fetch tells the server we already have this commit. */
  private async remember(commit: string): Promise<void> {
    const path = join(this.cacheDir, this.transport.trackingRef)
    await mkdir(dirname(path), { recursive: true })
    await writeFile(path, `${commit}\n`)
  }

  private async isShallow(): Promise<boolean> {
    try {
      return (await readFile(join(this.cacheDir, 'shallow'), 'utf8')).trim() !== ''
    } catch {
      return false
    }
  }

  private prepare(): Promise<void> {
    this.prepared ??= (async () => {
      try {
        if (!(await isDirectory(join(this.cacheDir, 'objects')))) {
          await mkdir(this.cacheDir, { recursive: true })
          await git.init({ fs, dir: this.cacheDir, bare: true, defaultBranch: this.branch })
        }
        // isomorphic-git's fetch needs a refspec to store the remote-tracking ref; the URL is
        // deliberately not configured, so neither it nor a token ends up on disk.
        await git.setConfig({ fs, gitdir: this.cacheDir, path: 'remote.origin.fetch', value: FETCH_REFSPEC })
      } catch (error) {
        throw new RegistryError(
          'unavailable',
          `cannot create the registry cache in ${this.cacheDir}: ${(error as Error).message}`
        )
      }
    })()
    return this.prepared.catch(error => {
      this.prepared = undefined
      throw error
    })
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory()
  } catch {
    return false
  }
}

const isNotFound = (error: unknown): boolean => error instanceof RegistryError && error.kind === 'not-found'
