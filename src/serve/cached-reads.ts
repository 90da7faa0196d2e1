/**
 * Reads for the server's requests: a snapshot of the registry branch is immutable, so the one at
 * the tip the event hub last saw is kept (its parsed trees with it), instead of reopening
 * the branch (and, on GitHub, fetching it) for every request. The hub moves the pin when it sees
 * a new tip (at once locally; on GitHub at the next poll or webhook), before it tells the event.
 */
import type {
  ChangeBuilder,
  CommitOutcome,
  LogEntry,
  LogOptions,
  ProposeOutcome,
  RegistryBackend,
  RegistrySnapshot
} from '../registry/backend.js'
import type { RegistryPolicy } from '../domain/types.js'

export class CachedReads implements RegistryBackend {
  private current: Promise<RegistrySnapshot> | null = null

  constructor(private readonly inner: RegistryBackend) {}

  get description(): string {
    return this.inner.description
  }

  get branch(): string {
    return this.inner.branch
  }

  /** The tip moved to `commit`: later requests read it. */
  pin(commit: string): void {
    this.current = this.inner.snapshotAt(commit)
    this.current.catch(() => (this.current = null))
  }

  snapshot(): Promise<RegistrySnapshot> {
    if (!this.current) {
      this.current = this.inner.snapshot()
      // A failure (no branch yet, network) is not kept: the next request tries again.
      this.current.catch(() => (this.current = null))
    }
    return this.current
  }

  snapshotAt(commit: string): Promise<RegistrySnapshot> {
    return this.inner.snapshotAt(commit)
  }

  init(policy: RegistryPolicy): Promise<{ created: boolean; commit: string }> {
    return this.inner.init(policy)
  }

  update<T>(build: ChangeBuilder<T>): Promise<CommitOutcome<T>> {
    return this.inner.update(build)
  }

  log(options?: LogOptions): Promise<LogEntry[]> {
    return this.inner.log(options)
  }

  readJsonAt(commit: string, path: string): Promise<unknown | null> {
    return this.inner.readJsonAt(commit, path)
  }

  async propose<T>(build: ChangeBuilder<T>, branch: string): Promise<ProposeOutcome<T>> {
    if (!this.inner.propose) throw new Error('propose: not supported by this backend')
    return this.inner.propose(build, branch)
  }

  async fetchCommit(ref: string, from?: string[]): Promise<string> {
    return this.inner.fetchCommit ? this.inner.fetchCommit(ref, from) : ref
  }

  async parents(commit: string): Promise<string[]> {
    return this.inner.parents ? this.inner.parents(commit) : []
  }
}
